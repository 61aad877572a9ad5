package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"twincities/internal/content"
	"twincities/internal/i18n"
	"twincities/internal/postgres/pgtest"
)

func TestUnknownAddressesAre404InTheVisitorsLanguage(t *testing.T) {
	t.Parallel()
	h := site(t, pgtest.SeededDB(t))
	cases := []struct {
		path, accept string
		lang         content.Lang
	}{
		{"/ru/twin-cities/nowhere", "", content.RU},
		{"/en/twin-cities/nowhere", "", content.EN},
		{"/en/partner-cities/duisburg", "", content.EN},         // a twin city is not a partner city
		{"/ru/memberships/volga-region-cities", "", content.RU}, // a draft
		{"/en/memberships/nowhere", "", content.EN},
		{"/en/twin-cities/Bad%20Slug", "", content.EN},
		{"/en/twin-cities/" + strings.Repeat("a", 300), "", content.EN},
		{"/de/", "en", content.EN},
		{"/nothing-here", "", content.RU},
		{"/en/no-such-section", "ru", content.EN}, // the URL's language wins over the header
	}
	for _, c := range cases {
		r := get(t, h, c.path, "Accept-Language", c.accept)
		if r.StatusCode != http.StatusNotFound {
			t.Errorf("%s: status %d, want 404", c.path, r.StatusCode)
			continue
		}
		if got := r.doc.Find("html").AttrOr("lang", ""); got != string(c.lang) {
			t.Errorf("%s: 404 page in %q, want %q", c.path, got, c.lang)
		}
		if h1 := strings.TrimSpace(r.doc.Find("h1").Text()); h1 != i18n.For(c.lang).NotFoundTitle {
			t.Errorf("%s: 404 heading %q", c.path, h1)
		}
		if r.doc.Find(`meta[name="robots"][content="noindex"]`).Length() != 1 {
			t.Errorf("%s: 404 page may be indexed", c.path)
		}
	}
}

// brokenDB is a pool on a server that does not exist: what the site has when PostgreSQL is down.
func brokenDB(tb testing.TB) *pgxpool.Pool {
	tb.Helper()
	pool, err := pgxpool.New(context.Background(), "postgres://nobody@/nothing?host=/nonexistent-socket-dir&connect_timeout=1")
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(pool.Close)
	return pool
}

// While the database cannot be reached, pages answer 503 with the friendly page and a time to
// come back, not 500: the site is not broken, only waiting.
func TestUnreachableDatabaseGivesA503Page(t *testing.T) {
	t.Parallel()
	h := site(t, brokenDB(t))
	for _, path := range []string{"/en/", "/ru/twin-cities", "/en/twin-cities/duisburg", "/ru/awards"} {
		r := get(t, h, path)
		if r.StatusCode != http.StatusServiceUnavailable {
			t.Errorf("%s: status %d, want 503", path, r.StatusCode)
			continue
		}
		if ra := r.Header.Get("Retry-After"); ra == "" {
			t.Errorf("%s: 503 without Retry-After", path)
		}
		l := content.Lang(path[1:3])
		if h1 := strings.TrimSpace(r.doc.Find("h1").Text()); h1 != i18n.For(l).UnavailableTitle {
			t.Errorf("%s: error heading %q", path, h1)
		}
		for _, leak := range []string{"nonexistent", "socket", "postgres", "dial", "store:", "SQL"} {
			if strings.Contains(r.body, leak) {
				t.Errorf("%s: error page shows internals (%q)", path, leak)
			}
		}
	}
}

func TestHealthAndReadiness(t *testing.T) {
	t.Parallel()
	good, bad := site(t, pgtest.SeededDB(t)), site(t, brokenDB(t))
	if r := get(t, good, "/readyz"); r.StatusCode != http.StatusOK {
		t.Errorf("readyz with a database: %d, want 200", r.StatusCode)
	}
	if r := get(t, bad, "/readyz"); r.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("readyz without a database: %d, want 503", r.StatusCode)
	} else if want := "database unavailable: the database server cannot be reached\n"; r.body != want {
		// What is wrong, in words, never the driver's message with its socket and user.
		t.Errorf("readyz without a database says %q, want %q", r.body, want)
	}
	// The process is up even when the database is not.
	if r := get(t, bad, "/healthz"); r.StatusCode != http.StatusOK {
		t.Errorf("healthz without a database: %d, want 200", r.StatusCode)
	}
}

func TestRedirects(t *testing.T) {
	t.Parallel()
	h := site(t, pgtest.SeededDB(t))
	cases := []struct {
		path, accept, location string
		status                 int
	}{
		{"/", "", "/ru/", http.StatusFound},
		{"/", "en-US,en;q=0.9", "/en/", http.StatusFound},
		{"/", "ru-RU,ru;q=0.9,en;q=0.8", "/ru/", http.StatusFound},
		{"/", "de-DE", "/ru/", http.StatusFound}, // neither language: Russian
		{"/", "de;q=1, en;q=0.5", "/en/", http.StatusFound},
		{"/", "garbage;;;", "/ru/", http.StatusFound},
		{"/en/awards/", "", "/en/awards", http.StatusMovedPermanently},
		{"//evil.example/x/", "", "/evil.example/x", http.StatusMovedPermanently}, // never off-site
		// Nor by a backslash, which browsers take for a slash (found by FuzzURLs).
		{"/%5Cevil.example/x/", "", "/%5Cevil.example/x", http.StatusMovedPermanently},
		{"/ru/%D0%B3/x/", "", "/ru/%D0%B3/x", http.StatusMovedPermanently},
	}
	for _, c := range cases {
		r := get(t, h, c.path, "Accept-Language", c.accept)
		if r.StatusCode != c.status || r.Header.Get("Location") != c.location {
			t.Errorf("GET %s (Accept-Language %q): %d %q, want %d %q", c.path, c.accept,
				r.StatusCode, r.Header.Get("Location"), c.status, c.location)
		}
	}
	if v := get(t, h, "/").Header.Get("Vary"); !strings.Contains(v, "Accept-Language") {
		t.Errorf("the language redirect does not vary by Accept-Language: Vary %q", v)
	}
}

func TestStateChangingMethodsAreRefused(t *testing.T) {
	t.Parallel()
	h := site(t, pgtest.SeededDB(t))
	for _, m := range []string{http.MethodPost, http.MethodPut, http.MethodDelete} {
		req, _ := http.NewRequest(m, "/en/twin-cities", nil)
		rec := newRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusMethodNotAllowed {
			t.Errorf("%s /en/twin-cities: %d, want 405", m, rec.Code)
		}
	}
}

// One request after another meeting the same unreachable database wrote a line of ERROR each:
// half a million lines in 45 seconds. One line of a kind is written every few seconds, counting
// the ones held back.
func TestAnUnreachableDatabaseDoesNotFloodTheLog(t *testing.T) {
	t.Parallel()
	site := startSite(t, brokenDB(t))
	b := site.newBrowser(t, "en")
	start := time.Now()
	for i := range 200 {
		path := []string{"/en/", "/ru/twin-cities", "/en/awards", "/ru/memberships/x"}[i%4]
		if res := b.get(path); res.status != http.StatusServiceUnavailable {
			t.Fatalf("GET %s: %d, want 503", path, res.status)
		}
	}
	// A member of staff with a session meets it too: the session store is the database.
	u, _ := url.Parse(site.srv.URL + "/admin/")
	b.jar.SetCookies(u, []*http.Cookie{{Name: sessionCookie, Value: "some-token", Path: "/admin"}})
	if res := b.get("/admin/"); res.status != http.StatusServiceUnavailable {
		t.Errorf("GET /admin/ with a session: %d, want 503", res.status)
	}
	var errorLines []string
	for _, line := range strings.Split(site.log.String(), "\n") {
		if strings.Contains(line, "level=ERROR") || strings.Contains(line, "level=WARN") {
			errorLines = append(errorLines, line)
		}
	}
	// One line, and one more for every five seconds the requests took.
	allowed := 1 + int(time.Since(start)/(5*time.Second))
	if len(errorLines) == 0 || len(errorLines) > allowed {
		t.Fatalf("%d error lines for 201 requests, want 1 to %d:\n%s", len(errorLines), allowed, strings.Join(errorLines, "\n"))
	}
	if !strings.Contains(errorLines[0], "database unavailable") {
		t.Errorf("the line does not say what is wrong: %s", errorLines[0])
	}
}
