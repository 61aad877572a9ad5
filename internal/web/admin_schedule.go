package web

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/go-chi/chi/v5"

	"twincities/internal/content"
	"twincities/internal/i18n"
	"twincities/internal/store"
	"twincities/templates"
)

// Staff type the date and time of a schedule in Perm time, whatever the server's zone: Perm keeps
// UTC+5 all year (no daylight saving since 2014), and content.PermZone reads it from the zone data
// embedded in the binary (time/tzdata), so the system's tz database is not needed. The database
// stores the instant (timestamptz, UTC).

// scheduleEntry handles "POST {base}/{id}/schedule": the entry to be published or withdrawn at a
// date and time to come, or the page again with what is wrong, the typed values kept (422).
func scheduleEntry[T content.Entry](s *Server, res resource[T]) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		if err := r.ParseForm(); err != nil {
			return errBadRequest
		}
		e, err := res.load(s, r)
		if err != nil {
			return err
		}
		if e.TrashedAt() != nil {
			return errNotFound
		}
		a := adminMessages(r)
		b := templates.ScheduleBox{Action: r.PostForm.Get("action"), Date: strings.TrimSpace(r.PostForm.Get("date")),
			Time: strings.TrimSpace(r.PostForm.Get("time")), Errors: map[string]string{}}
		if b.Action != store.SchedulePublish && b.Action != store.ScheduleUnpublish {
			return errBadRequest
		}
		if b.Action == store.SchedulePublish { // issue 11, review before publishing
			if refused, err := s.refusePublishing(w, r); refused || err != nil {
				return err
			}
		}
		at, ok := readScheduleTime(a, &b, s.now())
		if ok {
			sc := store.Schedule{Entity: res.table.Entity(), EntryID: e.EntryID(), Action: b.Action, RunAt: at}
			if err := store.AddSchedule(r.Context(), s.db, &sc, actorOf(r.Context()), store.AuditLabel(e)); err != nil {
				return err
			}
			s.flash(r.Context(), a.FlashScheduled)
			http.Redirect(w, r, res.entryPath(e.EntryID()), http.StatusSeeOther)
			return nil
		}
		if b.Pending, err = pendingSchedules(r.Context(), s.db, res.table.Entity(), e.EntryID(), a, adminLang(r)); err != nil {
			return err
		}
		f := formState(a, formValues(e, res.sources(e)), e.Fields(), nil)
		return renderEntryPageWith(s, w, r, res, e, false, f, http.StatusUnprocessableEntity, &b)
	}
}

// readScheduleTime reads the typed date and time as Perm time, marking in b what is wrong: not
// a date, not a time, or a moment not after now.
func readScheduleTime(a *i18n.AdminMessages, b *templates.ScheduleBox, now time.Time) (time.Time, bool) {
	day, dayErr := time.Parse(time.DateOnly, b.Date)
	clock, clockErr := time.Parse("15:04", b.Time)
	if dayErr != nil {
		b.Errors["date"] = a.ScheduleDateInvalid
	}
	if clockErr != nil {
		b.Errors["time"] = a.ScheduleTimeInvalid
	}
	if dayErr != nil || clockErr != nil {
		return time.Time{}, false
	}
	at := time.Date(day.Year(), day.Month(), day.Day(), clock.Hour(), clock.Minute(), 0, 0, content.PermZone())
	if !at.After(now) {
		b.Errors["date"] = a.SchedulePast
		return time.Time{}, false
	}
	return at, true
}

// cancelSchedule handles "POST {base}/{id}/schedule/{sid}/cancel": a scheduled action not carried
// out after all.
func cancelSchedule[T content.Entry](s *Server, res resource[T]) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		e, err := res.load(s, r)
		if err != nil {
			return err
		}
		sid, err := strconv.ParseInt(chi.URLParam(r, "sid"), 10, 64)
		if err != nil || sid <= 0 {
			return errNotFound
		}
		a := adminMessages(r)
		err = store.CancelSchedule(r.Context(), s.db, res.table.Entity(), e.EntryID(), sid, actorOf(r.Context()), store.AuditLabel(e))
		switch {
		case errors.Is(err, store.ErrNotFound):
			s.flash(r.Context(), a.ScheduleGoneAlready)
		case err != nil:
			return err
		default:
			s.flash(r.Context(), a.FlashScheduleCancelled)
		}
		http.Redirect(w, r, res.entryPath(e.EntryID()), http.StatusSeeOther)
		return nil
	}
}

// pendingSchedules are the entry's scheduled actions to come, soonest first.
func pendingSchedules(ctx context.Context, db store.DBTX, entity content.Entity, id int64, a *i18n.AdminMessages, l content.Lang) ([]templates.ScheduleRow, error) {
	found, err := store.ListSchedules(ctx, db, store.ScheduleQuery{Entity: entity, EntryID: id, Pending: true})
	if err != nil {
		return nil, err
	}
	rows := make([]templates.ScheduleRow, len(found))
	for i, sc := range found {
		rows[i] = scheduleRow(sc, a, l)
	}
	return rows, nil
}

// scheduleRow describes a schedule for the lists: what, and when in Perm time.
func scheduleRow(sc store.Schedule, a *i18n.AdminMessages, l content.Lang) templates.ScheduleRow {
	at := sc.RunAt.In(content.PermZone())
	row := templates.ScheduleRow{ID: sc.ID, What: a.SchedulePublishNoun, ISO: at.Format(time.RFC3339),
		When: i18n.FormatDate(content.DayDate(at.Year(), at.Month(), at.Day()), l) + ", " + at.Format("15:04")}
	if sc.Action == store.ScheduleUnpublish {
		row.What = a.ScheduleUnpublishNoun
	}
	switch sc.Error {
	case store.ScheduleIncomplete:
		var labels []string
		for _, f := range strings.Split(sc.Detail, ",") {
			labels = append(labels, a.FieldLabel(f))
		}
		row.Reason = strings.Replace(a.ScheduleIncomplete, "%s", strings.Join(labels, ", "), 1)
	case store.ScheduleGone:
		row.Reason = a.ScheduleEntryGone
	case store.ScheduleFailed:
		row.Reason = a.ScheduleFailedOther
	}
	return row
}

// dashboardSchedules are the dashboard's lists (issue 11, scheduling): what is coming, soonest
// first, and the latest that could not be carried out, each with its entry.
func dashboardSchedules(ctx context.Context, db store.DBTX, a *i18n.AdminMessages, l content.Lang) (coming, failed []templates.ScheduleRow, err error) {
	pending, err := store.ListSchedules(ctx, db, store.ScheduleQuery{Pending: true, Limit: 50})
	if err != nil {
		return nil, nil, err
	}
	refused, err := store.ListSchedules(ctx, db, store.ScheduleQuery{Failed: true, Limit: 10})
	if err != nil {
		return nil, nil, err
	}
	rows := func(list []store.Schedule) ([]templates.ScheduleRow, error) {
		var out []templates.ScheduleRow
		for _, sc := range list {
			row := scheduleRow(sc, a, l)
			row.Entry = templates.EntryRow{Path: "/admin/", Label: a.EntityNames[sc.Entity] + " " + strconv.FormatInt(sc.EntryID, 10)}
			if k, ok := kindOf(sc.Entity); ok {
				e, err := k.get(ctx, db, sc.EntryID)
				switch {
				case err == nil:
					row.Entry = templates.EntryRow{Path: entryAdminPath(e), Label: e.Label(l), Detail: a.EntityNames[sc.Entity]}
				case !errors.Is(err, store.ErrNotFound):
					return nil, err
				}
			}
			out = append(out, row)
		}
		return out, nil
	}
	if coming, err = rows(pending); err != nil {
		return nil, nil, err
	}
	failed, err = rows(refused)
	return coming, failed, err
}
