package web_test

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"

	"twincities/internal/postgres/pgtest"
	"twincities/internal/web"
)

// The fuzz targets of this package run against the real site over a seeded database. The fuzzing
// engine runs each target in worker processes and calls the target's function once in each, so
// a fuzzSite is made once per process, before f.Fuzz, and serves every input after: a database
// and two signed-in sessions per worker, not per input.

// fuzzSite is the real router over a seeded database, with an editor and an administrator
// signed in, and the site's log kept for inspection.
type fuzzSite struct {
	*adminSite
	h      http.Handler
	errs   *errorLog
	editor string // session cookie of the signed-in editor
	admin  string // session cookie of the signed-in administrator
}

// newFuzzSite starts the site for a fuzz target, with options as startSite's, and signs in its
// staff.
func newFuzzSite(f *testing.F, opts ...func(*web.Deps)) *fuzzSite {
	f.Helper()
	db := pgtest.SeededDB(f)
	addEditor(f, db)
	addAdmin(f, db)
	errs := &errorLog{}
	site := startSite(f, db, append([]func(*web.Deps){func(d *web.Deps) {
		// Only what the site logs as an error: one line per request would pile up over a run.
		d.Log = slog.New(slog.NewTextHandler(errs, &slog.HandlerOptions{Level: slog.LevelError}))
	}}, opts...)...)
	fs := &fuzzSite{adminSite: site, h: site.srv.Config.Handler, errs: errs}
	for _, who := range []struct {
		email, password string
		cookie          *string
	}{{editorEmail, editorPassword, &fs.editor}, {adminEmail, adminPassword, &fs.admin}} {
		b := site.newBrowser(f, "en")
		b.mustSignIn(who.email, who.password)
		*who.cookie = sessionCookie + "=" + b.sessionToken()
	}
	return fs
}

// serve sends req to the router in-process, as the server would hand it over, and reads the
// answer. In-process, because a body over its address's limit is refused before it is read, and
// a client still writing it might see the connection reset rather than the answer. Admin answers
// must never be stored by a cache, whatever their status.
func (fs *fuzzSite) serve(t testing.TB, req *http.Request) page {
	t.Helper()
	req.Host = "test.example"
	rec := httptest.NewRecorder()
	fs.h.ServeHTTP(rec, req)
	res := rec.Result()
	body := rec.Body.String()
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(body))
	if err != nil {
		t.Fatalf("%s %s: parse HTML: %v", req.Method, shortPath(req.URL.Path), err)
	}
	p := page{status: res.StatusCode, header: res.Header, body: body, doc: doc, path: req.URL.RequestURI(), res: res}
	if strings.HasPrefix(req.URL.Path, "/admin") && res.Header.Get("Cache-Control") != "no-store" {
		t.Errorf("%s %s (%d): Cache-Control %q, want no-store", req.Method, shortPath(req.URL.Path), p.status,
			res.Header.Get("Cache-Control"))
	}
	return p
}

// postForm sends body as a page of the site sends a form: same-origin, URL-encoded, with the
// session cookie given ("" for none).
func (fs *fuzzSite) postForm(t *testing.T, path, body, cookie string) page {
	t.Helper()
	req := httptest.NewRequestWithContext(context.Background(), http.MethodPost, path, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	req.Header.Set("Accept-Language", "en")
	if cookie != "" {
		req.Header.Set("Cookie", cookie)
	}
	return fs.serve(t, req)
}

// expectNoServerError fails the test when the answer is a 5xx or the site logged an error
// (a panic it recovered from, a query that failed, text the database refused) while answering.
func (fs *fuzzSite) expectNoServerError(t *testing.T, p page) {
	t.Helper()
	if logged := fs.errs.take(); logged != "" {
		t.Fatalf("%s: status %d, and the site logged:\n%s", shortPath(p.path), p.status, logged)
	}
	if p.status >= 500 {
		t.Fatalf("%s: status %d\n%s", shortPath(p.path), p.status, excerpt(p))
	}
}

// errorLog keeps what the site logs until a test takes it.
type errorLog struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (l *errorLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Write(p)
}

// take returns what was logged since the last take.
func (l *errorLog) take() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	s := l.buf.String()
	l.buf.Reset()
	return s
}

var _ io.Writer = (*errorLog)(nil)

// schemePrefix is the start of an absolute URL: a scheme and its colon.
var schemePrefix = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9+.-]*:`)

// leavesSite reports whether a browser told to go to location by the site at https://test.example
// would leave it. Browsers read a Location leniently (the WHATWG URL standard): they ignore
// leading and trailing spaces and control characters, drop tabs and line breaks anywhere, and
// take a backslash for a slash, so "/\evil.example" and "/\t/evil.example" lead to another site
// although net/url calls both paths.
func leavesSite(location string) bool {
	s := strings.TrimFunc(location, func(r rune) bool { return r <= ' ' })
	s = strings.Map(func(r rune) rune {
		switch r {
		case '\t', '\n', '\r':
			return -1
		case '\\':
			return '/'
		}
		return r
	}, s)
	if rest, ok := strings.CutPrefix(strings.ToLower(s), "https:"); ok {
		s = rest // the site's own scheme may be named; then what follows decides
	} else if schemePrefix.MatchString(s) {
		return true // another scheme (http:, javascript:, data:) is never where the site sends anyone
	}
	if !strings.HasPrefix(s, "//") {
		return false // a path on this site
	}
	host := strings.TrimPrefix(s, "//")
	if i := strings.IndexAny(host, "/?#"); i >= 0 {
		host = host[:i]
	}
	return strings.ToLower(host) != "test.example"
}

// shown is how a form field shows a submitted value that comes back to it, as a browser (and
// goquery) reads the page: bytes that are not UTF-8 and control characters other than tabs and
// line breaks become U+FFFD, which marks where they were, and line breaks are LF.
func shown(v string) string {
	v = strings.Map(func(r rune) rune {
		if r != '\t' && r != '\n' && r != '\r' && (r < 0x20 || r >= 0x7f && r <= 0x9f) {
			return utf8.RuneError
		}
		return r
	}, strings.ToValidUTF8(v, string(utf8.RuneError)))
	return strings.ReplaceAll(strings.ReplaceAll(v, "\r\n", "\n"), "\r", "\n")
}
