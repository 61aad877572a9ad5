package web_test

import (
	"context"
	"testing"

	"github.com/jackc/pgx/v5/pgxpool"

	"twincities/internal/content"
	"twincities/internal/store"
)

// Reading and changing the test database directly, to check what a page did or set up what it reads.

// queryInt reads one number from the database.
func queryInt(tb testing.TB, db *pgxpool.Pool, sql string, args ...any) int64 {
	tb.Helper()
	var n int64
	if err := db.QueryRow(context.Background(), sql, args...).Scan(&n); err != nil {
		tb.Fatalf("%s: %v", sql, err)
	}
	return n
}

// queryString reads one text value from the database.
func queryString(tb testing.TB, db *pgxpool.Pool, sql string, args ...any) string {
	tb.Helper()
	var s string
	if err := db.QueryRow(context.Background(), sql, args...).Scan(&s); err != nil {
		tb.Fatalf("%s: %v", sql, err)
	}
	return s
}

// exec runs a statement on the database.
func exec(tb testing.TB, db *pgxpool.Pool, sql string, args ...any) {
	tb.Helper()
	if _, err := db.Exec(context.Background(), sql, args...); err != nil {
		tb.Fatalf("%s: %v", sql, err)
	}
}

// cityBySlug reads a city of the given kind as stored, draft or not.
func cityBySlug(tb testing.TB, db *pgxpool.Pool, kind content.CityKind, slug string) content.City {
	tb.Helper()
	c, err := store.CityBySlug(context.Background(), db, kind, slug, false)
	if err != nil {
		tb.Fatalf("city %s/%s: %v", kind, slug, err)
	}
	return c
}

// cityByID reads a city as stored.
func cityByID(tb testing.TB, db *pgxpool.Pool, id int64) content.City {
	tb.Helper()
	c, err := store.Cities.Get(context.Background(), db, id)
	if err != nil {
		tb.Fatalf("city %d: %v", id, err)
	}
	return c
}
