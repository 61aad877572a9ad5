package store

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"twincities/internal/content"
)

// Workflow is how every change to one kind of entry staff edit goes: the save is checked against
// the version it was based on, validated, written with its revision and its audit line in one
// transaction, or not at all; deleting moves the entry to the trash, and only from there can it be
// purged.
type Workflow[T content.Entry] struct {
	entity  content.Entity
	table   string // SQL table name (a constant, never user input)
	trash   bool   // deleted entries go to the trash (pages cannot be deleted)
	byID    func(ctx context.Context, db DBTX, id int64, lock bool) (T, error)
	insert  func(ctx context.Context, db DBTX, e *T) error
	update  func(ctx context.Context, db DBTX, e *T) error
	prepare func(e *T) error    // normalise and validate
	publish func(e *T, on bool) // set the published flag
	inTrash func(e T) bool      // in the trash
	// beforePurge settles what depends on an entry before it goes for good, with history.
	beforePurge func(ctx context.Context, tx pgx.Tx, id int64, actor Actor) error
}

// The kinds of entry.
var (
	Cities = Workflow[content.City]{
		entity: content.EntityCity, table: "cities", trash: true,
		byID: cityByID, insert: insertCity, update: updateCity,
		prepare:     func(c *content.City) error { c.Normalize(); return c.Validate() },
		publish:     func(c *content.City, on bool) { c.Published = on },
		inTrash:     func(c content.City) bool { return c.DeletedAt != nil },
		beforePurge: purgeCityDependents,
	}
	Organizations = Workflow[content.Organization]{
		entity: content.EntityOrganization, table: "organizations", trash: true,
		byID: organizationByID, insert: insertOrganization, update: updateOrganization,
		prepare: func(o *content.Organization) error { o.Normalize(); return o.Validate() },
		publish: func(o *content.Organization, on bool) { o.Published = on },
		inTrash: func(o content.Organization) bool { return o.DeletedAt != nil },
	}
	Awards = Workflow[content.Award]{
		entity: content.EntityAward, table: "awards", trash: true,
		byID: awardByID, insert: insertAward, update: updateAward,
		prepare: func(a *content.Award) error { a.Normalize(); return a.Validate() },
		publish: func(a *content.Award, on bool) { a.Published = on },
		inTrash: func(a content.Award) bool { return a.DeletedAt != nil },
	}
	Events = Workflow[content.Event]{
		entity: content.EntityEvent, table: "events", trash: true,
		byID: eventByID, insert: insertEvent, update: updateEvent,
		prepare: func(e *content.Event) error { e.Normalize(); return e.Validate() },
		publish: func(e *content.Event, on bool) { e.Published = on },
		inTrash: func(e content.Event) bool { return e.DeletedAt != nil },
	}
	Pages = Workflow[content.Page]{
		entity: content.EntityPage, table: "pages",
		byID: pageByID, insert: insertPage, update: updatePage,
		prepare: func(p *content.Page) error { return p.Validate() },
		publish: func(*content.Page, bool) {},
		inTrash: func(content.Page) bool { return false },
	}
)

// Entity is the kind of entry the table holds.
func (t Workflow[T]) Entity() content.Entity { return t.entity }

// Get returns one entry, whatever its state (draft, published, in the trash).
func (t Workflow[T]) Get(ctx context.Context, db DBTX, id int64) (T, error) {
	return t.byID(ctx, db, id, false)
}

// Create validates e and stores it as version 1, with its history.
func (t Workflow[T]) Create(ctx context.Context, db TxBeginner, e *T, actor Actor) error {
	if err := t.prepare(e); err != nil {
		return err
	}
	return inTx(ctx, db, func(tx pgx.Tx) error {
		if err := t.insert(ctx, tx, e); err != nil {
			return err
		}
		return record(ctx, tx, ActionCreate, nil, *e, actor, "")
	})
}

// Update saves e over the stored entry if that is still at baseVersion; otherwise it changes
// nothing and returns a *ConflictError. Publishing or unpublishing through Update is logged as such.
func (t Workflow[T]) Update(ctx context.Context, db TxBeginner, e *T, baseVersion int, actor Actor) error {
	if err := t.prepare(e); err != nil {
		return err
	}
	return inTx(ctx, db, func(tx pgx.Tx) error {
		cur, err := t.current(ctx, tx, (*e).EntryID(), baseVersion)
		if err != nil {
			return err
		}
		if err := t.update(ctx, tx, e); err != nil {
			return err
		}
		action := ActionUpdate
		if cur.IsPublished() != (*e).IsPublished() {
			action = map[bool]string{true: ActionPublish, false: ActionUnpublish}[(*e).IsPublished()]
		}
		return record(ctx, tx, action, &cur, *e, actor, "")
	})
}

// SetPublished publishes or unpublishes an entry at baseVersion. Publishing checks the entry as a
// published one, so an entry missing a language stays a draft and the error says what is missing.
func (t Workflow[T]) SetPublished(ctx context.Context, db TxBeginner, id int64, baseVersion int, on bool, actor Actor) (T, error) {
	var next T
	err := inTx(ctx, db, func(tx pgx.Tx) error {
		cur, err := t.current(ctx, tx, id, baseVersion)
		if err != nil {
			return err
		}
		next = cur
		t.publish(&next, on)
		if err := t.prepare(&next); err != nil {
			return err
		}
		if err := t.update(ctx, tx, &next); err != nil {
			return err
		}
		action := ActionUnpublish
		if on {
			action = ActionPublish
			// Issue 11, review: an entry published waits for no review any more.
			if err := dropReview(ctx, tx, t.entity, id); err != nil {
				return err
			}
		}
		return record(ctx, tx, action, &cur, next, actor, "")
	})
	return next, err
}

// Revert saves version `version` of an entry again, as a new version, if the entry is still at
// baseVersion. The old version must satisfy today's rules.
func (t Workflow[T]) Revert(ctx context.Context, db TxBeginner, id int64, version, baseVersion int, actor Actor) (T, error) {
	var old T
	err := inTx(ctx, db, func(tx pgx.Tx) error {
		cur, err := t.current(ctx, tx, id, baseVersion)
		if err != nil {
			return err
		}
		if old, err = t.Revision(ctx, tx, id, version); err != nil {
			return err
		}
		if err := t.prepare(&old); err != nil {
			return err
		}
		if err := t.update(ctx, tx, &old); err != nil {
			return err
		}
		// What was stored, not the old revision: that one may carry the moment it went to the
		// trash (a revision saved by Delete), which the entry no longer has.
		if old, err = t.byID(ctx, tx, id, false); err != nil {
			return err
		}
		return record(ctx, tx, ActionRevert, &cur, old, actor, fmt.Sprintf("version %d", version))
	})
	return old, err
}

// Delete moves an entry to the trash, from where Restore brings it back.
func (t Workflow[T]) Delete(ctx context.Context, db TxBeginner, id int64, actor Actor) error {
	return t.setDeleted(ctx, db, id, true, actor)
}

// Restore takes an entry out of the trash.
func (t Workflow[T]) Restore(ctx context.Context, db TxBeginner, id int64, actor Actor) error {
	return t.setDeleted(ctx, db, id, false, actor)
}

func (t Workflow[T]) setDeleted(ctx context.Context, db TxBeginner, id int64, deleted bool, actor Actor) error {
	if !t.trash {
		return fmt.Errorf("store: %s cannot be deleted: %w", t.entity, ErrNotFound)
	}
	return inTx(ctx, db, func(tx pgx.Tx) error {
		cur, err := t.byID(ctx, tx, id, true)
		if err != nil {
			return err
		}
		if t.inTrash(cur) == deleted {
			return fmt.Errorf("store: %s %d is not where it would come from: %w", t.entity, id, ErrNotFound)
		}
		state, action := "NULL", ActionRestore
		if deleted {
			state, action = "now()", ActionDelete
		}
		if _, err := tx.Exec(ctx, `UPDATE `+t.table+` SET deleted_at = `+state+`, version = version + 1, updated_at = now()
			WHERE id = @id`, pgx.StrictNamedArgs{"id": id}); err != nil {
			return fmt.Errorf("store: %s %s %d: %w", action, t.entity, id, err)
		}
		after, err := t.byID(ctx, tx, id, false)
		if err != nil {
			return err
		}
		return record(ctx, tx, action, &cur, after, actor, "")
	})
}

// Purge removes an entry in the trash for good, with its revisions; the audit log keeps the line
// saying who purged what.
func (t Workflow[T]) Purge(ctx context.Context, db TxBeginner, id int64, actor Actor) error {
	return inTx(ctx, db, func(tx pgx.Tx) error {
		cur, err := t.byID(ctx, tx, id, true)
		if err != nil {
			return err
		}
		if !t.inTrash(cur) {
			return fmt.Errorf("store: %s %d is not in the trash: %w", t.entity, id, ErrNotFound)
		}
		if t.beforePurge != nil {
			if err := t.beforePurge(ctx, tx, id, actor); err != nil {
				return err
			}
		}
		if _, err := tx.Exec(ctx, `DELETE FROM `+t.table+` WHERE id = @id`, pgx.StrictNamedArgs{"id": id}); err != nil {
			return fmt.Errorf("store: purge %s %d: %w", t.entity, id, err)
		}
		if _, err := tx.Exec(ctx, `DELETE FROM revisions WHERE entity = @entity AND entity_id = @entity_id`,
			pgx.StrictNamedArgs{"entity": string(t.entity), "entity_id": fmt.Sprint(id)}); err != nil {
			return fmt.Errorf("store: purge revisions of %s %d: %w", t.entity, id, err)
		}
		if err := t.dropDraft(ctx, tx, id); err != nil {
			return err
		}
		return WriteAudit(ctx, tx, AuditRecord{Actor: actor, Action: ActionPurge, Entity: t.entity,
			EntityID: fmt.Sprint(id), Label: label(cur)})
	})
}

// Revisions lists the saved versions of an entry, newest first.
func (t Workflow[T]) Revisions(ctx context.Context, db DBTX, id int64) ([]Revision, error) {
	return revisionsOf(ctx, db, t.entity, id)
}

// Revision returns the entry as it was saved at version.
func (t Workflow[T]) Revision(ctx context.Context, db DBTX, id int64, version int) (T, error) {
	var e T
	data, err := revisionData(ctx, db, t.entity, id, version)
	if err != nil {
		return e, err
	}
	if e, err = decodeRevision[T](data); err != nil {
		return e, fmt.Errorf("store: read version %d of %s %d: %w", version, t.entity, id, err)
	}
	return e, nil
}

// current locks the entry for a change based on baseVersion and returns it, or the reason the
// change cannot be made: not found (or in the trash), or a conflict.
func (t Workflow[T]) current(ctx context.Context, tx pgx.Tx, id int64, baseVersion int) (T, error) {
	cur, err := t.byID(ctx, tx, id, true)
	if err != nil {
		return cur, err
	}
	if t.inTrash(cur) {
		return cur, fmt.Errorf("store: %s %d is in the trash: %w", t.entity, id, ErrNotFound)
	}
	if cur.CurrentVersion() != baseVersion {
		conflict := &ConflictError{Current: cur}
		if base, err := t.Revision(ctx, tx, id, baseVersion); err == nil {
			conflict.Base = base
		}
		return cur, conflict
	}
	return cur, nil
}

// inTx runs fn in a transaction, committed when fn returns nil.
func inTx(ctx context.Context, db TxBeginner, fn func(tx pgx.Tx) error) error {
	tx, err := db.Begin(ctx)
	if err != nil {
		return fmt.Errorf("store: begin: %w", err)
	}
	defer tx.Rollback(ctx)
	if err := fn(tx); err != nil {
		return err
	}
	if err := tx.Commit(ctx); err != nil {
		return fmt.Errorf("store: commit: %w", err)
	}
	return nil
}

// Check normalises and validates e as a save would, without saving: to report every problem of a
// form at once.
func (t Workflow[T]) Check(e *T) error { return t.prepare(e) }
