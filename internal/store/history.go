package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"twincities/internal/content"
)

// Actor is who makes a change: a member of staff, or the system (ID 0) for the initial data.
type Actor struct {
	ID   int64
	Name string
}

// SystemActor is the author of the initial data.
var SystemActor = Actor{Name: "initial data"}

// userRef is the user_id column for an actor: NULL for the system.
func (a Actor) userRef() *int64 {
	if a.ID == 0 {
		return nil
	}
	return &a.ID
}

// The actions the audit log records.
const (
	ActionCreate       = "create"
	ActionUpdate       = "update"
	ActionPublish      = "publish"
	ActionUnpublish    = "unpublish"
	ActionDelete       = "delete"
	ActionRestore      = "restore" // out of the trash
	ActionRevert       = "revert"  // back to an earlier version
	ActionPurge        = "purge"
	ActionUserAdd      = "user_add"
	ActionUserDisable  = "user_disable"
	ActionUserEnable   = "user_enable"
	ActionUserPassword = "user_password"
	// ActionTwoFactorEnable: a person turned on two-factor sign-in for their own account.
	ActionTwoFactorEnable = "two_factor_enable"
	// ActionTwoFactorDisable: a person turned it off for their own account.
	ActionTwoFactorDisable = "two_factor_disable"
	// ActionTwoFactorReset: an administrator (or the command line) removed someone's second factor.
	ActionTwoFactorReset = "two_factor_reset"
	// ActionTwoFactorCodes: a person replaced their recovery codes with new ones.
	ActionTwoFactorCodes = "two_factor_codes"
	// ActionSettingsUpdate: an administrator changed the site-wide settings.
	ActionSettingsUpdate = "settings_update"
)

// Actions lists every action the audit log records, in the order the change log offers them.
var Actions = []string{ActionCreate, ActionUpdate, ActionPublish, ActionUnpublish, ActionDelete, ActionRestore,
	ActionRevert, ActionPurge, ActionUserAdd, ActionUserDisable, ActionUserEnable, ActionUserPassword,
	ActionTwoFactorEnable, ActionTwoFactorDisable, ActionTwoFactorReset, ActionTwoFactorCodes, ActionSettingsUpdate}

// ErrConflict is the kind of error a save based on an out-of-date version returns.
var ErrConflict = errors.New("store: the entry was changed by someone else meanwhile")

// ConflictError is a refused save: Current is the entry as it is now, Base as it was at the
// version the save was based on (nil when that version's record is missing).
type ConflictError struct {
	Current content.Entry
	Base    content.Entry
}

func (e *ConflictError) Error() string {
	return fmt.Sprintf("store: %s %d is at version %d: %v", e.Current.Entity(), e.Current.EntryID(), e.Current.CurrentVersion(), ErrConflict)
}

// Unwrap makes errors.Is(err, ErrConflict) true.
func (e *ConflictError) Unwrap() error { return ErrConflict }

// AuditRecord is one line of the audit log to write.
type AuditRecord struct {
	Actor    Actor
	Action   string
	Entity   content.Entity
	EntityID string
	Label    string
	Detail   string
	Changes  []content.Change
}

// WriteAudit adds a line to the audit log. It belongs in the transaction of the change it records.
func WriteAudit(ctx context.Context, db DBTX, r AuditRecord) error {
	changes := r.Changes
	if changes == nil {
		changes = []content.Change{}
	}
	_, err := db.Exec(ctx, `INSERT INTO audit_log (user_id, user_name, action, entity, entity_id, label, detail, changes)
		VALUES (@user_id, @user_name, @action, @entity, @entity_id, @label, @detail, @changes)`,
		pgx.StrictNamedArgs{"user_id": r.Actor.userRef(), "user_name": r.Actor.Name, "action": r.Action,
			"entity": string(r.Entity), "entity_id": r.EntityID, "label": r.Label, "detail": r.Detail, "changes": changes})
	if err != nil {
		return fmt.Errorf("store: audit %s %s %s: %w", r.Action, r.Entity, r.EntityID, err)
	}
	return nil
}

// label names an entry in both languages for the log: "Дуйсбург / Duisburg".
func label(e content.Entry) string {
	ru, en := e.Label(content.RU), e.Label(content.EN)
	if ru == en || en == "" {
		return ru
	}
	if ru == "" {
		return en
	}
	return ru + " / " + en
}

// record keeps the new version of an entry (its revision) and logs the action with the changed
// fields. before is nil for a new entry.
func record[T content.Entry](ctx context.Context, tx DBTX, action string, before *T, after T, actor Actor, detail string) error {
	data, err := encodeRevision(after)
	if err != nil {
		return fmt.Errorf("store: revision of %s %d: %w", after.Entity(), after.EntryID(), err)
	}
	id := fmt.Sprint(after.EntryID())
	if _, err := tx.Exec(ctx, `INSERT INTO revisions (entity, entity_id, version, data, action, user_id)
		VALUES (@entity, @entity_id, @version, @data, @action, @user_id)`,
		pgx.StrictNamedArgs{"entity": string(after.Entity()), "entity_id": id, "version": after.CurrentVersion(),
			"data": data, "action": action, "user_id": actor.userRef()}); err != nil {
		return fmt.Errorf("store: revision of %s %s: %w", after.Entity(), id, err)
	}
	var old []content.FieldValue
	if before != nil {
		old = (*before).Fields()
	}
	return WriteAudit(ctx, tx, AuditRecord{
		Actor: actor, Action: action, Entity: after.Entity(), EntityID: id,
		Label: label(after), Detail: detail, Changes: content.Diff(old, after.Fields()),
	})
}

// Revision is one saved version of an entry, as the history lists it.
type Revision struct {
	Version  int
	At       time.Time
	UserName string // "" for the initial data
	Action   string
}

// revisionsOf lists the versions of one entry, newest first, with who saved each and how.
func revisionsOf(ctx context.Context, db DBTX, entity content.Entity, id int64) ([]Revision, error) {
	rows, err := db.Query(ctx, `SELECT r.version, r.at, coalesce(u.name, '') AS user_name, r.action
		FROM revisions r LEFT JOIN users u ON u.id = r.user_id
		WHERE r.entity = @entity AND r.entity_id = @entity_id
		ORDER BY r.version DESC`, pgx.StrictNamedArgs{"entity": string(entity), "entity_id": fmt.Sprint(id)})
	if err != nil {
		return nil, fmt.Errorf("store: revisions of %s %d: %w", entity, id, err)
	}
	revs, err := pgx.CollectRows(rows, pgx.RowToStructByPos[Revision])
	if err != nil {
		return nil, fmt.Errorf("store: revisions of %s %d: %w", entity, id, err)
	}
	return revs, nil
}

// revisionData returns the stored copy of one version of an entry.
func revisionData(ctx context.Context, db DBTX, entity content.Entity, id int64, version int) ([]byte, error) {
	var data []byte
	err := db.QueryRow(ctx, `SELECT data FROM revisions WHERE entity = @entity AND entity_id = @entity_id AND version = @version`,
		pgx.StrictNamedArgs{"entity": string(entity), "entity_id": fmt.Sprint(id), "version": version}).Scan(&data)
	if err != nil {
		return nil, fmt.Errorf("store: version %d of %s %d: %w", version, entity, id, notFound(err))
	}
	return data, nil
}
