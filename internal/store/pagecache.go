package store

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
)

// PagesChannel is the channel on which the database announces, at the commit of any change to a
// table public pages show, that cached pages are stale (trigger pages_changed, migration 00022).
// The payload is the new value of the cache generation.
const PagesChannel = "twincities_pages"

// ListenForChanges makes conn receive the notifications of PagesChannel. conn must be a
// connection of its own, held for as long as the notifications are wanted: a pooled one would be
// handed to others.
func ListenForChanges(ctx context.Context, conn *pgx.Conn) error {
	if _, err := conn.Exec(ctx, "LISTEN "+pgx.Identifier{PagesChannel}.Sanitize()); err != nil {
		return fmt.Errorf("store: listen for changes: %w", err)
	}
	return nil
}

// CacheGeneration is the latest generation any change took (it moves by one or more at each
// change to a public table, and also when such a change is rolled back).
func CacheGeneration(ctx context.Context, db DBTX) (int64, error) {
	var g int64
	if err := db.QueryRow(ctx, `SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM cache_generation`).Scan(&g); err != nil {
		return 0, fmt.Errorf("store: cache generation: %w", err)
	}
	return g, nil
}

// AnnounceChanges tells every instance that cached pages are stale, as the trigger does: for
// writes that bypass the triggers, such as a restore (pg_restore creates the triggers after it has
// loaded the rows). It leaves the generation as it is, so a restored database is the backup's,
// sequences included.
func AnnounceChanges(ctx context.Context, db DBTX) error {
	if _, err := db.Exec(ctx, `SELECT pg_notify(@channel, last_value::text) FROM cache_generation`,
		pgx.StrictNamedArgs{"channel": PagesChannel}); err != nil {
		return fmt.Errorf("store: announce changes: %w", err)
	}
	return nil
}
