package store

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// read is one query of the store and what reads its rows: a store function in a form that can be
// sent alone (run) or with others in one round trip (Reads). what names it in errors.
type read struct {
	what string
	sql  string
	args pgx.StrictNamedArgs
	scan func(pgx.Rows) error
}

// run sends r alone on db.
func (r read) run(ctx context.Context, db DBTX) error {
	rows, err := db.Query(ctx, r.sql, r.args)
	if err == nil {
		err = r.scan(rows)
	}
	return r.wrap(err)
}

// runOne sends r, a read of one entry into found (intoOne), alone on db: a missing entry is
// ErrNotFound, named as the read's other errors are.
func runOne(ctx context.Context, db DBTX, r read, found *bool) error {
	if err := r.run(ctx, db); err != nil {
		return err
	}
	if !*found {
		return r.wrap(ErrNotFound)
	}
	return nil
}

// wrap names the read in err, keeping ErrNotFound recognisable.
func (r read) wrap(err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("store: %s: %w", r.what, err)
}

// into is a read's scan that collects every row with scanRow into out.
func into[T any](out *[]T, scanRow pgx.RowToFunc[T]) func(pgx.Rows) error {
	return func(rows pgx.Rows) error {
		found, err := pgx.CollectRows(rows, scanRow)
		*out = found
		return err
	}
}

// intoOne is a read's scan that keeps the first row in out and tells in found whether there was
// one: a missing entry is an answer, and the reads queued after it still run.
func intoOne[T any](out *T, found *bool, scanRow pgx.RowToFunc[T]) func(pgx.Rows) error {
	return func(rows pgx.Rows) error {
		all, err := pgx.CollectRows(rows, scanRow)
		if err != nil {
			return err
		}
		if *found = len(all) > 0; *found {
			*out = all[0]
		}
		return nil
	}
}

// intoCount is a read's scan of a count into out.
func intoCount(out *int) func(pgx.Rows) error {
	return func(rows pgx.Rows) error {
		n, err := pgx.CollectExactlyOneRow(rows, pgx.RowTo[int])
		*out = n
		return err
	}
}

// Reads gathers the queries of a page to send them to PostgreSQL together: one round trip for the
// lot instead of one each, and one snapshot of the database for them all, as ReadSnapshot gives
// (issue 12: the home page took eleven round trips). Each method queues a store function of the
// same name; what it reads lands in the variables it was given when Send returns without error.
// A query that needs what another returns (a city's events need the city) cannot be queued with
// it.
type Reads struct {
	reads []read
}

// queue adds r.
func (rs *Reads) queue(r read) { rs.reads = append(rs.reads, r) }

// Send runs the queued reads in one round trip: the read-only, repeatable-read transaction that
// gives them one snapshot is begun and committed in the same batch. It returns the first error.
func (rs *Reads) Send(ctx context.Context, db *pgxpool.Pool) error { return rs.SendThen(ctx, db, nil) }

// SendThen is Send for reads that need what others return (a city's events need the city's ID):
// once the queued reads are answered, next queues the others, which run in a second round trip
// in the same snapshot. An error next returns ends it and is returned. A nil next makes it Send.
func (rs *Reads) SendThen(ctx context.Context, db *pgxpool.Pool, next func(*Reads) error) error {
	conn, err := db.Acquire(ctx)
	if err != nil {
		return fmt.Errorf("store: reads: %w", err)
	}
	defer release(ctx, conn)
	b := rs.batch()
	b.QueuedQueries = append([]*pgx.QueuedQuery{{SQL: "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"}}, b.QueuedQueries...)
	if next == nil {
		b.Queue("COMMIT")
	}
	if err := conn.SendBatch(ctx, b).Close(); err != nil || next == nil {
		return err
	}
	var then Reads
	if err := next(&then); err != nil || len(then.reads) == 0 {
		return err // release ends the snapshot: it wrote nothing
	}
	b = then.batch()
	b.Queue("COMMIT")
	return conn.SendBatch(ctx, b).Close()
}

// release hands conn back to the pool, first ending the snapshot's transaction when a failure, or
// a next that found nothing to read, left it open. The pool would otherwise close the connection,
// and a page not found (a bot trying addresses) would cost a new connection each time.
func release(ctx context.Context, conn *pgxpool.Conn) {
	if status := conn.Conn().PgConn().TxStatus(); status == 'T' || status == 'E' {
		// A failed ROLLBACK closes the connection, which the pool then drops.
		_, _ = conn.Exec(ctx, "ROLLBACK")
	}
	conn.Release()
}

// batch is a pgx batch of the reads.
func (rs *Reads) batch() *pgx.Batch {
	b := &pgx.Batch{}
	for _, r := range rs.reads {
		b.Queue(r.sql, r.args).Query(func(rows pgx.Rows) error { return r.wrap(r.scan(rows)) })
	}
	return b
}
