package web_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/andybalholm/brotli"
	"github.com/jackc/pgx/v5/pgxpool"

	"twincities/internal/content"
	"twincities/internal/postgres/pgtest"
	"twincities/internal/web"
)

// Issue 12, page cache: tests of the cache of public pages and of conditional requests.

// withPageCache gives the site a page cache of budget bytes.
func withPageCache(budget int64) func(*web.Deps) {
	return func(d *web.Deps) { d.PageCacheBytes = budget }
}

// cacheFigures are the page cache's figures as /readyz tells them.
type cacheFigures struct {
	pages, bytes, budget, hits, misses, evicted int64
	listening                                   bool
}

var cacheLine = regexp.MustCompile(`page cache: (\d+) pages, (\d+) of (\d+) bytes, (\d+) hits, (\d+) misses, (\d+) evicted, (.*)`)

// figures reads the page cache's figures from /readyz.
func (s *adminSite) figures(tb testing.TB) cacheFigures {
	tb.Helper()
	f, ok := s.figuresIfReady(tb)
	if !ok {
		tb.Fatal("/readyz shows no page cache's figures")
	}
	return f
}

// figuresIfReady is figures, or false while /readyz shows none (the database is away).
func (s *adminSite) figuresIfReady(tb testing.TB) (cacheFigures, bool) {
	tb.Helper()
	body := string(rawGet(tb, s, "/readyz").body)
	m := cacheLine.FindStringSubmatch(body)
	if m == nil {
		tb.Logf("/readyz says %q, without the page cache's figures", body)
		return cacheFigures{}, false
	}
	n := func(i int) int64 {
		v, _ := strconv.ParseInt(m[i], 10, 64)
		return v
	}
	return cacheFigures{pages: n(1), bytes: n(2), budget: n(3), hits: n(4), misses: n(5), evicted: n(6),
		listening: m[7] == "listening for changes"}, true
}

// eventually polls cond until it holds, failing the test after five seconds.
func eventually(tb testing.TB, what string, cond func() bool) {
	tb.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			tb.Fatalf("not within 5 s: %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// startCachedSite is a site with a page cache of budget bytes that already listens for changes.
func startCachedSite(tb testing.TB, db *pgxpool.Pool, budget int64, opts ...func(*web.Deps)) *adminSite {
	tb.Helper()
	s := startSite(tb, db, append([]func(*web.Deps){withPageCache(budget)}, opts...)...)
	eventually(tb, "the page cache listens for changes", func() bool { return s.figures(tb).listening })
	return s
}

// rawAnswer is an answer as sent, with no decoding by the client.
type rawAnswer struct {
	status int
	header http.Header
	body   []byte
}

// rawGet asks the site for path over HTTP with the header pairs given, taking the body as sent:
// Go's client neither adds Accept-Encoding nor decodes when one is set, so one always is.
func rawGet(tb testing.TB, s *adminSite, path string, header ...string) rawAnswer {
	tb.Helper()
	return rawDo(tb, s, http.MethodGet, path, header...)
}

func rawDo(tb testing.TB, s *adminSite, method, path string, header ...string) rawAnswer {
	tb.Helper()
	req, err := http.NewRequestWithContext(context.Background(), method, s.srv.URL+path, nil)
	if err != nil {
		tb.Fatal(err)
	}
	req.Header.Set("Accept-Encoding", "identity")
	setHeaders(req, header)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		tb.Fatalf("%s %s: %v", method, path, err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		tb.Fatal(err)
	}
	return rawAnswer{status: res.StatusCode, header: res.Header, body: body}
}

// A save through the admin is on the next page at once on the same instance, and within a few
// seconds on another instance over the same database; a draft and its preview never reach the
// cache.
func TestPageCacheShowsASaveHereAtOnceAndElsewhereSoon(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	addEditor(t, db)
	here := startCachedSite(t, db, 8<<20)
	there := startCachedSite(t, db, 8<<20)
	b := here.newBrowser(t, "en")
	b.mustSignIn(editorEmail, editorPassword)
	city := cityBySlug(t, db, content.Twin, "duisburg")
	path, publicPath := twinPath(city.ID), "/en/twin-cities/duisburg"
	const draftWords, words = "Words of a draft that stays private", "Words published for everyone"

	before := here.figures(t)
	first := rawGet(t, here, publicPath)
	again := rawGet(t, here, publicPath)
	after := here.figures(t)
	if first.status != http.StatusOK || !bytes.Equal(first.body, again.body) {
		t.Fatalf("GET %s twice: %d, bodies equal %v", publicPath, first.status, bytes.Equal(first.body, again.body))
	}
	if after.hits != before.hits+1 || after.misses != before.misses+1 || after.pages != before.pages+1 {
		t.Errorf("two views of a page: %+v then %+v; want one miss, one stored page, one hit", before, after)
	}
	rawGet(t, there, publicPath)
	if got := there.figures(t); got.pages != 1 {
		t.Fatalf("the other instance holds %d pages after a view, want 1", got.pages)
	}

	// A draft: the public page stays as it was, and the preview is never cached.
	edit := b.mustGet(path)
	expectRedirect(t, b.submit(edit, formAt(path), url.Values{"do": {"draft"}, "summary_en": {draftWords}}), path)
	if p := rawGet(t, here, publicPath); strings.Contains(string(p.body), draftWords) {
		t.Fatal("the public page shows the draft")
	}
	stored := here.figures(t).pages
	for range 2 {
		if p := b.mustGet(path + "/preview?lang=en"); !strings.Contains(p.text(), draftWords) {
			t.Fatal("the preview does not show the draft")
		}
	}
	if got := here.figures(t).pages; got != stored {
		t.Errorf("two previews changed the cached pages from %d to %d", stored, got)
	}
	if p := rawGet(t, there, publicPath); strings.Contains(string(p.body), draftWords) {
		t.Fatal("the other instance shows the draft")
	}

	// Published: here on the very next request, there soon.
	edit = b.mustGet(path)
	expectRedirect(t, b.submit(edit, formAt(path), url.Values{"do": {"publish"}, "summary_en": {words}}), path)
	if p := rawGet(t, here, publicPath); !strings.Contains(string(p.body), words) {
		t.Error("the page on the instance that saved does not show the save")
	}
	eventually(t, "the other instance shows the save", func() bool {
		return strings.Contains(string(rawGet(t, there, publicPath).body), words)
	})
	// And it is cached again there: the next view is a hit with the same bytes.
	one := rawGet(t, there, publicPath)
	hits := there.figures(t).hits
	if two := rawGet(t, there, publicPath); !bytes.Equal(one.body, two.body) || there.figures(t).hits != hits+1 {
		t.Error("after the change the page is not served from the cache again")
	}
}

// A change made in the database by anything (here, SQL), not through this instance, reaches the
// cached pages through the notification.
func TestPageCacheDropsOnAnyChangeInTheDatabase(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	site := startCachedSite(t, db, 8<<20)
	const words = "A summary changed behind the site’s back"
	rawGet(t, site, "/en/twin-cities/duisburg")
	exec(t, db, `UPDATE cities SET summary_en = $1 WHERE slug = 'duisburg'`, words)
	eventually(t, "the page shows the change", func() bool {
		return strings.Contains(string(rawGet(t, site, "/en/twin-cities/duisburg").body), words)
	})
}

// ETags, 304s, HEAD and the encodings, cached and not.
func TestPageCacheConditionalRequestsAndEncodings(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	for name, budget := range map[string]int64{"cached": 8 << 20, "not cached": 0} {
		t.Run(name, func(t *testing.T) {
			var site *adminSite
			if budget > 0 {
				site = startCachedSite(t, db, budget)
			} else {
				site = startSite(t, db)
			}
			const path = "/en/awards"
			plain := rawGet(t, site, path)
			etag := plain.header.Get("ETag")
			if plain.status != http.StatusOK || !regexp.MustCompile(`^"[0-9a-f]{32}"$`).MatchString(etag) {
				t.Fatalf("GET %s: %d, ETag %q; want 200 and a strong ETag", path, plain.status, etag)
			}
			if cc := plain.header.Get("Cache-Control"); cc != "no-cache" {
				t.Errorf("Cache-Control %q, want no-cache", cc)
			}
			if v := plain.header.Get("Vary"); !strings.Contains(v, "Accept-Encoding") || !strings.Contains(v, "Cookie") {
				t.Errorf("Vary %q, want Accept-Encoding and Cookie", v)
			}
			if plain.header.Get("Content-Encoding") != "" || plain.header.Get("Content-Length") != strconv.Itoa(len(plain.body)) {
				t.Errorf("identity: Content-Encoding %q, Content-Length %q for %d bytes", plain.header.Get("Content-Encoding"),
					plain.header.Get("Content-Length"), len(plain.body))
			}

			for _, inm := range []string{etag, "W/" + etag, `"other", ` + etag, "*"} {
				res := rawGet(t, site, path, "If-None-Match", inm)
				if res.status != http.StatusNotModified || len(res.body) != 0 || res.header.Get("ETag") != etag ||
					res.header.Get("Cache-Control") != "no-cache" || !strings.Contains(res.header.Get("Vary"), "Accept-Encoding") {
					t.Errorf("If-None-Match %s: %d, %d bytes, ETag %q, Cache-Control %q, Vary %q; want 304 with the headers",
						inm, res.status, len(res.body), res.header.Get("ETag"), res.header.Get("Cache-Control"), res.header.Get("Vary"))
				}
			}
			if res := rawGet(t, site, path, "If-None-Match", `"0123456789abcdef0123456789abcdef"`); res.status != http.StatusOK ||
				!bytes.Equal(res.body, plain.body) {
				t.Errorf("a stale ETag: %d, want 200 with the page", res.status)
			}

			decoders := map[string]func(io.Reader) (io.Reader, error){
				"gzip": func(r io.Reader) (io.Reader, error) { return gzip.NewReader(r) },
				"br":   func(r io.Reader) (io.Reader, error) { return brotli.NewReader(r), nil },
			}
			for accept, want := range map[string]string{"gzip": "gzip", "br": "br", "gzip, deflate, br, zstd": "br",
				"br;q=0, gzip": "gzip", "gzip;q=0": "", "*": "br", "*, br;q=0": "gzip", "deflate": ""} {
				res := rawGet(t, site, path, "Accept-Encoding", accept)
				if want == "br" && budget == 0 {
					// Brotli is for stored pages: rendered each time, a page is gzipped when it can be.
					want = map[bool]string{true: "gzip", false: ""}[strings.Contains(accept, "gzip") || accept == "*"]
				}
				if got := res.header.Get("Content-Encoding"); got != want {
					t.Errorf("Accept-Encoding %q: Content-Encoding %q, want %q", accept, got, want)
					continue
				}
				tag := res.header.Get("ETag")
				body := res.body
				if want != "" {
					if tag != strings.TrimSuffix(etag, `"`)+map[string]string{"gzip": "-gz", "br": "-br"}[want]+`"` {
						t.Errorf("%s: ETag %q beside %q", want, tag, etag)
					}
					r, err := decoders[want](bytes.NewReader(body))
					if err == nil {
						body, err = io.ReadAll(r)
					}
					if err != nil {
						t.Errorf("%s: %v", want, err)
						continue
					}
				} else if tag != etag {
					t.Errorf("Accept-Encoding %q, identity: ETag %q, want %q", accept, tag, etag)
				}
				if !bytes.Equal(body, plain.body) {
					t.Errorf("Accept-Encoding %q: the body decodes to other bytes than the page's", accept)
				}
				if res := rawGet(t, site, path, "Accept-Encoding", accept, "If-None-Match", tag); res.status != http.StatusNotModified {
					t.Errorf("Accept-Encoding %q, If-None-Match its own ETag: %d, want 304", accept, res.status)
				}
			}

			var before cacheFigures
			if budget > 0 {
				before = site.figures(t)
			}
			head := rawDo(t, site, http.MethodHead, path)
			if head.status != http.StatusOK || len(head.body) != 0 || head.header.Get("Content-Length") != strconv.Itoa(len(plain.body)) ||
				head.header.Get("ETag") != etag {
				t.Errorf("HEAD: %d, %d bytes, Content-Length %q, ETag %q", head.status, len(head.body), head.header.Get("Content-Length"),
					head.header.Get("ETag"))
			}
			if budget > 0 {
				if after := site.figures(t); after.hits != before.hits+1 {
					t.Errorf("HEAD was not answered from the cache: hits %d then %d", before.hits, after.hits)
				}
			}
		})
	}
}

// The settings of the version for the visually impaired make a page of their own, private; query
// parameters a page does not read add no entry; a 404 is cached apart.
func TestPageCacheKeys(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	site := startCachedSite(t, db, 8<<20)
	const path = "/en/awards"
	plain := rawGet(t, site, path)
	shaped := rawGet(t, site, path, "Cookie", "a11y=largest.white-on-black.off")
	if bytes.Equal(plain.body, shaped.body) || shaped.header.Get("ETag") == plain.header.Get("ETag") {
		t.Error("the page with the settings is the page without them")
	}
	if cc := shaped.header.Get("Cache-Control"); cc != "private" {
		t.Errorf("with the settings: Cache-Control %q, want private", cc)
	}
	if p := rawGet(t, site, path); !bytes.Equal(p.body, plain.body) || p.header.Get("Cache-Control") != "no-cache" {
		t.Error("after a view with the settings, the page without them changed")
	}
	if p := rawGet(t, site, path, "Cookie", "a11y=largest.white-on-black.off"); !bytes.Equal(p.body, shaped.body) {
		t.Error("the page with the settings changed on the second view")
	}
	f := site.figures(t)
	if f.pages != 2 {
		t.Errorf("%d pages cached, want 2 (with the settings and without)", f.pages)
	}

	for _, q := range []string{"?utm_source=vk&utm_medium=social", "?fbclid=abc", "?page=2", "?x=" + strings.Repeat("y", 500)} {
		if p := rawGet(t, site, path+q); p.status != http.StatusOK || !bytes.Equal(p.body, plain.body) {
			t.Errorf("GET %s%s: %d, or not the page without the query", path, q, p.status)
		}
	}
	if got := site.figures(t); got.pages != f.pages || got.hits != f.hits+4 {
		t.Errorf("queries the page does not read: %+v then %+v; want no new page and four hits", f, got)
	}
	// The news list reads ?page: a bad one is refused and not kept; ?page=1 is the list itself.
	news := rawGet(t, site, "/en/news")
	for _, q := range []string{"?page=abc", "?page=0", "?page=1&page=2"} {
		if p := rawGet(t, site, "/en/news"+q); p.status != http.StatusBadRequest {
			t.Errorf("/en/news%s: %d, want 400", q, p.status)
		}
	}
	if p := rawGet(t, site, "/en/news?page=1"); !bytes.Equal(p.body, news.body) {
		t.Error("/en/news?page=1 is not the first page")
	}
	if got := site.figures(t); got.pages != f.pages+1 {
		t.Errorf("%d pages after the news list and bad pages of it, want %d", got.pages, f.pages+1)
	}
	// The accessibility page with ?back= is made for the request alone.
	p := rawGet(t, site, "/en/accessibility?back=/en/awards")
	if p.status != http.StatusOK || p.header.Get("ETag") == "" {
		t.Errorf("/en/accessibility?back=: %d, ETag %q", p.status, p.header.Get("ETag"))
	}
	if got := site.figures(t); got.pages != f.pages+1 {
		t.Errorf("the accessibility page with ?back= was stored")
	}
	// Search, the write form and review links are never cached.
	for _, path := range []string{"/en/search?q=Duisburg", "/en/contacts/write", "/en/review/" + strings.Repeat("a", 43)} {
		rawGet(t, site, path)
		rawGet(t, site, path)
	}
	if got := site.figures(t); got.pages != f.pages+1 {
		t.Errorf("search, the write form or a review link was stored: %d pages", got.pages)
	}
	// A stranger's failed sign-ins (state-changing requests to the admin) do not empty the cache.
	addEditor(t, db)
	b := site.newBrowser(t, "en")
	for range 3 {
		if p := b.signIn(editorEmail, "not the password"); p.status == http.StatusSeeOther {
			t.Fatal("signed in with a wrong password")
		}
	}
	if got := site.figures(t); got.pages != f.pages+1 {
		t.Errorf("failed sign-ins dropped the cached pages: %d pages, want %d", got.pages, f.pages+1)
	}
}

// The cache keeps to its byte budget whatever the visitors ask, and random addresses (404s) do
// not push the real pages out.
func TestPageCacheKeepsToItsBudget(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	const budget = 2 << 20
	site := startCachedSite(t, db, budget)
	rawGet(t, site, "/en/")
	for i := range 100 {
		if p := rawGet(t, site, fmt.Sprintf("/en/no-such-page-%d", i)); p.status != http.StatusNotFound {
			t.Fatalf("a random address: %d", p.status)
		}
	}
	hits := site.figures(t).hits
	rawGet(t, site, "/en/")
	if got := site.figures(t); got.hits != hits+1 {
		t.Error("a hundred 404s pushed the home page out of the cache")
	}
	var fonts = []string{"normal", "large", "largest"}
	var schemes = []string{"default", "black-on-white", "white-on-black", "blue"}
	for _, path := range []string{"/en/", "/ru/", "/en/twin-cities", "/ru/twin-cities", "/en/awards", "/ru/awards", "/en/memberships"} {
		for _, font := range fonts {
			for _, scheme := range schemes {
				for _, images := range []string{"on", "off"} {
					rawGet(t, site, path, "Cookie", "a11y="+font+"."+scheme+"."+images)
				}
			}
		}
	}
	f := site.figures(t)
	if f.budget != budget || f.bytes > budget || f.evicted == 0 {
		t.Errorf("after 168 distinct pages: %d of %d bytes, %d evicted; want within the budget, by evicting", f.bytes, f.budget, f.evicted)
	}
}

// The listener's connection lost (the database restarted, or the connection cut): the cache
// stores nothing meanwhile, listens again, and changes made after are seen through it.
func TestPageCacheRecoversAfterLosingTheDatabase(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	site := startCachedSite(t, db, 8<<20)
	rawGet(t, site, "/en/twin-cities/duisburg")
	// Every connection to this database but ours cut, as a restart of the server does.
	exec(t, db, `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
		WHERE datname = current_database() AND pid <> pg_backend_pid()`)
	eventually(t, "the cache notices", func() bool {
		return strings.Contains(site.log.String(), "not listening for changes")
	})
	eventually(t, "the cache listens again", func() bool { return site.figures(t).listening })
	rawGet(t, site, "/en/twin-cities/duisburg")
	if f := site.figures(t); f.pages != 1 {
		t.Errorf("%d pages after listening again and one view, want 1", f.pages)
	}
	const words = "Changed after the connection came back"
	exec(t, db, `UPDATE cities SET summary_en = $1 WHERE slug = 'duisburg'`, words)
	eventually(t, "the page shows the change", func() bool {
		return strings.Contains(string(rawGet(t, site, "/en/twin-cities/duisburg").body), words)
	})
}

// PUBLIC_MAX_AGE lets browsers and shared caches keep public pages for a while.
func TestPublicMaxAge(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	site := startSite(t, db, func(d *web.Deps) { d.PublicMaxAge = time.Minute })
	if cc := rawGet(t, site, "/en/awards").header.Get("Cache-Control"); cc != "public, max-age=60, s-maxage=60" {
		t.Errorf("Cache-Control %q, want public, max-age=60, s-maxage=60", cc)
	}
	if cc := rawGet(t, site, "/en/awards", "Cookie", "a11y=large.blue.on").header.Get("Cache-Control"); cc != "private, max-age=60" {
		t.Errorf("with the settings: Cache-Control %q, want private, max-age=60", cc)
	}
}

// BenchmarkPageCache compares a page answered from the cache with one rendered each time.
func BenchmarkPageCache(b *testing.B) {
	db := pgtest.SeededDB(b)
	for name, budget := range map[string]int64{"cached": 64 << 20, "uncached": 0} {
		var h http.Handler
		if budget > 0 {
			h = startCachedSite(b, db, budget).srv.Config.Handler
		} else {
			h = startSite(b, db).srv.Config.Handler
		}
		for _, path := range []string{"/en/", "/en/twin-cities/duisburg", "/ru/awards"} {
			b.Run(name+path, func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					rec := httptest.NewRecorder()
					req := httptest.NewRequest(http.MethodGet, path, nil)
					req.Header.Set("Accept-Encoding", "gzip, deflate, br")
					h.ServeHTTP(rec, req)
					if rec.Code != http.StatusOK {
						b.Fatalf("GET %s: %d", path, rec.Code)
					}
				}
			})
		}
	}
}
