package web_test

import (
	"net/http"
	"testing"

	"twincities/internal/postgres/pgtest"
)

// TestPagesTakeFewRoundTrips serves the three pages of issue 12's table from a page built afresh
// (no page cache) and counts the round trips each took to PostgreSQL: the home page reads
// everything in one batch; a city page in two (the city, then its timeline, awards and news, which
// need its ID); the awards in one, and a second for the names of the cities the page's awards
// are of. They took eleven, eight and seven before. The other lists take one each.
func TestPagesTakeFewRoundTrips(t *testing.T) {
	t.Parallel()
	pool, sent := pgtest.TracedPool(t, pgtest.SeededDB(t))
	h := site(t, pool)
	for _, c := range []struct {
		path             string
		batches, queries int
	}{
		{"/en/", 1, 0},
		{"/ru/twin-cities/duisburg", 1, 0},
		{"/ru/awards", 1, 0},
		{"/en/twin-cities", 1, 0},
		{"/ru/partner-cities", 1, 0},
		{"/ru/memberships", 1, 0},
		{"/en/news", 1, 0},
		// The frame, the city and its entries (none) in one batch; the page "not found", whose
		// frame is a batch of its own.
		{"/en/twin-cities/no-such-city", 2, 0},
	} {
		get(t, h, c.path) // the first view of a page prepares its statements
		sent.Take()
		res := get(t, h, c.path)
		want := http.StatusOK
		if c.path == "/en/twin-cities/no-such-city" {
			want = http.StatusNotFound
		}
		if res.StatusCode != want {
			t.Fatalf("GET %s: %d, want %d", c.path, res.StatusCode, want)
		}
		if queries, batches := sent.Take(); batches != c.batches || len(queries) != c.queries {
			t.Errorf("GET %s: %d batches and %d single statements %q, want %d and %d",
				c.path, batches, len(queries), queries, c.batches, c.queries)
		}
	}
}
