package store

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"twincities/internal/content"
)

const eventColumns = `id, city_id, event_date, date_precision, title_ru, title_en, text_ru, text_en,
	link, sources, published, editor_note, created_at, updated_at`

type eventRow struct {
	ID            int64            `db:"id"`
	CityID        *int64           `db:"city_id"`
	EventDate     time.Time        `db:"event_date"`
	DatePrecision string           `db:"date_precision"`
	TitleRU       string           `db:"title_ru"`
	TitleEN       string           `db:"title_en"`
	TextRU        string           `db:"text_ru"`
	TextEN        string           `db:"text_en"`
	Link          string           `db:"link"`
	Sources       []content.Source `db:"sources"`
	Published     bool             `db:"published"`
	EditorNote    string           `db:"editor_note"`
	CreatedAt     time.Time        `db:"created_at"`
	UpdatedAt     time.Time        `db:"updated_at"`
}

func (r eventRow) event() content.Event {
	return content.Event{
		ID: r.ID, CityID: r.CityID,
		Date:  dateFrom(&r.EventDate, &r.DatePrecision),
		Title: content.Text{RU: r.TitleRU, EN: r.TitleEN},
		Text:  content.Text{RU: r.TextRU, EN: r.TextEN},
		Link:  r.Link, Sources: r.Sources, Published: r.Published, EditorNote: r.EditorNote,
		CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt,
	}
}

// EventQuery selects timeline events.
type EventQuery struct {
	CityID        int64 // the city's timeline; 0 with General false: every event
	General       bool  // only the events that belong to no city
	PublishedOnly bool
}

// ListEvents returns the events q selects, oldest first, as a timeline reads.
func ListEvents(ctx context.Context, db DBTX, q EventQuery) ([]content.Event, error) {
	rows, err := db.Query(ctx, `SELECT `+eventColumns+` FROM events
		WHERE ($1::bigint = 0 OR city_id = $1) AND (NOT $2 OR city_id IS NULL) AND (published OR NOT $3)
		ORDER BY event_date, id`, q.CityID, q.General, q.PublishedOnly)
	if err != nil {
		return nil, fmt.Errorf("store: list events: %w", err)
	}
	got, err := pgx.CollectRows(rows, pgx.RowToStructByName[eventRow])
	if err != nil {
		return nil, fmt.Errorf("store: list events: %w", err)
	}
	events := make([]content.Event, len(got))
	for i, r := range got {
		events[i] = r.event()
	}
	return events, nil
}

// InsertEvent stores a new event and sets its ID and times.
func InsertEvent(ctx context.Context, db DBTX, e *content.Event) error {
	date, prec := dateArgs(e.Date)
	err := db.QueryRow(ctx, `INSERT INTO events (city_id, event_date, date_precision, title_ru, title_en,
			text_ru, text_en, link, sources, published, editor_note)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
		RETURNING id, created_at, updated_at`,
		e.CityID, date, prec, e.Title.RU, e.Title.EN, e.Text.RU, e.Text.EN, e.Link, sourcesArg(e.Sources), e.Published, e.EditorNote,
	).Scan(&e.ID, &e.CreatedAt, &e.UpdatedAt)
	if err != nil {
		return fmt.Errorf("store: insert event %q: %w", e.Title.EN, err)
	}
	return nil
}
