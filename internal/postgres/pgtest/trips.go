package pgtest

import (
	"context"
	"sync"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// RoundTrips counts what a pool's connections send to PostgreSQL: single statements (with their
// SQL, for a failure's message) and batches, each one round trip. It is a pgx tracer.
type RoundTrips struct {
	mu      sync.Mutex
	queries []string
	batches int
}

// TracedPool is a second pool on db's database whose connections report to a RoundTrips, for
// tests that count the round trips of a page or a store function.
func TracedPool(tb testing.TB, db *pgxpool.Pool) (*pgxpool.Pool, *RoundTrips) {
	tb.Helper()
	cfg := db.Config().Copy()
	trips := &RoundTrips{}
	cfg.ConnConfig.Tracer = trips
	pool, err := pgxpool.NewWithConfig(context.Background(), cfg)
	if err != nil {
		tb.Fatalf("pgtest: %v", err)
	}
	tb.Cleanup(pool.Close)
	return pool, trips
}

// Take returns what was sent since the last call and forgets it.
func (c *RoundTrips) Take() (queries []string, batches int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	queries, batches = c.queries, c.batches
	c.queries, c.batches = nil, 0
	return queries, batches
}

// TraceQueryStart implements pgx.QueryTracer.
func (c *RoundTrips) TraceQueryStart(ctx context.Context, _ *pgx.Conn, d pgx.TraceQueryStartData) context.Context {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.queries = append(c.queries, d.SQL)
	return ctx
}

// TraceQueryEnd implements pgx.QueryTracer.
func (c *RoundTrips) TraceQueryEnd(context.Context, *pgx.Conn, pgx.TraceQueryEndData) {}

// TraceBatchStart implements pgx.BatchTracer.
func (c *RoundTrips) TraceBatchStart(ctx context.Context, _ *pgx.Conn, _ pgx.TraceBatchStartData) context.Context {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.batches++
	return ctx
}

// TraceBatchQuery implements pgx.BatchTracer.
func (c *RoundTrips) TraceBatchQuery(context.Context, *pgx.Conn, pgx.TraceBatchQueryData) {}

// TraceBatchEnd implements pgx.BatchTracer.
func (c *RoundTrips) TraceBatchEnd(context.Context, *pgx.Conn, pgx.TraceBatchEndData) {}
