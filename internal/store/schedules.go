package store

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"twincities/internal/content"
)

// SchedulerActor is the author of the publications and withdrawals carried out at the time staff
// set for them (see RunDueSchedules). The admin names it in the reader's language.
var SchedulerActor = Actor{Name: "scheduler"}

// The actions a schedule carries out.
const (
	SchedulePublish   = "publish"
	ScheduleUnpublish = "unpublish"
)

// Why a schedule could not be carried out (Schedule.Error).
const (
	// ScheduleIncomplete: the entry misses what a published one needs; Detail names the fields.
	ScheduleIncomplete = "incomplete"
	// ScheduleGone: the entry is in the trash or no longer exists.
	ScheduleGone = "gone"
	// ScheduleFailed: anything else about the entry went wrong; Detail says what, for the log.
	ScheduleFailed = "failed"
)

// Schedule is a publication or a withdrawal staff set for a moment to come.
type Schedule struct {
	ID            int64          `db:"id"`
	Entity        content.Entity `db:"entity"`
	EntryID       int64          `db:"entry_id"`
	Action        string         `db:"action"` // SchedulePublish or ScheduleUnpublish
	RunAt         time.Time      `db:"run_at"`
	CreatedBy     *int64         `db:"created_by"`
	CreatedByName string         `db:"created_by_name"`
	CreatedAt     time.Time      `db:"created_at"`
	DoneAt        *time.Time     `db:"done_at"`
	Error         string         `db:"error"`  // "" when done, or ScheduleIncomplete / ScheduleGone / ScheduleFailed
	Detail        string         `db:"detail"` // for ScheduleIncomplete, the missing fields, comma-separated
}

const scheduleColumns = `id, entity, entry_id, action, run_at, created_by, created_by_name, created_at, done_at, error, detail`

// The audit log's words for staff setting and cancelling a schedule; its Detail is the action and
// the moment, "publish 2026-12-31T19:00:00Z" (see ScheduleDetail).
const (
	// ActionScheduleSet: someone set an entry to be published or withdrawn at a moment to come.
	ActionScheduleSet = "schedule_set"
	// ActionScheduleCancel: someone cancelled that before it was carried out.
	ActionScheduleCancel = "schedule_cancel"
)

// The schedule's words join the change log's filter here, beside their declaration.
func init() { Actions = append(Actions, ActionScheduleSet, ActionScheduleCancel) }

// ScheduleDetail is the audit line's detail of a schedule: its action and its moment in UTC.
func ScheduleDetail(action string, at time.Time) string {
	return action + " " + at.UTC().Format(time.RFC3339)
}

// ParseScheduleDetail reads what ScheduleDetail wrote; ok is false for anything else.
func ParseScheduleDetail(detail string) (action string, at time.Time, ok bool) {
	action, when, found := strings.Cut(detail, " ")
	if !found || (action != SchedulePublish && action != ScheduleUnpublish) {
		return "", time.Time{}, false
	}
	at, err := time.Parse(time.RFC3339, when)
	return action, at, err == nil
}

// AddSchedule stores a schedule for an entry, with its line in the audit log (label names the
// entry there), in one statement; s.ID is set. The entry's schedules that could not be carried
// out are dropped with it: setting it again is the answer to them, so the dashboard stops listing
// them.
func AddSchedule(ctx context.Context, db DBTX, s *Schedule, actor Actor, label string) error {
	if s.Action != SchedulePublish && s.Action != ScheduleUnpublish {
		return fmt.Errorf("store: no scheduled action %q", s.Action)
	}
	err := db.QueryRow(ctx, `WITH added AS (
			INSERT INTO schedules (entity, entry_id, action, run_at, created_by, created_by_name)
			VALUES (@entity, @entry_id, @action, @run_at, @created_by, @created_by_name) RETURNING id
		), cleared AS (
			DELETE FROM schedules WHERE entity = @entity AND entry_id = @entry_id AND error <> ''
		), logged AS (
			INSERT INTO audit_log (user_id, user_name, action, entity, entity_id, label, detail, changes)
			VALUES (@created_by, @created_by_name, @audit_action, @entity, @entry_id::bigint::text, @label, @detail, '[]')
		)
		SELECT id FROM added`,
		pgx.StrictNamedArgs{"entity": string(s.Entity), "entry_id": s.EntryID, "action": s.Action, "run_at": s.RunAt,
			"created_by": actor.userRef(), "created_by_name": actor.Name, "audit_action": ActionScheduleSet,
			"label": label, "detail": ScheduleDetail(s.Action, s.RunAt)}).Scan(&s.ID)
	if err != nil {
		return fmt.Errorf("store: add schedule for %s %d: %w", s.Entity, s.EntryID, err)
	}
	return nil
}

// ScheduleQuery selects schedules. Zero fields do not filter.
type ScheduleQuery struct {
	Entity  content.Entity
	EntryID int64
	Pending bool // not yet carried out
	Failed  bool // could not be carried out
	Limit   int  // at most this many; 0 means 100
}

// ListSchedules returns the schedules q selects: the pending ones soonest first, the others
// latest first.
func ListSchedules(ctx context.Context, db DBTX, q ScheduleQuery) ([]Schedule, error) {
	if q.Limit <= 0 {
		q.Limit = 100
	}
	order := "run_at DESC, id DESC"
	if q.Pending {
		order = "run_at, id"
	}
	rows, err := db.Query(ctx, `SELECT `+scheduleColumns+` FROM schedules
		WHERE (@entity = '' OR entity = @entity) AND (@entry_id::bigint = 0 OR entry_id = @entry_id)
		  AND (NOT @pending OR done_at IS NULL) AND (NOT @failed OR error <> '')
		ORDER BY `+order+` LIMIT @limit`,
		pgx.StrictNamedArgs{"entity": string(q.Entity), "entry_id": q.EntryID, "pending": q.Pending, "failed": q.Failed,
			"limit": q.Limit})
	if err != nil {
		return nil, fmt.Errorf("store: schedules: %w", err)
	}
	found, err := pgx.CollectRows(rows, pgx.RowToStructByName[Schedule])
	if err != nil {
		return nil, fmt.Errorf("store: schedules: %w", err)
	}
	return found, nil
}

// CancelSchedule removes a schedule of the entry not yet carried out, with a line in the audit log
// (label names the entry there), in one statement; ErrNotFound when there is none such (carried
// out meanwhile, cancelled already, or of another entry).
func CancelSchedule(ctx context.Context, db DBTX, entity content.Entity, entryID, id int64, actor Actor, label string) error {
	tag, err := db.Exec(ctx, `WITH cancelled AS (
			DELETE FROM schedules
			WHERE id = @id AND entity = @entity AND entry_id = @entry_id AND done_at IS NULL
			RETURNING action, run_at
		)
		INSERT INTO audit_log (user_id, user_name, action, entity, entity_id, label, detail, changes)
		SELECT @user_id, @user_name, @audit_action, @entity, @entry_id::bigint::text, @label,
			action || ' ' || to_char(run_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), '[]'
		FROM cancelled`,
		pgx.StrictNamedArgs{"id": id, "entity": string(entity), "entry_id": entryID, "user_id": actor.userRef(),
			"user_name": actor.Name, "audit_action": ActionScheduleCancel, "label": label})
	if err != nil {
		return fmt.Errorf("store: cancel schedule %d: %w", id, err)
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("store: schedule %d of %s %d: %w", id, entity, entryID, ErrNotFound)
	}
	return nil
}

// DismissSchedule takes a schedule that could not be carried out off the dashboard's list: its
// row goes (the audit log keeps who set it). ErrNotFound when there is no such failed schedule.
// It is not audited: it changes no entry and nothing the public sees, only a notice to staff.
func DismissSchedule(ctx context.Context, db DBTX, id int64) error {
	tag, err := db.Exec(ctx, `DELETE FROM schedules WHERE id = @id AND error <> ''`, pgx.StrictNamedArgs{"id": id})
	if err != nil {
		return fmt.Errorf("store: dismiss schedule %d: %w", id, err)
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("store: failed schedule %d: %w", id, ErrNotFound)
	}
	return nil
}

// PublishFunc publishes (on) or withdraws the entry of entity by ID inside tx, as SchedulerActor:
// the caller's dispatch from an entity to its Workflow (see Workflow.SetPublishedNow).
type PublishFunc func(ctx context.Context, tx pgx.Tx, entity content.Entity, id int64, on bool) error

// RunDueSchedules carries out every schedule due at now, each exactly once however many instances
// run it at the same moment: a row is claimed with SELECT ... FOR UPDATE SKIP LOCKED, so another
// runner passes it by, and it is published and marked done in the same transaction, so a crash
// leaves it either done or still due, never half done. An entry that cannot be published (it
// misses a language) or is gone stays as it is and the schedule keeps the reason. Another error
// is kept as ScheduleFailed, unless the run was cancelled, which leaves the schedule due for the
// next run. It returns how many schedules it settled.
func RunDueSchedules(ctx context.Context, db TxBeginner, now time.Time, publish PublishFunc) (int, error) {
	n := 0
	for {
		var claimed bool
		err := inTx(ctx, db, func(tx pgx.Tx) error {
			rows, err := tx.Query(ctx, `SELECT `+scheduleColumns+` FROM schedules
				WHERE done_at IS NULL AND run_at <= @now
				ORDER BY run_at, id LIMIT 1 FOR UPDATE SKIP LOCKED`, pgx.StrictNamedArgs{"now": now})
			if err != nil {
				return fmt.Errorf("store: due schedules: %w", err)
			}
			s, err := pgx.CollectExactlyOneRow(rows, pgx.RowToStructByName[Schedule])
			if errors.Is(err, pgx.ErrNoRows) {
				return nil
			}
			if err != nil {
				return fmt.Errorf("store: due schedules: %w", err)
			}
			claimed = true
			reason, detail, err := runSchedule(ctx, tx, s, publish)
			if err != nil {
				return err
			}
			if _, err := tx.Exec(ctx, `UPDATE schedules SET done_at = now(), error = @error, detail = @detail WHERE id = @id`,
				pgx.StrictNamedArgs{"id": s.ID, "error": reason, "detail": detail}); err != nil {
				return fmt.Errorf("store: schedule %d done: %w", s.ID, err)
			}
			return nil
		})
		if err != nil || !claimed {
			return n, err
		}
		n++
	}
}

// runSchedule carries s out in a savepoint of tx: what a refused publication began is undone,
// and the reason returned to be kept with the schedule.
func runSchedule(ctx context.Context, tx pgx.Tx, s Schedule, publish PublishFunc) (reason, detail string, err error) {
	sp, err := tx.Begin(ctx)
	if err != nil {
		return "", "", fmt.Errorf("store: savepoint: %w", err)
	}
	defer sp.Rollback(ctx)
	err = publish(ctx, sp, s.Entity, s.EntryID, s.Action == SchedulePublish)
	if v := content.AsValidation(err); v != nil {
		var fields []string
		for _, f := range v.Fields {
			if !slices.Contains(fields, f.Field) {
				fields = append(fields, f.Field)
			}
		}
		return ScheduleIncomplete, strings.Join(fields, ","), nil
	}
	if errors.Is(err, ErrNotFound) {
		return ScheduleGone, "", nil
	}
	if err != nil {
		if ctx.Err() != nil {
			return "", "", fmt.Errorf("store: scheduled %s of %s %d: %w", s.Action, s.Entity, s.EntryID, err)
		}
		// Kept with the schedule rather than retried: one entry that cannot be published must not
		// hold up those behind it. Were the database itself failing, recording this would fail
		// too, and the schedule would stay due.
		detail := []rune(err.Error())
		return ScheduleFailed, string(detail[:min(len(detail), 2000)]), nil
	}
	if err := sp.Commit(ctx); err != nil {
		return "", "", fmt.Errorf("store: release savepoint: %w", err)
	}
	return "", "", nil
}

// SetPublishedNow publishes (on) or withdraws an entry at whatever version it is, as actor: for
// the scheduler, which acts on the entry as it is when the time comes. An entry already in that
// state is left as it is, with no new version.
func (t Workflow[T]) SetPublishedNow(ctx context.Context, db TxBeginner, id int64, on bool, actor Actor) error {
	return inTx(ctx, db, func(tx pgx.Tx) error {
		cur, err := t.byID(ctx, tx, id, true)
		if err != nil {
			return err
		}
		if t.inTrash(cur) {
			return fmt.Errorf("store: %s %d is in the trash: %w", t.entity, id, ErrNotFound)
		}
		if cur.IsPublished() == on {
			return nil
		}
		_, err = t.SetPublished(ctx, tx, id, cur.CurrentVersion(), on, actor)
		return err
	})
}

// AuditLabel names an entry as the audit log does, in both languages ("Дуйсбург / Duisburg"), for
// the lines a caller writes about it (AddSchedule, CancelSchedule).
func AuditLabel(e content.Entry) string { return label(e) }
