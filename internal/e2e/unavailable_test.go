package e2e_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http/httptest"
	"testing"

	"github.com/jackc/pgx/v5/pgxpool"

	"twincities/internal/web"
)

// startUnavailableSite serves the site over a database that cannot be reached: what visitors meet
// while PostgreSQL is down.
func startUnavailableSite(tb testing.TB) string {
	tb.Helper()
	db, err := pgxpool.New(context.Background(), "postgres://nobody@/nothing?host=/nonexistent-socket-dir&connect_timeout=1")
	if err != nil {
		tb.Fatal(err)
	}
	srv := web.New(web.Deps{DB: db, Log: slog.New(slog.NewTextHandler(io.Discard, nil)), Hasher: hasher})
	ts := httptest.NewServer(srv.Routes())
	tb.Cleanup(func() { ts.Close(); srv.Close(); db.Close() })
	return ts.URL
}

// The page shown while the database is away is a page of the site like any other: accessible in
// both languages and every colour scheme, readable on a phone; saved for people to look at.
func TestUnavailablePage(t *testing.T) {
	t.Parallel()
	url := startUnavailableSite(t)
	for _, width := range []int{1280, 375} {
		for _, c := range []struct{ name, path, a11y string }{
			{"ru", "/ru/twin-cities/duisburg", ""},
			{"en", "/en/", ""},
			{"ru-largest-white-on-black", "/ru/awards", "largest.white-on-black.off"},
			{"en-large-blue", "/en/about", "large.blue.on"},
		} {
			ctx := tab(t, width)
			if c.a11y != "" {
				do(t, ctx, setCookie(url, "a11y", c.a11y))
			}
			if st := open(t, ctx, url+c.path); st != 503 {
				t.Errorf("%s: %d, want 503", c.path, st)
			}
			checkAxe(t, ctx, fmt.Sprintf("the unavailable page, %s at %d px", c.name, width))
			screenshot(t, ctx, fmt.Sprintf("%d-unavailable-%s", width, c.name))
		}
	}
}
