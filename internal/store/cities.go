package store

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"twincities/internal/content"
)

// cityColumns lists the columns cityRow scans, in one place for every query.
const cityColumns = `id, kind, slug, name_ru, name_en, country, region_ru, region_en, latitude, longitude,
	since_date, since_precision, status, status_date, status_precision, status_note_ru, status_note_en,
	summary_ru, summary_en, body_ru, body_en, website, sources, published, editor_note, sort_order,
	created_at, updated_at`

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
	CreatedAt       time.Time        `db:"created_at"`
	UpdatedAt       time.Time        `db:"updated_at"`
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
		CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt,
	}
	if r.Latitude != nil && r.Longitude != nil {
		c.Location = &content.GeoPoint{Lat: *r.Latitude, Lon: *r.Longitude}
	}
	return c
}

// CityQuery selects cities for a list.
type CityQuery struct {
	Kind          content.CityKind // "" for every kind
	PublishedOnly bool
}

// ListCities returns the cities q selects, in the order staff set, then by the start of the
// relationship.
func ListCities(ctx context.Context, db DBTX, q CityQuery) ([]content.City, error) {
	rows, err := db.Query(ctx, `SELECT `+cityColumns+` FROM cities
		WHERE ($1::text = '' OR kind = $1) AND (published OR NOT $2)
		ORDER BY sort_order, since_date NULLS LAST, name_en, id`, string(q.Kind), q.PublishedOnly)
	if err != nil {
		return nil, fmt.Errorf("store: list cities: %w", err)
	}
	got, err := pgx.CollectRows(rows, pgx.RowToStructByName[cityRow])
	if err != nil {
		return nil, fmt.Errorf("store: list cities: %w", err)
	}
	cities := make([]content.City, len(got))
	for i, r := range got {
		cities[i] = r.city()
	}
	return cities, nil
}

// CityBySlug returns the city of kind with slug; with publishedOnly a draft is ErrNotFound.
func CityBySlug(ctx context.Context, db DBTX, kind content.CityKind, slug string, publishedOnly bool) (content.City, error) {
	rows, err := db.Query(ctx, `SELECT `+cityColumns+` FROM cities
		WHERE kind = $1 AND slug = $2 AND (published OR NOT $3)`, string(kind), slug, publishedOnly)
	if err != nil {
		return content.City{}, fmt.Errorf("store: city %s/%s: %w", kind, slug, err)
	}
	r, err := pgx.CollectExactlyOneRow(rows, pgx.RowToStructByName[cityRow])
	if err != nil {
		return content.City{}, fmt.Errorf("store: city %s/%s: %w", kind, slug, notFound(err))
	}
	return r.city(), nil
}

// InsertCity stores a new city and sets its ID and times. A taken slug is a validation error.
func InsertCity(ctx context.Context, db DBTX, c *content.City) error {
	var lat, lon *float64
	if c.Location != nil {
		lat, lon = &c.Location.Lat, &c.Location.Lon
	}
	sinceDate, sincePrec := dateArgs(c.Since)
	statusDate, statusPrec := dateArgs(c.StatusDate)
	err := db.QueryRow(ctx, `INSERT INTO cities (kind, slug, name_ru, name_en, country, region_ru, region_en,
			latitude, longitude, since_date, since_precision, status, status_date, status_precision,
			status_note_ru, status_note_en, summary_ru, summary_en, body_ru, body_en, website, sources,
			published, editor_note, sort_order)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20,
			$21, $22, $23, $24, $25)
		RETURNING id, created_at, updated_at`,
		string(c.Kind), c.Slug, c.Name.RU, c.Name.EN, c.Country, c.Region.RU, c.Region.EN,
		lat, lon, sinceDate, sincePrec, string(c.Status), statusDate, statusPrec,
		c.StatusNote.RU, c.StatusNote.EN, c.Summary.RU, c.Summary.EN, c.Body.RU, c.Body.EN, c.Website,
		sourcesArg(c.Sources), c.Published, c.EditorNote, c.SortOrder,
	).Scan(&c.ID, &c.CreatedAt, &c.UpdatedAt)
	if err != nil {
		return fmt.Errorf("store: insert city %s/%s: %w", c.Kind, c.Slug, uniqueViolation(err, "slug"))
	}
	return nil
}
