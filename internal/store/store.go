// Package store reads and writes the site's content in PostgreSQL with hand-written SQL. Every
// function takes a DBTX, so a pool and a transaction serve alike; errors carry context and the
// typed kinds ErrNotFound and content.ValidationError.
package store

import (
	"context"
	"errors"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"twincities/internal/content"
)

// DBTX is what the store needs of a database handle: *pgxpool.Pool, *pgx.Conn and pgx.Tx have it.
type DBTX interface {
	Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error)
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}

// ErrNotFound is returned when the entry asked for does not exist (or is not public, for a
// public query).
var ErrNotFound = errors.New("store: not found")

// notFound turns pgx's "no rows" into ErrNotFound, keeping other errors.
func notFound(err error) error {
	if errors.Is(err, pgx.ErrNoRows) {
		return ErrNotFound
	}
	return err
}

// uniqueViolation turns a unique-constraint failure into a validation error on field, so a taken
// slug reaches the form as a message instead of as a server error.
func uniqueViolation(err error, field string) error {
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) && pgErr.Code == "23505" {
		return &content.ValidationError{Fields: []content.FieldError{{Field: field, Problem: content.ProblemTaken}}}
	}
	return err
}

// foreignKey turns a reference to a row that does not exist (a city deleted meanwhile) into a
// validation error on field.
func foreignKey(err error, field string) error {
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) && pgErr.Code == "23503" {
		return &content.ValidationError{Fields: []content.FieldError{{Field: field, Problem: content.ProblemChoice}}}
	}
	return err
}

// dateFrom builds a Date from its two nullable columns.
func dateFrom(t *time.Time, p *string) content.Date {
	if t == nil || p == nil {
		return content.Date{}
	}
	return content.Date{Time: time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), Precision: content.Precision(*p)}
}

// dateArgs splits a Date into its two nullable columns.
func dateArgs(d content.Date) (*time.Time, *string) {
	if d.IsZero() {
		return nil, nil
	}
	t, p := d.Time, string(d.Precision)
	return &t, &p
}

// sourcesArg makes sure an empty list is stored as [] rather than null.
func sourcesArg(s []content.Source) []content.Source {
	if s == nil {
		return []content.Source{}
	}
	return s
}

// collect scans every row into the row struct R by column name, then makes each an entry T. It
// reads all rows before returning, so no connection stays busy while the caller works.
func collect[R any, T any](rows pgx.Rows, err error, entry func(R) T) ([]T, error) {
	if err != nil {
		return nil, err
	}
	got, err := pgx.CollectRows(rows, pgx.RowToStructByName[R])
	if err != nil {
		return nil, err
	}
	out := make([]T, len(got))
	for i, r := range got {
		out[i] = entry(r)
	}
	return out, nil
}

// only returns the one entry a query by key found, or ErrNotFound.
func only[T any](found []T, err error) (T, error) {
	var zero T
	if err == nil && len(found) == 0 {
		err = ErrNotFound
	}
	if err != nil {
		return zero, err
	}
	return found[0], nil
}
