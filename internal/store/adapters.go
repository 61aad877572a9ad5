package store

import (
	"database/sql/driver"
	"encoding/json"
	"fmt"
	"time"

	"twincities/internal/content"
)

// The adapters below stand in a column list for an entry's value that is not one column of a
// type pgx knows. Each implements sql.Scanner, which pgx calls with the column's value in the
// types database/sql knows (or nil for NULL), and driver.Valuer, whose value pgx sends. They hold
// a pointer into the entry, so they read and write the entry itself.

// dateDay is the date column of a content.Date, NULL when the date is zero. The schema keeps the
// date and its precision both NULL or both set.
type dateDay struct{ d *content.Date }

// Value is the date's day, or NULL.
func (a dateDay) Value() (driver.Value, error) {
	if a.d.IsZero() {
		return nil, nil
	}
	return a.d.Time, nil
}

// Scan sets the date's day: midnight UTC, as content dates are.
func (a dateDay) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		a.d.Time = time.Time{}
	case time.Time:
		a.d.Time = time.Date(v.Year(), v.Month(), v.Day(), 0, 0, 0, 0, time.UTC)
	default:
		return fmt.Errorf("store: a date column holds %T", src)
	}
	return nil
}

// datePrecision is the precision column of a content.Date, NULL when the date is zero.
type datePrecision struct{ d *content.Date }

// Value is the precision, or NULL.
func (a datePrecision) Value() (driver.Value, error) {
	if a.d.IsZero() {
		return nil, nil
	}
	return string(a.d.Precision), nil
}

// Scan sets the precision; NULL leaves the date zero.
func (a datePrecision) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		a.d.Precision = ""
	case string:
		a.d.Precision = content.Precision(v)
	default:
		return fmt.Errorf("store: a precision column holds %T", src)
	}
	return nil
}

// latitude and longitude are the two columns of an optional content.GeoPoint, NULL when there is
// none. The schema keeps them both NULL or both set, so the point is nil or whole.
type (
	latitude  struct{ p **content.GeoPoint }
	longitude struct{ p **content.GeoPoint }
)

// Value is the latitude, or NULL.
func (a latitude) Value() (driver.Value, error) {
	return geoValue(*a.p, func(g *content.GeoPoint) float64 { return g.Lat })
}

// Scan sets the latitude.
func (a latitude) Scan(src any) error {
	return geoScan(a.p, src, func(g *content.GeoPoint, v float64) { g.Lat = v })
}

// Value is the longitude, or NULL.
func (a longitude) Value() (driver.Value, error) {
	return geoValue(*a.p, func(g *content.GeoPoint) float64 { return g.Lon })
}

// Scan sets the longitude.
func (a longitude) Scan(src any) error {
	return geoScan(a.p, src, func(g *content.GeoPoint, v float64) { g.Lon = v })
}

func geoValue(g *content.GeoPoint, part func(*content.GeoPoint) float64) (driver.Value, error) {
	if g == nil {
		return nil, nil
	}
	return part(g), nil
}

func geoScan(p **content.GeoPoint, src any, set func(*content.GeoPoint, float64)) error {
	switch v := src.(type) {
	case nil:
		*p = nil
	case float64:
		if *p == nil {
			*p = &content.GeoPoint{}
		}
		set(*p, v)
	default:
		return fmt.Errorf("store: a coordinate column holds %T", src)
	}
	return nil
}

// sources is the jsonb column of an entry's sources. No sources are stored as [] rather than
// null, which the schema refuses.
type sources struct{ s *[]content.Source }

// Value is the sources as a JSON array.
func (a sources) Value() (driver.Value, error) {
	s := *a.s
	if s == nil {
		s = []content.Source{}
	}
	return json.Marshal(s)
}

// Scan reads the JSON array.
func (a sources) Scan(src any) error {
	var data []byte
	switch v := src.(type) {
	case []byte:
		data = v
	case string:
		data = []byte(v)
	default:
		return fmt.Errorf("store: the sources column holds %T", src)
	}
	*a.s = nil
	return json.Unmarshal(data, a.s)
}
