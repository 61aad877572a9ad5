package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"twincities/internal/content"
	"twincities/internal/postgres/pgtest"
)

// listedLabels are the entries an admin list shows.
func listedLabels(p page) []string { return texts(p.doc, "main tbody td a") }

func TestListFilterAndSearch(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	addEditor(t, db)
	b := startSite(t, db).newBrowser(t, "en")
	b.mustSignIn(editorEmail, editorPassword)

	qingdao := cityBySlug(t, db, content.Twin, "qingdao")
	path := twinPath(qingdao.ID)
	expectRedirect(t, b.submit(b.mustGet(path), formAt(path+"/unpublish"), nil), path)

	list := b.mustGet("/admin/twin-cities")
	if got := listedLabels(list); len(got) != 6 {
		t.Errorf("the twin cities list shows %q, want the 6 twin cities", got)
	}
	for _, tc := range []struct {
		edits url.Values
		want  []string
	}{
		{url.Values{"q": {"дуйс"}}, []string{"Duisburg"}},
		{url.Values{"q": {"DUIS"}}, []string{"Duisburg"}},
		{url.Values{"q": {"%"}}, nil},
		{url.Values{"state": {"draft"}}, []string{"Qingdao"}},
		{url.Values{"state": {"published"}, "q": {"qing"}}, nil},
	} {
		res := b.submit(list, formAt("/admin/twin-cities"), tc.edits)
		expectStatus(t, res, http.StatusOK)
		got := listedLabels(res)
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("list with %v shows %q, want %q", tc.edits, got, tc.want)
		}
		if v := res.doc.Find("#f-q").AttrOr("value", ""); v != tc.edits.Get("q") {
			t.Errorf("the search box holds %q, want %q", v, tc.edits.Get("q"))
		}
	}
	// Partner cities are a list of their own.
	if got := listedLabels(b.mustGet("/admin/partner-cities?q=duis")); len(got) != 0 {
		t.Errorf("the partner cities list shows %q for duis", got)
	}
}

// Whatever is typed or pasted into the search box, the list answers: a long text in Russian is
// shortened without breaking a letter in two, and bytes that are not UTF-8 find nothing. Neither
// may reach the database, which refuses text that is not UTF-8, as a 500.
func TestListSearchOddInput(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	addEditor(t, db)
	b := startSite(t, db).newBrowser(t, "en")
	b.mustSignIn(editorEmail, editorPassword)

	for name, q := range map[string]string{
		"270 Russian characters": url.QueryEscape(strings.Repeat("Дуйсбург ", 30)),
		"not UTF-8":              "%FF%FE",
	} {
		res := b.get("/admin/twin-cities?q=" + q)
		if res.status != http.StatusOK && res.status != http.StatusBadRequest {
			t.Errorf("search for %s: status %d, want 200 (or 400)", name, res.status)
			continue
		}
		if got := listedLabels(res); len(got) != 0 {
			t.Errorf("search for %s finds %q", name, got)
		}
	}
}

// Every section of the admin opens, and so do the pages of its first entry: a crawl through the
// navigation as a new member of staff would click.
func TestEveryAdminSectionOpens(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	addAdmin(t, db)
	b := startSite(t, db).newBrowser(t, "en")
	b.mustSignIn(adminEmail, adminPassword)

	sections := attrs(b.mustGet("/admin/").doc, "nav.site-nav a", "href")
	if len(sections) < 10 {
		t.Fatalf("the admin navigation has %d sections: %q", len(sections), sections)
	}
	for _, s := range sections {
		list := b.mustGet(s)
		for _, href := range attrs(list.doc, `main a.button[href$="/new"]`, "href") {
			b.mustGet(href)
		}
		entries := attrs(list.doc, "main tbody td a", "href")
		if len(entries) == 0 {
			continue
		}
		edit := b.get(entries[0])
		if edit.status == http.StatusSeeOther { // the change log links through /admin/go/
			edit = b.follow(edit)
		}
		expectStatus(t, edit, http.StatusOK)
		for _, href := range attrs(edit.doc, "main .entry-actions a", "href") {
			if strings.HasPrefix(href, "/admin/") {
				b.mustGet(href)
			}
		}
	}
}
