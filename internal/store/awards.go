package store

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"twincities/internal/content"
)

var awardColumns = `a.id, a.award_date, a.date_precision, a.title_ru, a.title_en, a.awarded_by_ru, a.awarded_by_en,
	a.place_ru, a.place_en, a.description_ru, a.description_en, a.city_id, a.sources, a.published, a.editor_note,
	a.version, a.deleted_at, a.created_at, a.updated_at, ` + pictureColumns("a")

var awardFrom = `awards a` + pictureJoin("a")

type awardRow struct {
	ID            int64            `db:"id"`
	AwardDate     time.Time        `db:"award_date"`
	DatePrecision string           `db:"date_precision"`
	TitleRU       string           `db:"title_ru"`
	TitleEN       string           `db:"title_en"`
	AwardedByRU   string           `db:"awarded_by_ru"`
	AwardedByEN   string           `db:"awarded_by_en"`
	PlaceRU       string           `db:"place_ru"`
	PlaceEN       string           `db:"place_en"`
	DescriptionRU string           `db:"description_ru"`
	DescriptionEN string           `db:"description_en"`
	CityID        *int64           `db:"city_id"`
	Sources       []content.Source `db:"sources"`
	Published     bool             `db:"published"`
	EditorNote    string           `db:"editor_note"`
	Version       int              `db:"version"`
	DeletedAt     *time.Time       `db:"deleted_at"`
	CreatedAt     time.Time        `db:"created_at"`
	UpdatedAt     time.Time        `db:"updated_at"`
	pictureRow
}

func (r awardRow) award() content.Award {
	return content.Award{
		ID:          r.ID,
		Date:        dateFrom(&r.AwardDate, &r.DatePrecision),
		Title:       content.Text{RU: r.TitleRU, EN: r.TitleEN},
		AwardedBy:   content.Text{RU: r.AwardedByRU, EN: r.AwardedByEN},
		Place:       content.Text{RU: r.PlaceRU, EN: r.PlaceEN},
		Description: content.Text{RU: r.DescriptionRU, EN: r.DescriptionEN},
		CityID:      r.CityID, Sources: r.Sources, Published: r.Published, EditorNote: r.EditorNote,
		Picture: r.picture(), Version: r.Version, DeletedAt: r.DeletedAt,
		CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt,
	}
}

func collectAwards(rows pgx.Rows, err error) ([]content.Award, error) {
	return collect(rows, err, awardRow.award)
}

// AwardQuery selects awards.
type AwardQuery struct {
	CityID int64 // 0: awards of any city or none
	Limit  int   // 0: no limit
	Filter
}

// ListAwards returns the awards q selects, newest first.
func ListAwards(ctx context.Context, db DBTX, q AwardQuery) ([]content.Award, error) {
	var limit *int
	if q.Limit > 0 {
		limit = &q.Limit
	}
	where, args := q.Filter.where("a", []string{"title_ru", "title_en"}, []any{q.CityID, limit})
	awards, err := collectAwards(db.Query(ctx, `SELECT `+awardColumns+` FROM `+awardFrom+`
		WHERE ($1::bigint = 0 OR a.city_id = $1) AND `+where+`
		ORDER BY a.award_date DESC, a.id DESC
		LIMIT $2`, args...))
	if err != nil {
		return nil, fmt.Errorf("store: list awards: %w", err)
	}
	return awards, nil
}

func awardByID(ctx context.Context, db DBTX, id int64, lock bool) (content.Award, error) {
	sql := `SELECT ` + awardColumns + ` FROM ` + awardFrom + ` WHERE a.id = $1`
	if lock {
		sql += ` FOR UPDATE OF a`
	}
	found, err := only(collectAwards(db.Query(ctx, sql, id)))
	if err != nil {
		return content.Award{}, fmt.Errorf("store: award %d: %w", id, err)
	}
	return found, nil
}

const awardEditable = `award_date, date_precision, title_ru, title_en, awarded_by_ru, awarded_by_en,
	place_ru, place_en, description_ru, description_en, city_id, sources, published, editor_note,
	image_id, image_alt_ru, image_alt_en, image_credit`

func awardValues(a *content.Award) []any {
	date, prec := dateArgs(a.Date)
	imageID, altRU, altEN, credit := pictureArgs(a.Picture)
	return []any{date, prec, a.Title.RU, a.Title.EN, a.AwardedBy.RU, a.AwardedBy.EN, a.Place.RU, a.Place.EN,
		a.Description.RU, a.Description.EN, a.CityID, sourcesArg(a.Sources), a.Published, a.EditorNote,
		imageID, altRU, altEN, credit}
}

// InsertAward stores a new award as version 1, without history (see Awards.Create).
func InsertAward(ctx context.Context, db DBTX, a *content.Award) error {
	err := db.QueryRow(ctx, `INSERT INTO awards (`+awardEditable+`)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
		RETURNING id, version, created_at, updated_at`, awardValues(a)...,
	).Scan(&a.ID, &a.Version, &a.CreatedAt, &a.UpdatedAt)
	if err != nil {
		return fmt.Errorf("store: insert award %q: %w", a.Title.EN, foreignKey(err, "city_id"))
	}
	return nil
}

func updateAward(ctx context.Context, db DBTX, a *content.Award) error {
	err := db.QueryRow(ctx, `UPDATE awards SET (`+awardEditable+`) =
		($2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19),
		version = version + 1, updated_at = now()
		WHERE id = $1 RETURNING version, updated_at`, append([]any{a.ID}, awardValues(a)...)...,
	).Scan(&a.Version, &a.UpdatedAt)
	if err != nil {
		return fmt.Errorf("store: update award %d: %w", a.ID, foreignKey(err, "city_id"))
	}
	return nil
}
