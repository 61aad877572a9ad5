package store

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"twincities/internal/content"
)

const eventColumns = `e.id, e.city_id, e.event_date, e.date_precision, e.title_ru, e.title_en, e.text_ru, e.text_en,
	e.link, e.sources, e.published, e.editor_note, e.version, e.deleted_at, e.created_at, e.updated_at`

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
	Version       int              `db:"version"`
	DeletedAt     *time.Time       `db:"deleted_at"`
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
		Version: r.Version, DeletedAt: r.DeletedAt,
		CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt,
	}
}

func collectEvents(rows pgx.Rows, err error) ([]content.Event, error) {
	return collect(rows, err, eventRow.event)
}

// EventQuery selects timeline events.
type EventQuery struct {
	CityID  int64 // the city's timeline; 0 with General false: every event
	General bool  // only the events that belong to no city
	Filter
}

// ListEvents returns the events q selects, oldest first, as a timeline reads. The public's
// timeline (PublishedOnly) also leaves out events of cities that are drafts or in the trash.
func ListEvents(ctx context.Context, db DBTX, q EventQuery) ([]content.Event, error) {
	where, args := q.Filter.where("e", []string{"title_ru", "title_en"}, []any{q.CityID, q.General, q.PublishedOnly})
	events, err := collectEvents(db.Query(ctx, `SELECT `+eventColumns+` FROM events e
		LEFT JOIN cities c ON c.id = e.city_id
		WHERE ($1::bigint = 0 OR e.city_id = $1) AND (NOT $2 OR e.city_id IS NULL)
			AND (NOT $3 OR e.city_id IS NULL OR (c.published AND c.deleted_at IS NULL)) AND `+where+`
		ORDER BY e.event_date, e.id`, args...))
	if err != nil {
		return nil, fmt.Errorf("store: list events: %w", err)
	}
	return events, nil
}

func eventByID(ctx context.Context, db DBTX, id int64, lock bool) (content.Event, error) {
	sql := `SELECT ` + eventColumns + ` FROM events e WHERE e.id = $1`
	if lock {
		sql += ` FOR UPDATE`
	}
	found, err := only(collectEvents(db.Query(ctx, sql, id)))
	if err != nil {
		return content.Event{}, fmt.Errorf("store: event %d: %w", id, err)
	}
	return found, nil
}

const eventEditable = `city_id, event_date, date_precision, title_ru, title_en, text_ru, text_en, link, sources,
	published, editor_note`

func eventValues(e *content.Event) []any {
	date, prec := dateArgs(e.Date)
	return []any{e.CityID, date, prec, e.Title.RU, e.Title.EN, e.Text.RU, e.Text.EN, e.Link,
		sourcesArg(e.Sources), e.Published, e.EditorNote}
}

// InsertEvent stores a new event as version 1, without history (see Events.Create).
func InsertEvent(ctx context.Context, db DBTX, e *content.Event) error {
	err := db.QueryRow(ctx, `INSERT INTO events (`+eventEditable+`)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
		RETURNING id, version, created_at, updated_at`, eventValues(e)...,
	).Scan(&e.ID, &e.Version, &e.CreatedAt, &e.UpdatedAt)
	if err != nil {
		return fmt.Errorf("store: insert event %q: %w", e.Title.EN, foreignKey(err, "city_id"))
	}
	return nil
}

func updateEvent(ctx context.Context, db DBTX, e *content.Event) error {
	err := db.QueryRow(ctx, `UPDATE events SET (`+eventEditable+`) =
		($2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12),
		version = version + 1, updated_at = now()
		WHERE id = $1 RETURNING version, updated_at`, append([]any{e.ID}, eventValues(e)...)...,
	).Scan(&e.Version, &e.UpdatedAt)
	if err != nil {
		return fmt.Errorf("store: update event %d: %w", e.ID, foreignKey(err, "city_id"))
	}
	return nil
}
