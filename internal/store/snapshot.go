package store

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
)

// TxBeginner starts transactions: a pool, a connection, or a transaction (a savepoint within it).
type TxBeginner interface {
	Begin(ctx context.Context) (pgx.Tx, error)
}

// OptionsBeginner starts transactions with options: a pool or a connection.
type OptionsBeginner interface {
	BeginTx(ctx context.Context, opts pgx.TxOptions) (pgx.Tx, error)
}

// ReadSnapshot runs fn in a read-only transaction that sees one consistent state of the database,
// so that a page built from several queries (the home page's counts and cards) never mixes the
// moments before and after an editor's change.
func ReadSnapshot(ctx context.Context, db OptionsBeginner, fn func(tx DBTX) error) error {
	tx, err := db.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly})
	if err != nil {
		return fmt.Errorf("store: begin read: %w", err)
	}
	defer tx.Rollback(ctx)
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit(ctx)
}
