package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"twincities/internal/content"
)

// The audit log's words for the moves of a draft beside a published entry.
const (
	// ActionDraftSave: someone saved the working copy of a published entry; the public did not see it.
	ActionDraftSave = "draft_save"
	// ActionDraftPublish: someone published the working copy: it replaced the published version.
	ActionDraftPublish = "draft_publish"
	// ActionDraftDiscard: someone dropped the working copy; the published version stayed as it was.
	ActionDraftDiscard = "draft_discard"
)

// The draft's words join the change log's filter here, beside their declaration.
func init() { Actions = append(Actions, ActionDraftSave, ActionDraftPublish, ActionDraftDiscard) }

// Draft is the working copy of a published entry: what staff changed and did not publish yet.
type Draft[T content.Entry] struct {
	// Entry is the working copy whole; its version is BaseVersion.
	Entry T
	// BaseVersion is the published version the copy was made from.
	BaseVersion int
	// Revision counts the saves of the draft; a save or publish based on an older one conflicts.
	Revision int
	UserName string
	SavedAt  time.Time
}

// Draft returns the working copy of entry id; ok is false when it has none.
func (t Workflow[T]) Draft(ctx context.Context, db DBTX, id int64) (d Draft[T], ok bool, err error) {
	return t.draft(ctx, db, id, false)
}

func (t Workflow[T]) draft(ctx context.Context, db DBTX, id int64, lock bool) (Draft[T], bool, error) {
	var d Draft[T]
	var data []byte
	q := `SELECT data, base_version, revision, user_name, saved_at FROM drafts WHERE entity = @entity AND entity_id = @entity_id`
	if lock {
		q += ` FOR UPDATE`
	}
	err := db.QueryRow(ctx, q, pgx.StrictNamedArgs{"entity": string(t.entity), "entity_id": fmt.Sprint(id)}).
		Scan(&data, &d.BaseVersion, &d.Revision, &d.UserName, &d.SavedAt)
	if errors.Is(err, pgx.ErrNoRows) {
		return d, false, nil
	}
	if err != nil {
		return d, false, fmt.Errorf("store: draft of %s %d: %w", t.entity, id, err)
	}
	if d.Entry, err = decodeRevision[T](data); err != nil {
		return d, false, fmt.Errorf("store: read draft of %s %d: %w", t.entity, id, err)
	}
	return d, true, nil
}

// checkDraft locks the entry and its draft for a change of the draft made from the published
// baseVersion and the draft's revision (0: there was none). Either having moved is a conflict:
// Current is then what the person would overwrite (the published entry, or the other person's
// draft).
func (t Workflow[T]) checkDraft(ctx context.Context, tx pgx.Tx, id int64, baseVersion, revision int) (T, Draft[T], bool, error) {
	cur, err := t.current(ctx, tx, id, baseVersion)
	if err != nil {
		return cur, Draft[T]{}, false, err
	}
	d, ok, err := t.draft(ctx, tx, id, true)
	if err != nil {
		return cur, d, ok, err
	}
	if (ok && d.Revision != revision) || (!ok && revision != 0) {
		conflict := &ConflictError{Current: cur}
		if ok {
			conflict.Current = d.Entry
		}
		return cur, d, ok, conflict
	}
	return cur, d, ok, nil
}

// SaveDraft keeps e as the working copy of its published entry, made from the published
// baseVersion and the draft's revision (0 when it had none). The copy is checked as a draft
// entry is, so one language may still be missing; the public sees nothing of it.
func (t Workflow[T]) SaveDraft(ctx context.Context, db TxBeginner, e *T, baseVersion, revision int, actor Actor) error {
	if err := t.CheckDraft(e); err != nil {
		return err
	}
	id := (*e).EntryID()
	return inTx(ctx, db, func(tx pgx.Tx) error {
		cur, _, _, err := t.checkDraft(ctx, tx, id, baseVersion, revision)
		if err != nil {
			return err
		}
		data, err := encodeRevision(*e)
		if err != nil {
			return fmt.Errorf("store: draft of %s %d: %w", t.entity, id, err)
		}
		if _, err := tx.Exec(ctx, `INSERT INTO drafts (entity, entity_id, data, base_version, revision, user_id, user_name)
			VALUES (@entity, @entity_id, @data, @base, 1, @user_id, @user_name)
			ON CONFLICT (entity, entity_id) DO UPDATE SET data = excluded.data, base_version = excluded.base_version,
				revision = drafts.revision + 1, user_id = excluded.user_id, user_name = excluded.user_name, saved_at = now()`,
			pgx.StrictNamedArgs{"entity": string(t.entity), "entity_id": fmt.Sprint(id), "data": data, "base": baseVersion,
				"user_id": actor.userRef(), "user_name": actor.Name}); err != nil {
			return fmt.Errorf("store: save draft of %s %d: %w", t.entity, id, err)
		}
		return WriteAudit(ctx, tx, AuditRecord{Actor: actor, Action: ActionDraftSave, Entity: t.entity,
			EntityID: fmt.Sprint(id), Label: label(cur), Changes: content.Diff(cur.Fields(), (*e).Fields())})
	})
}

// PublishDraft makes e the published version in one transaction: checked fully, as a published
// entry must be, saved with its revision and its audit line, and the draft dropped. baseVersion
// and revision are what the person's form was made from, as for SaveDraft; revision 0 publishes
// changes that were never saved as a draft.
func (t Workflow[T]) PublishDraft(ctx context.Context, db TxBeginner, e *T, baseVersion, revision int, actor Actor) error {
	if err := t.prepare(e); err != nil {
		return err
	}
	id := (*e).EntryID()
	return inTx(ctx, db, func(tx pgx.Tx) error {
		cur, _, _, err := t.checkDraft(ctx, tx, id, baseVersion, revision)
		if err != nil {
			return err
		}
		if err := t.update(ctx, tx, e); err != nil {
			return err
		}
		if err := t.dropDraft(ctx, tx, id); err != nil {
			return err
		}
		return record(ctx, tx, ActionDraftPublish, &cur, *e, actor, "")
	})
}

// DiscardDraft drops the working copy of entry id at revision; the published version stays.
func (t Workflow[T]) DiscardDraft(ctx context.Context, db TxBeginner, id int64, revision int, actor Actor) error {
	return inTx(ctx, db, func(tx pgx.Tx) error {
		cur, err := t.byID(ctx, tx, id, true)
		if err != nil {
			return err
		}
		d, ok, err := t.draft(ctx, tx, id, true)
		if err != nil {
			return err
		}
		if !ok {
			return fmt.Errorf("store: %s %d has no draft: %w", t.entity, id, ErrNotFound)
		}
		if d.Revision != revision {
			return &ConflictError{Current: d.Entry}
		}
		if err := t.dropDraft(ctx, tx, id); err != nil {
			return err
		}
		return WriteAudit(ctx, tx, AuditRecord{Actor: actor, Action: ActionDraftDiscard, Entity: t.entity,
			EntityID: fmt.Sprint(id), Label: label(cur), Changes: content.Diff(d.Entry.Fields(), cur.Fields())})
	})
}

func (t Workflow[T]) dropDraft(ctx context.Context, tx pgx.Tx, id int64) error {
	if _, err := tx.Exec(ctx, `DELETE FROM drafts WHERE entity = @entity AND entity_id = @entity_id`,
		pgx.StrictNamedArgs{"entity": string(t.entity), "entity_id": fmt.Sprint(id)}); err != nil {
		return fmt.Errorf("store: drop draft of %s %d: %w", t.entity, id, err)
	}
	return dropReview(ctx, tx, t.entity, id) // issue 11, review: a draft published or gone waits for nothing
}

func (t Workflow[T]) CheckDraft(e *T) error { return t.checkAs(e, false) }

// CheckPublished validates e as it would be once published (complete in both languages, on top
// of a draft's rules), normalising it as a save would, and saves nothing: a draft's form that
// asks to be published is refused whole, before anything is written, when it could not be.
func (t Workflow[T]) CheckPublished(e *T) error { return t.checkAs(e, true) }

// checkAs normalises and validates e by the rules of an entry published or not, keeping e's own
// published flag.
func (t Workflow[T]) checkAs(e *T, published bool) error {
	check := *e
	t.publish(&check, published)
	err := t.prepare(&check)
	t.publish(&check, (*e).IsPublished())
	*e = check
	return err
}
