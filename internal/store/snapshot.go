package store

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
)

// TxBeginner starts transactions: a pool or a connection.
type TxBeginner interface {
	BeginTx(ctx context.Context, opts pgx.TxOptions) (pgx.Tx, error)
}

// ReadSnapshot runs fn in a read-only transaction that sees one consistent state of the database,
// so that a page built from several queries (the home page's counts and cards) never mixes the
// moments before and after an editor's change.
func ReadSnapshot(ctx context.Context, db TxBeginner, fn func(tx pgx.Tx) error) error {
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
