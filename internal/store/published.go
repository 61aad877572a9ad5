package store

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"twincities/internal/content"
)

// FirstPublished is when each entry of entity was first published, by its ID: the earliest
// "publish" line of the audit log. Unpublishing and publishing again, or editing, moves nothing,
// so a feed reader is not told of the same entry twice. An entry created already published (as
// the initial data is) has no such line: the caller takes its creation time instead.
func FirstPublished(ctx context.Context, db DBTX, entity content.Entity) (map[int64]time.Time, error) {
	rows, err := db.Query(ctx, `SELECT entity_id::bigint, min(at) FROM audit_log
		WHERE entity = @entity AND action = @action AND entity_id ~ '^[0-9]{1,18}$'
		GROUP BY entity_id`,
		pgx.StrictNamedArgs{"entity": string(entity), "action": ActionPublish})
	if err != nil {
		return nil, fmt.Errorf("store: first published %s: %w", entity, err)
	}
	out := map[int64]time.Time{}
	var id int64
	var at time.Time
	_, err = pgx.ForEachRow(rows, []any{&id, &at}, func() error {
		out[id] = at
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("store: first published %s: %w", entity, err)
	}
	return out, nil
}
