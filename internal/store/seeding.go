package store

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
)

// seedingLock is the advisory lock key that keeps two servers starting together from both
// loading the initial data into the same empty database.
const seedingLock = 0x7477696e // "twin"

// LockForSeeding waits until no other transaction is loading the initial data, and keeps others
// waiting until tx ends. Call it in the loading transaction, before HasContent.
func LockForSeeding(ctx context.Context, tx DBTX) error {
	if _, err := tx.Exec(ctx, "SELECT pg_advisory_xact_lock(@key)", pgx.StrictNamedArgs{"key": seedingLock}); err != nil {
		return fmt.Errorf("store: lock for seeding: %w", err)
	}
	return nil
}
