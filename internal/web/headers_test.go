package web_test

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"twincities/internal/auth"
	"twincities/internal/postgres/pgtest"
	"twincities/internal/web"
)

// Link checkers and uptime monitors ask with HEAD; /en/ and /ru/ answered 405. Every page that
// answers GET answers HEAD the same, without a body.
func TestHeadAnswersLikeGet(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	addEditor(t, db)
	site := startSite(t, db)
	b := site.newBrowser(t, "en")
	for _, path := range []string{"/", "/en/", "/ru/", "/en/twin-cities", "/ru/twin-cities/duisburg", "/en/partner-cities",
		"/ru/memberships", "/en/awards", "/ru/about", "/en/contacts", "/ru/accessibility", "/healthz", "/readyz",
		"/robots.txt", "/sitemap.xml", "/favicon.ico", "/manifest.webmanifest", "/admin/login", "/admin/", "/en/nowhere",
		"/ru/awards/"} {
		get := b.get(path)
		head := b.do(b.newRequest(http.MethodHead, path, nil))
		if head.status != get.status {
			t.Errorf("HEAD %s: %d, GET: %d", path, head.status, get.status)
		}
		if head.body != "" {
			t.Errorf("HEAD %s: a body of %d bytes", path, len(head.body))
		}
		if h, g := head.header.Get("Content-Type"), get.header.Get("Content-Type"); h != g {
			t.Errorf("HEAD %s: Content-Type %q, GET: %q", path, h, g)
		}
	}
}

// A site served over https tells browsers to keep to https; one served over http cannot.
func TestStrictTransportSecurityUnderHTTPS(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	for _, c := range []struct {
		base string
		want string
	}{
		{"https://twincities.example", "max-age=31536000; includeSubDomains"},
		{"http://127.0.0.1:8080", ""},
	} {
		srv := web.New(web.Deps{DB: db, Log: slog.New(slog.NewTextHandler(io.Discard, nil)), BaseURL: c.base,
			Hasher: auth.Hasher{Params: auth.TestParams}})
		t.Cleanup(srv.Close)
		h := srv.Routes()
		for _, path := range []string{"/ru/", "/admin/login", "/static/nowhere.css", "/en/nowhere"} {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
			if got := rec.Header().Get("Strict-Transport-Security"); got != c.want {
				t.Errorf("%s %s: Strict-Transport-Security %q, want %q", c.base, path, got, c.want)
			}
		}
	}
}

// Pages follow the settings of the version for the visually impaired, kept in a cookie: caches
// must tell visitors apart by their cookies, and a page made for someone's settings is theirs
// alone.
func TestPagesShapedByTheA11yCookieAreNotShared(t *testing.T) {
	t.Parallel()
	h := site(t, pgtest.SeededDB(t))
	for _, path := range []string{"/ru/", "/en/twin-cities/duisburg", "/ru/awards", "/en/nowhere"} {
		plain := get(t, h, path)
		if !strings.Contains(strings.Join(plain.Header.Values("Vary"), ","), "Cookie") {
			t.Errorf("%s: Vary %q lacks Cookie", path, plain.Header.Values("Vary"))
		}
		if cc := plain.Header.Get("Cache-Control"); strings.Contains(cc, "private") {
			t.Errorf("%s without settings: Cache-Control %q; the page is the same for everyone", path, cc)
		}
		shaped := get(t, h, path, "Cookie", "a11y=largest.white-on-black.off")
		if shaped.doc.Find("html.a11y, body.a11y, [class*='font-largest']").Length() == 0 && !strings.Contains(shaped.body, "largest") {
			t.Fatalf("%s: the cookie did not shape the page; this test no longer tests anything", path)
		}
		if cc := shaped.Header.Get("Cache-Control"); cc != "private" {
			t.Errorf("%s with settings: Cache-Control %q, want private", path, cc)
		}
		if !strings.Contains(strings.Join(shaped.Header.Values("Vary"), ","), "Cookie") {
			t.Errorf("%s with settings: Vary %q lacks Cookie", path, shaped.Header.Values("Vary"))
		}
	}
}
