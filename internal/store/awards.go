package store

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"twincities/internal/content"
)

const awardColumns = `id, award_date, date_precision, title_ru, title_en, awarded_by_ru, awarded_by_en,
	place_ru, place_en, description_ru, description_en, city_id, sources, published, editor_note,
	created_at, updated_at`

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
	CreatedAt     time.Time        `db:"created_at"`
	UpdatedAt     time.Time        `db:"updated_at"`
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
		CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt,
	}
}

// AwardQuery selects awards.
type AwardQuery struct {
	CityID        int64 // 0: awards of any city or none
	PublishedOnly bool
	Limit         int // 0: no limit
}

// ListAwards returns the awards q selects, newest first.
func ListAwards(ctx context.Context, db DBTX, q AwardQuery) ([]content.Award, error) {
	var limit *int
	if q.Limit > 0 {
		limit = &q.Limit
	}
	rows, err := db.Query(ctx, `SELECT `+awardColumns+` FROM awards
		WHERE ($1::bigint = 0 OR city_id = $1) AND (published OR NOT $2)
		ORDER BY award_date DESC, id DESC
		LIMIT $3`, q.CityID, q.PublishedOnly, limit)
	if err != nil {
		return nil, fmt.Errorf("store: list awards: %w", err)
	}
	got, err := pgx.CollectRows(rows, pgx.RowToStructByName[awardRow])
	if err != nil {
		return nil, fmt.Errorf("store: list awards: %w", err)
	}
	awards := make([]content.Award, len(got))
	for i, r := range got {
		awards[i] = r.award()
	}
	return awards, nil
}

// InsertAward stores a new award and sets its ID and times.
func InsertAward(ctx context.Context, db DBTX, a *content.Award) error {
	date, prec := dateArgs(a.Date)
	err := db.QueryRow(ctx, `INSERT INTO awards (award_date, date_precision, title_ru, title_en,
			awarded_by_ru, awarded_by_en, place_ru, place_en, description_ru, description_en, city_id,
			sources, published, editor_note)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
		RETURNING id, created_at, updated_at`,
		date, prec, a.Title.RU, a.Title.EN, a.AwardedBy.RU, a.AwardedBy.EN, a.Place.RU, a.Place.EN,
		a.Description.RU, a.Description.EN, a.CityID, sourcesArg(a.Sources), a.Published, a.EditorNote,
	).Scan(&a.ID, &a.CreatedAt, &a.UpdatedAt)
	if err != nil {
		return fmt.Errorf("store: insert award %q: %w", a.Title.EN, err)
	}
	return nil
}
