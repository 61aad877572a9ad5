package store

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"

	"twincities/internal/content"
)

// What the home page tells of the cities' life together (issue 9, item 4): when each city last did
// something with Perm, and what comes next. "Today" is a calendar day, given by the caller (the
// site's clock in Perm): an event dated today is past, one dated tomorrow is to come. An event
// known only to the month or year is placed at the first day of it, as it is stored.

// publicEvent is the condition for an event the public sees: published, not in the trash, and of
// no city or of a published city not in the trash (the tables aliased e and c).
const publicEvent = `e.published AND e.deleted_at IS NULL
	AND (e.city_id IS NULL OR (c.published AND c.deleted_at IS NULL))`

// LastActivities returns, for every published city with one, the date of its latest published
// event dated today or earlier: the last joint activity its card shows. One query for all cities.
func LastActivities(ctx context.Context, db DBTX, today time.Time) (map[int64]content.Date, error) {
	out := map[int64]content.Date{}
	err := lastActivities(today, out).run(ctx, db)
	return out, err
}

// LastActivities queues store.LastActivities: out gets a city's latest activity under its ID.
func (rs *Reads) LastActivities(today time.Time, out map[int64]content.Date) {
	rs.queue(lastActivities(today, out))
}

func lastActivities(today time.Time, out map[int64]content.Date) read {
	// Per city, its latest event from the index (events_public_city_date_idx), rather than every
	// event of every city sorted: at a thousand cities with ten events each (issue 12).
	return read{"last activities", `SELECT c.id, last.event_date, last.date_precision
		FROM cities c CROSS JOIN LATERAL (
			SELECT e.event_date, e.date_precision FROM events e
			WHERE e.city_id = c.id AND e.published AND e.deleted_at IS NULL AND e.event_date <= @today
			ORDER BY e.event_date DESC LIMIT 1) last
		WHERE c.published AND c.deleted_at IS NULL`, pgx.StrictNamedArgs{"today": day(today)},
		func(rows pgx.Rows) error {
			var id int64
			var d content.Date
			_, err := pgx.ForEachRow(rows, []any{&id, dateDay{&d}, datePrecision{&d}}, func() error {
				out[id] = d
				return nil
			})
			return err
		}}
}

// UpcomingEvents returns up to limit published events dated after today, soonest first.
func UpcomingEvents(ctx context.Context, db DBTX, today time.Time, limit int) ([]content.Event, error) {
	var out []content.Event
	err := upcomingEvents(today, limit, &out).run(ctx, db)
	return out, err
}

// UpcomingEvents queues store.UpcomingEvents into out.
func (rs *Reads) UpcomingEvents(today time.Time, limit int, out *[]content.Event) {
	rs.queue(upcomingEvents(today, limit, out))
}

func upcomingEvents(today time.Time, limit int, out *[]content.Event) read {
	return read{"upcoming events", events.selectSQL() + `
		LEFT JOIN cities c ON c.id = e.city_id
		WHERE ` + publicEvent + ` AND e.event_date > @today
		ORDER BY e.event_date, e.id LIMIT @limit`, pgx.StrictNamedArgs{"today": day(today), "limit": limit},
		into(out, events.scanRow)}
}

// day is t's calendar day, as a date column holds it.
func day(t time.Time) time.Time { return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC) }
