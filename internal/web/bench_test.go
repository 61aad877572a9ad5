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
