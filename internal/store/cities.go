package store

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"twincities/internal/content"
)

// cityColumns lists the columns cityRow scans, in one place for every query, from cityFrom.
var cityColumns = `c.id, c.kind, c.slug, c.name_ru, c.name_en, c.country, c.region_ru, c.region_en,
	c.latitude, c.longitude, c.since_date, c.since_precision, c.status, c.status_date, c.status_precision,
	c.status_note_ru, c.status_note_en, c.summary_ru, c.summary_en, c.body_ru, c.body_en, c.website,
	c.sources, c.published, c.editor_note, c.sort_order, c.version, c.deleted_at, c.created_at, c.updated_at, ` +
	pictureColumns("c")

var cityFrom = `cities c` + pictureJoin("c")

type cityRow struct {
	ID              int64            `db:"id"`
	Kind            string           `db:"kind"`
	Slug            string           `db:"slug"`
	NameRU          string           `db:"name_ru"`
	NameEN          string           `db:"name_en"`
	Country         string           `db:"country"`
	RegionRU        string           `db:"region_ru"`
	RegionEN        string           `db:"region_en"`
	Latitude        *float64         `db:"latitude"`
	Longitude       *float64         `db:"longitude"`
	SinceDate       *time.Time       `db:"since_date"`
	SincePrecision  *string          `db:"since_precision"`
	Status          string           `db:"status"`
	StatusDate      *time.Time       `db:"status_date"`
	StatusPrecision *string          `db:"status_precision"`
	StatusNoteRU    string           `db:"status_note_ru"`
	StatusNoteEN    string           `db:"status_note_en"`
	SummaryRU       string           `db:"summary_ru"`
	SummaryEN       string           `db:"summary_en"`
	BodyRU          string           `db:"body_ru"`
	BodyEN          string           `db:"body_en"`
	Website         string           `db:"website"`
	Sources         []content.Source `db:"sources"`
	Published       bool             `db:"published"`
	EditorNote      string           `db:"editor_note"`
	SortOrder       int              `db:"sort_order"`
	Version         int              `db:"version"`
	DeletedAt       *time.Time       `db:"deleted_at"`
	CreatedAt       time.Time        `db:"created_at"`
	UpdatedAt       time.Time        `db:"updated_at"`
	pictureRow
}

func (r cityRow) city() content.City {
	c := content.City{
		ID: r.ID, Kind: content.CityKind(r.Kind), Slug: r.Slug,
		Name:       content.Text{RU: r.NameRU, EN: r.NameEN},
		Country:    r.Country,
		Region:     content.Text{RU: r.RegionRU, EN: r.RegionEN},
		Since:      dateFrom(r.SinceDate, r.SincePrecision),
		Status:     content.Status(r.Status),
		StatusDate: dateFrom(r.StatusDate, r.StatusPrecision),
		StatusNote: content.Text{RU: r.StatusNoteRU, EN: r.StatusNoteEN},
		Summary:    content.Text{RU: r.SummaryRU, EN: r.SummaryEN},
		Body:       content.Text{RU: r.BodyRU, EN: r.BodyEN},
		Website:    r.Website, Sources: r.Sources, Published: r.Published,
		EditorNote: r.EditorNote, SortOrder: r.SortOrder,
		Picture: r.picture(), Version: r.Version, DeletedAt: r.DeletedAt,
		CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt,
	}
	if r.Latitude != nil && r.Longitude != nil {
		c.Location = &content.GeoPoint{Lat: *r.Latitude, Lon: *r.Longitude}
	}
	return c
}

func collectCities(rows pgx.Rows, err error) ([]content.City, error) {
	return collect(rows, err, cityRow.city)
}

// CityQuery selects cities for a list.
type CityQuery struct {
	Kind content.CityKind // "" for every kind
	Filter
}

// ListCities returns the cities q selects, in the order staff set, then by the start of the
// relationship.
func ListCities(ctx context.Context, db DBTX, q CityQuery) ([]content.City, error) {
	where, args := q.Filter.where("c", []string{"name_ru", "name_en"}, []any{string(q.Kind)})
	cities, err := collectCities(db.Query(ctx, `SELECT `+cityColumns+` FROM `+cityFrom+`
		WHERE ($1::text = '' OR c.kind = $1) AND `+where+`
		ORDER BY c.sort_order, c.since_date NULLS LAST, c.name_en, c.id`, args...))
	if err != nil {
		return nil, fmt.Errorf("store: list cities: %w", err)
	}
	return cities, nil
}

// CityBySlug returns the city of kind with slug, not in the trash; with publishedOnly a draft is
// ErrNotFound.
func CityBySlug(ctx context.Context, db DBTX, kind content.CityKind, slug string, publishedOnly bool) (content.City, error) {
	found, err := only(collectCities(db.Query(ctx, `SELECT `+cityColumns+` FROM `+cityFrom+`
		WHERE c.kind = $1 AND c.slug = $2 AND c.deleted_at IS NULL AND (c.published OR NOT $3)`,
		string(kind), slug, publishedOnly)))
	if err != nil {
		return content.City{}, fmt.Errorf("store: city %s/%s: %w", kind, slug, err)
	}
	return found, nil
}

// cityByID returns a city whatever its state, locking its row for the transaction when lock is set.
func cityByID(ctx context.Context, db DBTX, id int64, lock bool) (content.City, error) {
	sql := `SELECT ` + cityColumns + ` FROM ` + cityFrom + ` WHERE c.id = $1`
	if lock {
		sql += ` FOR UPDATE OF c`
	}
	found, err := only(collectCities(db.Query(ctx, sql, id)))
	if err != nil {
		return content.City{}, fmt.Errorf("store: city %d: %w", id, err)
	}
	return found, nil
}

// cityValues are the editable columns of a city, in the order of insertCity and updateCity.
func cityValues(c *content.City) []any {
	var lat, lon *float64
	if c.Location != nil {
		lat, lon = &c.Location.Lat, &c.Location.Lon
	}
	sinceDate, sincePrec := dateArgs(c.Since)
	statusDate, statusPrec := dateArgs(c.StatusDate)
	imageID, altRU, altEN, credit := pictureArgs(c.Picture)
	return []any{string(c.Kind), c.Slug, c.Name.RU, c.Name.EN, c.Country, c.Region.RU, c.Region.EN,
		lat, lon, sinceDate, sincePrec, string(c.Status), statusDate, statusPrec,
		c.StatusNote.RU, c.StatusNote.EN, c.Summary.RU, c.Summary.EN, c.Body.RU, c.Body.EN, c.Website,
		sourcesArg(c.Sources), c.Published, c.EditorNote, c.SortOrder, imageID, altRU, altEN, credit}
}

const cityEditable = `kind, slug, name_ru, name_en, country, region_ru, region_en,
	latitude, longitude, since_date, since_precision, status, status_date, status_precision,
	status_note_ru, status_note_en, summary_ru, summary_en, body_ru, body_en, website, sources,
	published, editor_note, sort_order, image_id, image_alt_ru, image_alt_en, image_credit`

// InsertCity stores a new city as version 1 and sets its ID and times. A taken slug is a
// validation error. It records no history: use Cities.Create for that.
func InsertCity(ctx context.Context, db DBTX, c *content.City) error {
	err := db.QueryRow(ctx, `INSERT INTO cities (`+cityEditable+`)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20,
			$21, $22, $23, $24, $25, $26, $27, $28, $29)
		RETURNING id, version, created_at, updated_at`, cityValues(c)...,
	).Scan(&c.ID, &c.Version, &c.CreatedAt, &c.UpdatedAt)
	if err != nil {
		return fmt.Errorf("store: insert city %s/%s: %w", c.Kind, c.Slug, uniqueViolation(err, "slug"))
	}
	return nil
}

// updateCity writes every editable column of c and raises its version.
func updateCity(ctx context.Context, db DBTX, c *content.City) error {
	err := db.QueryRow(ctx, `UPDATE cities SET (`+cityEditable+`) =
		($2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21,
			$22, $23, $24, $25, $26, $27, $28, $29, $30),
		version = version + 1, updated_at = now()
		WHERE id = $1 RETURNING version, updated_at`, append([]any{c.ID}, cityValues(c)...)...,
	).Scan(&c.Version, &c.UpdatedAt)
	if err != nil {
		return fmt.Errorf("store: update city %d: %w", c.ID, uniqueViolation(err, "slug"))
	}
	return nil
}
