package store_test

import (
	"context"
	"errors"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"

	"twincities/internal/content"
	"twincities/internal/postgres/pgtest"
	"twincities/internal/store"
)

func TestReadSnapshotIsReadOnly(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), pgtest.EmptyDB(t)
	err := store.ReadSnapshot(ctx, db, func(tx store.DBTX) error {
		c := newCity(content.Twin, "written-in-a-snapshot", true)
		return store.InsertCity(ctx, tx, &c)
	})
	var pgErr *pgconn.PgError
	if !errors.As(err, &pgErr) || pgErr.Code != "25006" { // read_only_sql_transaction
		t.Fatalf("write inside ReadSnapshot: err = %v, want SQLSTATE 25006", err)
	}
	has, err := store.HasContent(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	if has {
		t.Error("the write inside ReadSnapshot was stored")
	}
}

func TestReadSnapshotSeesOneState(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), pgtest.EmptyDB(t)
	first := newCity(content.Twin, "first", true)
	if err := store.InsertCity(ctx, db, &first); err != nil {
		t.Fatal(err)
	}
	var before, after store.Counts
	err := store.ReadSnapshot(ctx, db, func(tx store.DBTX) error {
		var err error
		if before, err = store.PublicCounts(ctx, tx); err != nil {
			return err
		}
		// An editor's change committed on another connection while the page is being built.
		second := newCity(content.Twin, "second", true)
		if err := store.InsertCity(ctx, db, &second); err != nil {
			return err
		}
		after, err = store.PublicCounts(ctx, tx)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if before.TwinCities != 1 || after != before {
		t.Errorf("counts inside one snapshot: %+v then %+v, want one twin city both times", before, after)
	}
	now, err := store.PublicCounts(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	if now.TwinCities != 2 {
		t.Errorf("twin cities after the snapshot = %d, want 2", now.TwinCities)
	}
}

func TestReadSnapshotReturnsTheError(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), pgtest.EmptyDB(t)
	sentinel := errors.New("page failed")
	if err := store.ReadSnapshot(ctx, db, func(store.DBTX) error { return sentinel }); !errors.Is(err, sentinel) {
		t.Errorf("ReadSnapshot returned %v, want the function's error", err)
	}
}
