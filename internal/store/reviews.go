package store

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"twincities/internal/content"
)

// Review before publishing (issue 11, item 4): while the settings require it, an editor sends
// changes for review instead of publishing them, and a publisher or an administrator approves
// them (they are published as "Publish changes" publishes them) or returns them with a comment.
// What is reviewed is the entry's draft when it is published, or the entry itself when the public
// does not see it yet. Saving again keeps it waiting: the reviewer sees the newest version.

// The audit log's words for the moves of a review.
const (
	// ActionReviewRequest: an editor sent changes for review; Detail is their note.
	ActionReviewRequest = "review_request"
	// ActionReviewApprove: a reviewer approved the changes and published them; Detail names who sent them.
	ActionReviewApprove = "review_approve"
	// ActionReviewReturn: a reviewer returned the changes to their author; Detail is the comment.
	ActionReviewReturn = "review_return"
)

// The review's words join the change log's filter here, beside their declaration.
func init() { Actions = append(Actions, ActionReviewRequest, ActionReviewApprove, ActionReviewReturn) }

// The states of a review.
const (
	ReviewWaiting  = "waiting"  // sent, not yet approved or returned
	ReviewReturned = "returned" // returned with a comment; the author may send it again
)

// MaxReviewText is the longest note or comment, in characters.
const MaxReviewText = 2000

// ErrNotWaiting is a review approved or returned that is not waiting (any more).
var ErrNotWaiting = errors.New("store: not waiting for review")

// Review is an entry sent for review.
type Review struct {
	Entity        content.Entity
	EntryID       int64
	State         string // ReviewWaiting or ReviewReturned
	RequestedBy   *int64 // the author's account; nil once it is removed
	RequestedName string
	RequestedAt   time.Time
	Note          string // the author's note for the reviewer; may be empty
	ReturnedName  string // who returned it; "" while waiting
	ReturnedAt    *time.Time
	Comment       string // why it was returned; "" while waiting
}

const reviewColumns = `entity, entity_id, state, requested_by, requested_name, requested_at, note, returned_name,
	returned_at, comment`

func scanReview(row pgx.Row) (Review, error) {
	var r Review
	var id string
	err := row.Scan(&r.Entity, &id, &r.State, &r.RequestedBy, &r.RequestedName, &r.RequestedAt, &r.Note,
		&r.ReturnedName, &r.ReturnedAt, &r.Comment)
	if err == nil {
		r.EntryID, err = strconv.ParseInt(id, 10, 64)
	}
	return r, err
}

// GetReview returns the review of an entry; ok is false when it was not sent for review.
func GetReview(ctx context.Context, db DBTX, entity content.Entity, id int64) (r Review, ok bool, err error) {
	return getReview(ctx, db, entity, id, false)
}

func getReview(ctx context.Context, db DBTX, entity content.Entity, id int64, lock bool) (Review, bool, error) {
	q := `SELECT ` + reviewColumns + ` FROM reviews WHERE entity = @entity AND entity_id = @entity_id`
	if lock {
		q += ` FOR UPDATE`
	}
	r, err := scanReview(db.QueryRow(ctx, q, pgx.StrictNamedArgs{"entity": string(entity), "entity_id": fmt.Sprint(id)}))
	if errors.Is(err, pgx.ErrNoRows) {
		return r, false, nil
	}
	if err != nil {
		return r, false, fmt.Errorf("store: review of %s %d: %w", entity, id, err)
	}
	return r, true, nil
}

// ListReviews returns every review, waiting or returned, the oldest request first.
func ListReviews(ctx context.Context, db DBTX) ([]Review, error) {
	rows, err := db.Query(ctx, `SELECT `+reviewColumns+` FROM reviews ORDER BY requested_at, entity, entity_id`)
	if err != nil {
		return nil, fmt.Errorf("store: list reviews: %w", err)
	}
	list, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (Review, error) { return scanReview(row) })
	if err != nil {
		return nil, fmt.Errorf("store: list reviews: %w", err)
	}
	return list, nil
}

// SendForReview saves e, made from the published baseVersion and the draft's revision as for
// SaveDraft (the draft of a published entry, or the entry itself when the public does not see
// it), and marks it as waiting for review with the author's note, in one transaction. It is
// checked fully first, as a published entry must be, so a reviewer is never sent what cannot be
// published. Sending again after a return makes it wait again, the comment cleared (the audit
// log keeps it).
func (t Workflow[T]) SendForReview(ctx context.Context, db TxBeginner, e *T, baseVersion, revision int, note string, actor Actor) error {
	full := *e
	t.publish(&full, true)
	if err := t.prepare(&full); err != nil {
		return err
	}
	id := (*e).EntryID()
	return inTx(ctx, db, func(tx pgx.Tx) error {
		var err error
		if (*e).IsPublished() {
			err = t.SaveDraft(ctx, tx, e, baseVersion, revision, actor)
		} else {
			err = t.Update(ctx, tx, e, baseVersion, actor)
		}
		if err != nil {
			return err
		}
		note = strings.TrimSpace(note)
		if _, err := tx.Exec(ctx, `INSERT INTO reviews (entity, entity_id, state, requested_by, requested_name, note)
			VALUES (@entity, @entity_id, 'waiting', @user_id, @user_name, @note)
			ON CONFLICT (entity, entity_id) DO UPDATE SET state = 'waiting', requested_by = excluded.requested_by,
				requested_name = excluded.requested_name, requested_at = now(), note = excluded.note,
				returned_name = '', returned_at = NULL, comment = ''`,
			pgx.StrictNamedArgs{"entity": string(t.entity), "entity_id": fmt.Sprint(id), "user_id": actor.userRef(),
				"user_name": actor.Name, "note": note}); err != nil {
			return fmt.Errorf("store: send %s %d for review: %w", t.entity, id, err)
		}
		return WriteAudit(ctx, tx, AuditRecord{Actor: actor, Action: ActionReviewRequest, Entity: t.entity,
			EntityID: fmt.Sprint(id), Label: label(*e), Detail: note})
	})
}

// waiting locks the review of entry id, which must be waiting.
func (t Workflow[T]) waiting(ctx context.Context, tx pgx.Tx, id int64) (Review, error) {
	r, ok, err := getReview(ctx, tx, t.entity, id, true)
	if err != nil {
		return r, err
	}
	if !ok || r.State != ReviewWaiting {
		return r, fmt.Errorf("store: %s %d: %w", t.entity, id, ErrNotWaiting)
	}
	return r, nil
}

// ApproveReview publishes what waits for review, in one transaction: the draft of a published
// entry exactly as PublishDraft does, or an entry the public does not see as SetPublished does.
// baseVersion and revision are what the reviewer's page showed (the entry's version and the
// draft's revision): a version saved after the reviewer looked is a conflict, not published
// unseen.
func (t Workflow[T]) ApproveReview(ctx context.Context, db TxBeginner, id int64, baseVersion, revision int, actor Actor) error {
	return inTx(ctx, db, func(tx pgx.Tx) error {
		r, err := t.waiting(ctx, tx, id)
		if err != nil {
			return err
		}
		cur, err := t.byID(ctx, tx, id, true)
		if err != nil {
			return err
		}
		if cur.IsPublished() {
			d, ok, derr := t.draft(ctx, tx, id, false)
			if derr != nil {
				return derr
			}
			if !ok {
				return fmt.Errorf("store: %s %d has no draft: %w", t.entity, id, ErrNotWaiting)
			}
			e := d.Entry
			err = t.PublishDraft(ctx, tx, &e, baseVersion, revision, actor)
		} else {
			_, err = t.SetPublished(ctx, tx, id, baseVersion, true, actor)
		}
		if err != nil {
			return err
		}
		if err := dropReview(ctx, tx, t.entity, id); err != nil {
			return err
		}
		return WriteAudit(ctx, tx, AuditRecord{Actor: actor, Action: ActionReviewApprove, Entity: t.entity,
			EntityID: fmt.Sprint(id), Label: label(cur), Detail: r.RequestedName})
	})
}

// ReturnReview returns what waits for review to its author with comment, which says why and is
// required: a *content.ValidationError on "review_comment" when it is empty or too long.
func (t Workflow[T]) ReturnReview(ctx context.Context, db TxBeginner, id int64, comment string, actor Actor) error {
	comment = strings.TrimSpace(comment)
	if err := CheckReviewText("review_comment", comment, true); err != nil {
		return err
	}
	return inTx(ctx, db, func(tx pgx.Tx) error {
		if _, err := t.waiting(ctx, tx, id); err != nil {
			return err
		}
		cur, err := t.byID(ctx, tx, id, false)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE reviews SET state = 'returned', returned_name = @name, returned_at = now(),
			comment = @comment WHERE entity = @entity AND entity_id = @entity_id`,
			pgx.StrictNamedArgs{"entity": string(t.entity), "entity_id": fmt.Sprint(id), "name": actor.Name,
				"comment": comment}); err != nil {
			return fmt.Errorf("store: return %s %d: %w", t.entity, id, err)
		}
		return WriteAudit(ctx, tx, AuditRecord{Actor: actor, Action: ActionReviewReturn, Entity: t.entity,
			EntityID: fmt.Sprint(id), Label: label(cur), Detail: comment})
	})
}

// CheckReviewText checks a note or a comment as field: text a person can type (line breaks
// allowed), at most MaxReviewText characters, and not empty when required.
func CheckReviewText(field, s string, required bool) error {
	var problem content.Problem
	switch {
	case required && strings.TrimSpace(s) == "":
		problem = content.ProblemRequired
	case !content.Typable(s, true):
		problem = content.ProblemCharacters
	case len([]rune(s)) > MaxReviewText:
		problem = content.ProblemTooLong
	}
	if problem == "" {
		return nil
	}
	return &content.ValidationError{Fields: []content.FieldError{{Field: field, Problem: problem}}}
}

// dropReview forgets that entry id waits for review: it was published, its draft discarded, or
// it is gone.
func dropReview(ctx context.Context, tx pgx.Tx, entity content.Entity, id int64) error {
	if _, err := tx.Exec(ctx, `DELETE FROM reviews WHERE entity = @entity AND entity_id = @entity_id`,
		pgx.StrictNamedArgs{"entity": string(entity), "entity_id": fmt.Sprint(id)}); err != nil {
		return fmt.Errorf("store: drop review of %s %d: %w", entity, id, err)
	}
	return nil
}

// DraftSummary is a draft beside a published entry, for the dashboard: whose, and since when.
type DraftSummary struct {
	Entity   content.Entity
	EntryID  int64
	UserName string
	SavedAt  time.Time
}

// ListDrafts returns the drafts of every kind of entry, the latest saved first.
func ListDrafts(ctx context.Context, db DBTX) ([]DraftSummary, error) {
	rows, err := db.Query(ctx, `SELECT entity, entity_id, user_name, saved_at FROM drafts ORDER BY saved_at DESC, entity, entity_id`)
	if err != nil {
		return nil, fmt.Errorf("store: list drafts: %w", err)
	}
	list, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (DraftSummary, error) {
		var d DraftSummary
		var id string
		if err := row.Scan(&d.Entity, &id, &d.UserName, &d.SavedAt); err != nil {
			return d, err
		}
		d.EntryID, err = strconv.ParseInt(id, 10, 64)
		return d, err
	})
	if err != nil {
		return nil, fmt.Errorf("store: list drafts: %w", err)
	}
	return list, nil
}
