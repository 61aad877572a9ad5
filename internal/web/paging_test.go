package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"twincities/internal/content"
	"twincities/internal/i18n"
	"twincities/internal/postgres/pgtest"
	"twincities/internal/seed"
)

// Every long list is paged by fifty and says how many entries there are (issue 12, growth): the
// public lists of twin and partner cities, memberships and awards, and the admin's lists, on
// generated data; the links to the pages beside keep an admin list's filters; bad page numbers
// are refused in the page's language (400), pages past the end are not found (404); a list that
// fits one page looks as it did, with no pager.
func TestListsArePaged(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), pgtest.SeededDB(t)

	// The seeded lists fit one page: no pager.
	small := startSite(t, db).newBrowser(t, "")
	for _, path := range []string{"/en/twin-cities", "/ru/partner-cities", "/en/memberships", "/ru/awards"} {
		if p := small.mustGet(path); p.doc.Find("nav.list-paging").Length() != 0 {
			t.Errorf("%s: a pager on a list that fits one page", path)
		}
	}

	if _, err := seed.Generate(ctx, db, 120); err != nil {
		t.Fatal(err)
	}
	addAdmin(t, db)
	site := startSite(t, db)
	anon := site.newBrowser(t, "")
	public := map[string]string{
		"/twin-cities":    `SELECT count(*) FROM cities WHERE kind = 'twin' AND published AND deleted_at IS NULL`,
		"/partner-cities": `SELECT count(*) FROM cities WHERE kind = 'partner' AND published AND deleted_at IS NULL`,
		"/memberships":    `SELECT count(*) FROM organizations WHERE published AND deleted_at IS NULL`,
		"/awards":         `SELECT count(*) FROM awards WHERE published AND deleted_at IS NULL`,
	}
	for section, count := range public {
		total := int(queryInt(t, db, count))
		if total <= 50 || total > 150 {
			t.Fatalf("%s: %d entries, want two or three pages", section, total)
		}
		for _, l := range content.Langs {
			m := i18n.For(l)
			base := "/" + string(l) + section
			first := anon.mustGet(base)
			if got, want := squash(first.doc.Find("nav.list-paging p.list-shown").Text()), squash(i18n.Shown(l, m.ListShown, 1, 50, total)); got != want {
				t.Errorf("%s: the count says %q, want %q", base, got, want)
			}
			if first.doc.Find(`nav.list-paging a[rel="prev"]`).Length() != 0 {
				t.Errorf("%s: the first page links to a previous one", base)
			}
			next := first.doc.Find(`nav.list-paging a[rel="next"]`).AttrOr("href", "")
			if next != base+"?page=2" {
				t.Fatalf("%s: the next page is %q", base, next)
			}
			second := anon.mustGet(next)
			if got, want := squash(second.doc.Find("nav.list-paging p.list-shown").Text()), squash(i18n.Shown(l, m.ListShown, 51, min(100, total), total)); got != want {
				t.Errorf("%s: page 2's count says %q, want %q", base, got, want)
			}
			if prev := second.doc.Find(`nav.list-paging a[rel="prev"]`).AttrOr("href", ""); prev != base {
				t.Errorf("%s: page 2's previous page is %q", base, prev)
			}
			other := "/" + string(l.Other()) + section + "?page=2"
			if alt := second.doc.Find(`link[rel="alternate"][hreflang="`+string(l.Other())+`"]`).AttrOr("href", ""); !strings.HasSuffix(alt, other) {
				t.Errorf("%s: page 2 in the other language is %q, want …%s", base, alt, other)
			}
			// Page 2 names itself: in its title, its canonical and own-language links, its link
			// preview and the settings' way back; page 1 stays the list's plain address.
			pageWord := fmt.Sprintf(m.ListPageN, 2)
			if title := second.doc.Find("title").Text(); !strings.Contains(title, " — "+pageWord+" — ") {
				t.Errorf("%s: page 2's title %q does not say %q", base, title, pageWord)
			}
			if title := first.doc.Find("title").Text(); strings.Contains(title, fmt.Sprintf(m.ListPageN, 1)) {
				t.Errorf("%s: page 1's title %q names a page", base, title)
			}
			for what, sel := range map[string]string{
				"canonical link": `link[rel="canonical"]`, "own-language link": `link[rel="alternate"][hreflang="` + string(l) + `"]`,
				"link preview": `meta[property="og:url"]`,
			} {
				attr := "href"
				if strings.HasPrefix(sel, "meta") {
					attr = "content"
				}
				if got := second.doc.Find(sel).AttrOr(attr, ""); got != testBaseURL+base+"?page=2" {
					t.Errorf("%s: page 2's %s is %q, want %s", base, what, got, testBaseURL+base+"?page=2")
				}
				if got := first.doc.Find(sel).AttrOr(attr, ""); got != testBaseURL+base {
					t.Errorf("%s: page 1's %s is %q, want %s", base, what, got, testBaseURL+base)
				}
			}
			settings := "/" + string(l) + "/accessibility?back=" + url.QueryEscape(base+"?page=2")
			if second.doc.Find(`a[href="`+settings+`"]`).Length() == 0 {
				t.Errorf("%s: page 2 has no link to the settings that comes back to it (%s)", base, settings)
			}
			if first.doc.Find("main").Text() == second.doc.Find("main").Text() {
				t.Errorf("%s: page 2 shows what page 1 does", base)
			}
			for _, q := range []string{"abc", "0", "-1", "", "1.5", "99999999999999999999"} {
				p := anon.get(base + "?page=" + url.QueryEscape(q))
				if p.status != http.StatusBadRequest || !strings.Contains(p.text(), squash(m.NewsBadPage)) {
					t.Errorf("%s?page=%q: %d, %q", base, q, p.status, excerpt(p))
				}
			}
			if p := anon.get(base + "?page=1&page=2"); p.status != http.StatusBadRequest {
				t.Errorf("%s with two page numbers: %d, want 400", base, p.status)
			}
			for _, q := range []string{"4", "99999"} {
				if p := anon.get(base + "?page=" + q); p.status != http.StatusNotFound {
					t.Errorf("%s?page=%s: %d, want 404", base, q, p.status)
				}
			}
		}
	}
	// A city on the second page of twin cities is a card there, not on the first.
	second := anon.mustGet("/en/twin-cities?page=2")
	if second.doc.Find("ul.cards > li").Length() != int(queryInt(t, db, public["/twin-cities"]))-50 {
		t.Errorf("page 2 of the twin cities holds %d cards", second.doc.Find("ul.cards > li").Length())
	}

	// The admin: the list of events, published ones only, pages keeping the filter.
	staff := site.newBrowser(t, "en")
	staff.mustSignIn(adminEmail, adminPassword)
	total := int(queryInt(t, db, `SELECT count(*) FROM events WHERE published AND deleted_at IS NULL`))
	list := staff.mustGet("/admin/events?state=published")
	if got, want := squash(list.doc.Find("nav.list-paging p.list-shown").Text()), fmt.Sprintf("Showing 1–50 of %s", groupThousands(total)); got != want {
		t.Errorf("the admin's events: the count says %q, want %q", got, want)
	}
	if rows := list.doc.Find("table tbody tr").Length(); rows != 50 {
		t.Errorf("the admin's first page of events has %d rows", rows)
	}
	next := list.doc.Find(`nav.list-paging a[rel="next"]`).AttrOr("href", "")
	if next != "/admin/events?page=2&state=published" {
		t.Fatalf("the admin's next page of events is %q", next)
	}
	last := (total + 49) / 50
	end := staff.mustGet(fmt.Sprintf("/admin/events?page=%d&state=published", last))
	if rows := end.doc.Find("table tbody tr").Length(); rows != total-(last-1)*50 {
		t.Errorf("the admin's last page of events has %d rows, want %d", rows, total-(last-1)*50)
	}
	if end.doc.Find(`nav.list-paging a[rel="next"]`).Length() != 0 {
		t.Error("the last page links to a next one")
	}
	for path, want := range map[string]int{
		"/admin/events?page=abc": http.StatusBadRequest, "/admin/events?page=0": http.StatusBadRequest,
		fmt.Sprintf("/admin/events?page=%d", last+1): http.StatusNotFound,
		"/admin/trash?page=-3":                       http.StatusBadRequest, "/admin/trash?page=2": http.StatusNotFound,
		"/admin/messages?page=x": http.StatusBadRequest, "/admin/messages?page=2": http.StatusNotFound,
		"/admin/twin-cities?page=2": http.StatusOK, "/admin/organizations?page=3": http.StatusOK,
	} {
		if p := staff.get(path); p.status != want {
			t.Errorf("%s: %d, want %d", path, p.status, want)
		}
	}
}

// groupThousands writes n as the English pages do: "1,200".
func groupThousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
