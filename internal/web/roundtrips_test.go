package web_test

import (
	"context"
	"net/http"
	"sync"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"twincities/internal/postgres/pgtest"
)

// sentToDB is a pgx tracer that counts what the site sends to PostgreSQL: single statements (with
// their SQL, for the message) and batches. Each is one round trip.
type sentToDB struct {
	mu      sync.Mutex
	queries []string
	batches int
}

func (c *sentToDB) TraceQueryStart(ctx context.Context, _ *pgx.Conn, d pgx.TraceQueryStartData) context.Context {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.queries = append(c.queries, d.SQL)
	return ctx
}

func (c *sentToDB) TraceQueryEnd(context.Context, *pgx.Conn, pgx.TraceQueryEndData) {}

func (c *sentToDB) TraceBatchStart(ctx context.Context, _ *pgx.Conn, _ pgx.TraceBatchStartData) context.Context {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.batches++
	return ctx
}

func (c *sentToDB) TraceBatchQuery(context.Context, *pgx.Conn, pgx.TraceBatchQueryData) {}

func (c *sentToDB) TraceBatchEnd(context.Context, *pgx.Conn, pgx.TraceBatchEndData) {}

// take returns what was sent since the last call and forgets it.
func (c *sentToDB) take() (queries []string, batches int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	queries, batches = c.queries, c.batches
	c.queries, c.batches = nil, 0
	return queries, batches
}

// TestPagesTakeFewRoundTrips serves the three pages of issue 12's table from a page built afresh
// (no page cache) and counts the round trips each took to PostgreSQL: the home page reads
// everything in one batch; a city page in two (the city, then its timeline, awards and news, which
// need its ID); the awards in one, and a second for the names of the cities the page's awards
// are of. They took eleven, eight and seven before. The other lists take one each.
func TestPagesTakeFewRoundTrips(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	cfg := db.Config().Copy()
	sent := &sentToDB{}
	cfg.ConnConfig.Tracer = sent
	pool, err := pgxpool.NewWithConfig(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(pool.Close)
	h := site(t, pool)
	for _, c := range []struct {
		path             string
		batches, queries int
	}{
		{"/en/", 1, 0},
		{"/ru/twin-cities/duisburg", 2, 0},
		{"/ru/awards", 1, 1},
		{"/en/twin-cities", 1, 0},
		{"/ru/partner-cities", 1, 0},
		{"/ru/memberships", 1, 0},
		{"/en/news", 1, 0},
		// The frame and the city in one batch; the ROLLBACK that ends the snapshot on the same
		// connection (closing it instead would cost a new connection a 404); the page "not
		// found", whose frame is a batch of its own.
		{"/en/twin-cities/no-such-city", 2, 1},
	} {
		get(t, h, c.path) // the first view of a page prepares its statements
		sent.take()
		res := get(t, h, c.path)
		want := http.StatusOK
		if c.path == "/en/twin-cities/no-such-city" {
			want = http.StatusNotFound
		}
		if res.StatusCode != want {
			t.Fatalf("GET %s: %d, want %d", c.path, res.StatusCode, want)
		}
		if queries, batches := sent.take(); batches != c.batches || len(queries) != c.queries {
			t.Errorf("GET %s: %d batches and %d single statements %q, want %d and %d",
				c.path, batches, len(queries), queries, c.batches, c.queries)
		}
	}
}
