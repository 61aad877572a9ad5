package web_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"twincities/internal/content"
	"twincities/internal/postgres/pgtest"
	"twincities/internal/store"
)

// publicPaths lists every public page below /{lang}, read from the seeded data so that a page for
// each city and membership is included.
func publicPaths(tb testing.TB, db store.DBTX) []string {
	tb.Helper()
	ctx := context.Background()
	paths := []string{"/", "/twin-cities", "/partner-cities", "/memberships", "/awards", "/about", "/contacts"}
	cities, err := store.ListCities(ctx, db, store.CityQuery{Filter: store.Public})
	if err != nil {
		tb.Fatal(err)
	}
	for _, c := range cities {
		paths = append(paths, "/"+string(c.Kind)+"-cities/"+c.Slug)
	}
	orgs, err := store.ListOrganizations(ctx, db, store.Public)
	if err != nil {
		tb.Fatal(err)
	}
	for _, o := range orgs {
		paths = append(paths, "/memberships/"+o.Slug)
	}
	return paths
}

func TestEveryPublicPageAnswersInBothLanguages(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	h := site(t, db)
	titles := map[string]string{}
	for _, rest := range publicPaths(t, db) {
		for _, l := range content.Langs {
			path := "/" + string(l) + rest
			other := "/" + string(l.Other()) + rest
			r := mustGet(t, h, path)
			doc := r.doc

			if got := doc.Find("html").AttrOr("lang", ""); got != string(l) {
				t.Errorf("%s: <html lang=%q>, want %q", path, got, l)
			}
			if ct := r.Header.Get("Content-Type"); ct != "text/html; charset=utf-8" {
				t.Errorf("%s: Content-Type %q", path, ct)
			}
			title := strings.TrimSpace(doc.Find("head title").Text())
			if title == "" {
				t.Errorf("%s: empty <title>", path)
			} else if prev, dup := titles[title]; dup {
				t.Errorf("%s: same <title> %q as %s", path, title, prev)
			}
			titles[title] = path
			if d := doc.Find(`meta[name="description"]`).AttrOr("content", ""); d == "" {
				t.Errorf("%s: no meta description", path)
			}
			if n := doc.Find("h1").Length(); n != 1 {
				t.Errorf("%s: %d h1 elements, want 1", path, n)
			}

			// hreflang alternates: both languages, absolute, pointing at this very page.
			for _, alt := range content.Langs {
				href := doc.Find(`link[rel="alternate"][hreflang="`+string(alt)+`"]`).AttrOr("href", "")
				if want := testBaseURL + "/" + string(alt) + rest; href != want {
					t.Errorf("%s: hreflang=%s href %q, want %q", path, alt, href, want)
				}
			}
			if href := doc.Find(`link[rel="alternate"][hreflang="x-default"]`).AttrOr("href", ""); href != testBaseURL+"/" {
				t.Errorf("%s: x-default href %q", path, href)
			}
			if href := doc.Find(`link[rel="canonical"]`).AttrOr("href", ""); href != testBaseURL+path {
				t.Errorf("%s: canonical %q", path, href)
			}

			// The language switch keeps the visitor on the same page.
			sw := doc.Find(`.tools a[hreflang="` + string(l.Other()) + `"]`)
			if sw.Length() != 1 || sw.AttrOr("href", "") != other || sw.AttrOr("lang", "") != string(l.Other()) {
				t.Errorf("%s: language switch %q, want a link to %s", path, sw.AttrOr("href", ""), other)
			}

			// Breadcrumbs below the home page, ending with the page itself.
			crumbs := doc.Find(".breadcrumbs li")
			if rest == "/" {
				if crumbs.Length() != 0 {
					t.Errorf("%s: the home page has breadcrumbs", path)
				}
			} else {
				if crumbs.Length() < 2 {
					t.Errorf("%s: %d breadcrumbs, want home and the page", path, crumbs.Length())
				} else if crumbs.Last().AttrOr("aria-current", "") != "page" {
					t.Errorf("%s: last breadcrumb is not the current page", path)
				}
			}
		}
	}
}

func TestPagesNeverShowEditorNotes(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), pgtest.SeededDB(t)
	h := site(t, db)
	if _, err := db.Exec(ctx, `UPDATE cities SET editor_note = 'SECRET-NOTE-' || slug`); err != nil {
		t.Fatal(err)
	}
	for _, rest := range publicPaths(t, db) {
		for _, l := range content.Langs {
			r := mustGet(t, h, "/"+string(l)+rest)
			if strings.Contains(r.body, "SECRET-NOTE") || strings.Contains(r.body, "UNCERTAIN") {
				t.Errorf("%s%s shows an editor's note", l, rest)
			}
		}
	}
}

func TestMarkdownIsRenderedSafely(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), pgtest.SeededDB(t)
	body := "A **joint** [project](https://example.org/p).\n\n<script>alert(1)</script>\n\n[x](javascript:alert(2))"
	if _, err := db.Exec(ctx, `UPDATE cities SET body_en = $1 WHERE slug = 'duisburg'`, body); err != nil {
		t.Fatal(err)
	}
	r := mustGet(t, site(t, db), "/en/twin-cities/duisburg")
	if r.doc.Find(".story strong").Text() != "joint" {
		t.Error("Markdown emphasis was not rendered")
	}
	if r.doc.Find(`.story a[href="https://example.org/p"]`).Length() != 1 {
		t.Error("Markdown link was not rendered")
	}
	// The JSON-LD data blocks are the only script elements a page has (see share_test.go).
	if r.doc.Find(`script:not([type="application/ld+json"])`).Length() != 0 || strings.Contains(r.body, "javascript:") {
		t.Error("unsafe HTML from the body reached the page")
	}
}

func TestSecurityHeaders(t *testing.T) {
	t.Parallel()
	r := mustGet(t, site(t, pgtest.SeededDB(t)), "/ru/")
	csp := r.Header.Get("Content-Security-Policy")
	for _, want := range []string{"default-src 'self'", "frame-ancestors 'none'", "form-action 'self'"} {
		if !strings.Contains(csp, want) {
			t.Errorf("Content-Security-Policy %q lacks %q", csp, want)
		}
	}
	if r.Header.Get("X-Content-Type-Options") != "nosniff" {
		t.Error("no X-Content-Type-Options: nosniff")
	}
	// Everything the page loads is ours: no third-party host anywhere in src or href of a resource.
	for _, sel := range []string{"link[href]", "img[src]", "script[src]"} {
		for _, u := range append(attrs(r.doc, sel, "href"), attrs(r.doc, sel, "src")...) {
			if strings.HasPrefix(u, "http") && !strings.HasPrefix(u, testBaseURL) {
				t.Errorf("the page loads %s from another site", u)
			}
		}
	}
	css := r.doc.Find(`link[rel="stylesheet"]`).AttrOr("href", "")
	if res := get(t, site(t, pgtest.SeededDB(t)), css); res.StatusCode != http.StatusOK {
		t.Errorf("stylesheet %s: status %d", css, res.StatusCode)
	}
}
