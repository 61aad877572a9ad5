// Package store reads and writes the site's content in PostgreSQL with hand-written SQL. Every
// function takes a DBTX, so a pool and a transaction serve alike; errors carry context and the
// typed kinds ErrNotFound and content.ValidationError.
//
// No query numbers its parameters by hand (placeholders_test.go checks): the queries of an entry
// kind are built from its one column list (columns.go), and every other query names its
// parameters with pgx.StrictNamedArgs, which refuses a name the query uses but the arguments lack,
// where plain NamedArgs would send NULL.
package store

import (
	"context"
	"errors"

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
