package store

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"twincities/internal/content"
)

// eventColumns lists every column of a timeline event, pointing at e.
func eventColumns(e *content.Event) []column {
	return append([]column{
		{"id", &e.ID, generated},
		{"city_id", &e.CityID, written},
		{"event_date", dateDay{&e.Date}, written}, {"date_precision", datePrecision{&e.Date}, written},
		{"title_ru", &e.Title.RU, written}, {"title_en", &e.Title.EN, written},
		{"text_ru", &e.Text.RU, written}, {"text_en", &e.Text.EN, written},
		{"link", &e.Link, written},
		{"sources", sources{&e.Sources}, written},
		{"published", &e.Published, written},
		{"editor_note", &e.EditorNote, written},
		{"version", &e.Version, generated},
		{"deleted_at", &e.DeletedAt, generated},
		{"created_at", &e.CreatedAt, generated},
		{"updated_at", &e.UpdatedAt, generated},
	}, pictureColumns(&e.Picture)...)
}

var events = newEntryTable[content.Event]("events", "e", pictureJoin("e"), eventColumns)

// EventQuery selects timeline events.
type EventQuery struct {
	CityID int64 // the city's timeline; 0 with General false: every event
	// CityAt is the city's timeline where its ID is not known yet (CityID 0).
	CityAt  CityAddress
	General bool // only the events that belong to no city
	Limit   int  // 0: no limit (issue 12: an admin list's page)
	Offset  int  // events skipped, for paging
	Filter
}

// ListEvents returns the events q selects, oldest first, as a timeline reads. The public's
// timeline (PublishedOnly) also leaves out events of cities that are drafts or in the trash.
func ListEvents(ctx context.Context, db DBTX, q EventQuery) ([]content.Event, error) {
	var out []content.Event
	err := listEvents(q, &out).run(ctx, db)
	return out, err
}

// ListEvents queues store.ListEvents into out.
func (rs *Reads) ListEvents(q EventQuery, out *[]content.Event) { rs.queue(listEvents(q, out)) }

func listEvents(q EventQuery, out *[]content.Event) read {
	args := pageArgs(q.Limit, q.Offset)
	return read{"list events", events.pageSQL(" LEFT JOIN cities c ON c.id = e.city_id", q.eventsWhere(args), "e.event_date, e.id"),
		args, into(out, events.scanRow)}
}

// CountEvents is how many events q selects, Limit and Offset aside: for paging.
func CountEvents(ctx context.Context, db DBTX, q EventQuery) (int, error) {
	args := pgx.StrictNamedArgs{}
	var n int
	if err := db.QueryRow(ctx, `SELECT count(*) FROM events e LEFT JOIN cities c ON c.id = e.city_id
		WHERE `+q.eventsWhere(args), args).Scan(&n); err != nil {
		return 0, fmt.Errorf("store: count events: %w", err)
	}
	return n, nil
}

// eventsWhere is the WHERE clause of q over events e joined with their cities c, with its values
// added to args.
func (q EventQuery) eventsWhere(args pgx.StrictNamedArgs) string {
	args["general"], args["published_only"] = q.General, q.PublishedOnly
	city := `(@city_id::bigint = 0 OR e.city_id = @city_id)`
	if q.CityID == 0 && q.CityAt.set() {
		city = `e.city_id = ` + q.CityAt.idSQL(args)
	} else {
		args["city_id"] = q.CityID
	}
	return city + ` AND (NOT @general OR e.city_id IS NULL)
			AND (NOT @published_only OR e.city_id IS NULL OR (c.published AND c.deleted_at IS NULL)) AND ` +
		q.Filter.where("e", []string{"title_ru", "title_en"}, args)
}

func eventByID(ctx context.Context, db DBTX, id int64, lock bool) (content.Event, error) {
	sql := events.selectSQL() + ` WHERE e.id = @id`
	if lock {
		sql += ` FOR UPDATE OF e`
	}
	found, err := only(events.collect(db.Query(ctx, sql, pgx.StrictNamedArgs{"id": id})))
	if err != nil {
		return content.Event{}, fmt.Errorf("store: event %d: %w", id, err)
	}
	return found, nil
}

// insertEvent stores a new event as version 1, without history (see Events.Create).
func insertEvent(ctx context.Context, db DBTX, e *content.Event) error {
	if err := events.insert(ctx, db, e); err != nil {
		return fmt.Errorf("store: insert event %q: %w", e.Title.EN, foreignKey(err, "city_id"))
	}
	return nil
}

func updateEvent(ctx context.Context, db DBTX, e *content.Event) error {
	if err := events.update(ctx, db, e); err != nil {
		return fmt.Errorf("store: update event %d: %w", e.ID, foreignKey(err, "city_id"))
	}
	return nil
}
