package web_test

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"twincities/internal/postgres/pgtest"
)

// BenchmarkPages measures whole requests through the real router and a real database: the cost a
// visitor's page view puts on the server. Run with make bench.
func BenchmarkPages(b *testing.B) {
	h := site(b, pgtest.SeededDB(b))
	for _, path := range []string{"/ru/", "/en/twin-cities", "/en/twin-cities/duisburg", "/ru/memberships", "/en/awards", "/ru/about"} {
		b.Run(path, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
				if rec.Code != http.StatusOK {
					b.Fatalf("GET %s: %d", path, rec.Code)
				}
			}
		})
	}
}

// BenchmarkUncached measures the three pages of issue 12's table (the home page, a city, a list)
// as a load tester asks them, without compression, and as a browser does, with gzip: the cost of
// a page built afresh, which is what a page cache saves and what a cache miss still pays.
func BenchmarkUncached(b *testing.B) {
	h := site(b, pgtest.SeededDB(b))
	for _, enc := range []string{"identity", "gzip"} {
		for _, path := range []string{"/en/", "/en/twin-cities/duisburg", "/ru/awards"} {
			b.Run(enc+path, func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					rec := httptest.NewRecorder()
					req := httptest.NewRequest(http.MethodGet, path, nil)
					if enc != "identity" {
						req.Header.Set("Accept-Encoding", enc)
					}
					h.ServeHTTP(rec, req)
					if rec.Code != http.StatusOK {
						b.Fatalf("GET %s: %d", path, rec.Code)
					}
				}
			})
		}
	}
}
