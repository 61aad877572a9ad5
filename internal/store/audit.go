package store

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"twincities/internal/content"
)

// AuditEntry is one line of the audit log.
type AuditEntry struct {
	ID       int64            `db:"id"`
	At       time.Time        `db:"at"`
	UserID   *int64           `db:"user_id"`
	UserName string           `db:"user_name"`
	Action   string           `db:"action"`
	Entity   content.Entity   `db:"entity"`
	EntityID string           `db:"entity_id"`
	Label    string           `db:"label"`
	Detail   string           `db:"detail"`
	Changes  []content.Change `db:"changes"`
}

// AuditQuery selects lines of the audit log. Zero fields do not filter.
type AuditQuery struct {
	Entity   content.Entity
	EntityID string
	UserID   int64
	Action   string
	Since    time.Time // from this moment on
	Before   time.Time // before this moment
	Limit    int       // at most this many; 0 means 50
	Offset   int
}

// ListAudit returns the lines q selects, newest first.
func ListAudit(ctx context.Context, db DBTX, q AuditQuery) ([]AuditEntry, error) {
	if q.Limit <= 0 {
		q.Limit = 50
	}
	var since, before *time.Time
	if !q.Since.IsZero() {
		since = &q.Since
	}
	if !q.Before.IsZero() {
		before = &q.Before
	}
	rows, err := db.Query(ctx, `SELECT id, at, user_id, user_name, action, entity, entity_id, label, detail, changes
		FROM audit_log
		WHERE ($1 = '' OR entity = $1) AND ($2 = '' OR entity_id = $2) AND ($3::bigint = 0 OR user_id = $3)
		  AND ($4 = '' OR action = $4) AND ($5::timestamptz IS NULL OR at >= $5) AND ($6::timestamptz IS NULL OR at < $6)
		ORDER BY at DESC, id DESC
		LIMIT $7 OFFSET $8`,
		string(q.Entity), q.EntityID, q.UserID, q.Action, since, before, q.Limit, q.Offset)
	if err != nil {
		return nil, fmt.Errorf("store: audit log: %w", err)
	}
	entries, err := pgx.CollectRows(rows, pgx.RowToStructByName[AuditEntry])
	if err != nil {
		return nil, fmt.Errorf("store: audit log: %w", err)
	}
	return entries, nil
}
