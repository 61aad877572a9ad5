package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"twincities/internal/content"
	"twincities/internal/postgres/pgtest"
)

// A problem in a source is marked at the row holding it, even below a row left empty: the empty
// row is dropped before validation, and the form must not mark the row that took its number.
// (Found by FuzzEntryParse.)
func TestSourceProblemShownAtItsRow(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	addEditor(t, db)
	b := startSite(t, db).newBrowser(t, "en")
	b.mustSignIn(editorEmail, editorPassword)

	form := b.mustGet("/admin/twin-cities/new")
	res := b.submit(form, formAt("/admin/twin-cities/new"), url.Values{
		"slug": {"nantes"}, "name_ru": {"Нант"}, "country": {"FR"},
		"sources.0.title": {""}, "sources.0.url": {""},
		"sources.1.title": {"Le Monde"}, "sources.1.url": {"ftp://lemonde.fr"},
	})
	expectStatus(t, res, http.StatusUnprocessableEntity)
	bad := res.doc.Find(`input[value="ftp://lemonde.fr"]`)
	if bad.Length() != 1 {
		t.Fatalf("the address typed is shown in %d fields, want 1", bad.Length())
	}
	expectFieldError(t, res, bad.AttrOr("name", ""), adminEN.Problems[content.ProblemURL])
	if n := res.doc.Find(`[aria-invalid="true"]`).Length(); n != 1 {
		t.Errorf("%d fields marked invalid, want 1 (the address)", n)
	}
	row := strings.TrimSuffix(bad.AttrOr("name", ""), "url") // "sources.0."
	if title := res.doc.Find(`[name="`+row+`title"]`).AttrOr("value", ""); title != "Le Monde" {
		t.Errorf("the row with the address has the title %q, want Le Monde", title)
	}
}
