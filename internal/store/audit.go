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
		WHERE (@entity = '' OR entity = @entity) AND (@entity_id = '' OR entity_id = @entity_id)
		  AND (@user_id::bigint = 0 OR user_id = @user_id) AND (@action = '' OR action = @action)
		  AND (@since::timestamptz IS NULL OR at >= @since) AND (@before::timestamptz IS NULL OR at < @before)
		ORDER BY at DESC, id DESC
		LIMIT @limit OFFSET @offset`,
		pgx.StrictNamedArgs{"entity": string(q.Entity), "entity_id": q.EntityID, "user_id": q.UserID, "action": q.Action,
			"since": since, "before": before, "limit": q.Limit, "offset": q.Offset})
	if err != nil {
		return nil, fmt.Errorf("store: audit log: %w", err)
	}
	entries, err := pgx.CollectRows(rows, pgx.RowToStructByName[AuditEntry])
	if err != nil {
		return nil, fmt.Errorf("store: audit log: %w", err)
	}
	return entries, nil
}
