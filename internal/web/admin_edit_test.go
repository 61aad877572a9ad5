package web_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"twincities/internal/content"
	"twincities/internal/postgres/pgtest"
	"twincities/internal/store"
)

// expectFieldError checks that field (a form name such as "name_en") is marked with msg next to
// it, tied to its input for screen readers, and listed in the summary with a link to it.
func expectFieldError(tb testing.TB, p page, field, msg string) {
	tb.Helper()
	id := "f-" + strings.NewReplacer(".", "-", "_", "-").Replace(field)
	if got := squash(p.doc.Find("#" + id + "-error").Text()); got != msg {
		tb.Errorf("%s: message %q next to the field, want %q", field, got, msg)
	}
	input := p.doc.Find("#" + id)
	if input.Length() != 1 {
		tb.Errorf("%s: no input #%s", field, id)
		return
	}
	if input.AttrOr("name", "") != field {
		tb.Errorf("#%s is named %q, want %q", id, input.AttrOr("name", ""), field)
	}
	if v := input.AttrOr("aria-invalid", ""); v != "true" {
		tb.Errorf("%s: aria-invalid %q, want true", field, v)
	}
	if d := strings.Fields(input.AttrOr("aria-describedby", "")); !containsText(d, id+"-error") {
		tb.Errorf("%s: aria-describedby %q does not include %s-error", field, input.AttrOr("aria-describedby", ""), id)
	}
	link := p.doc.Find(`.error-summary a[href="#` + id + `"]`)
	if link.Length() != 1 {
		tb.Errorf("%s: the summary has %d links to #%s, want 1", field, link.Length(), id)
	} else if !strings.Contains(squash(link.Text()), msg) {
		tb.Errorf("%s: the summary says %q, want it to include %q", field, squash(link.Text()), msg)
	}
}

// lf undoes the CR LF line breaks of a submitted textarea, as the HTML parser reads them back.
func lf(s string) string { return strings.ReplaceAll(s, "\r\n", "\n") }

func TestCreateValidateFixPublishTwinCity(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	addEditor(t, db)
	site := startSite(t, db)
	b := site.newBrowser(t, "en")
	b.mustSignIn(editorEmail, editorPassword)
	public := site.newBrowser(t, "en")
	cities := queryInt(t, db, `SELECT count(*) FROM cities`)

	// 1. Everything wrong at once.
	const summaryRU = "Город на Луаре.\nПобратим Перми с 2007 года."
	form := b.mustGet("/admin/twin-cities/new")
	res := b.submit(form, formAt("/admin/twin-cities/new"), url.Values{
		"slug": {"Nantes Métropole"}, "name_ru": {""}, "name_en": {""}, "country": {"FR"},
		"since.year": {"15.10.2007"}, "website": {"metropole.nantes.fr"}, "summary_ru": {summaryRU},
	})
	expectStatus(t, res, http.StatusUnprocessableEntity)
	wantErrors := map[string]string{
		"slug":    adminEN.Problems[content.ProblemSlug],
		"name_ru": adminEN.Problems[content.ProblemRequired],
		"name_en": adminEN.Problems[content.ProblemRequired],
	}
	for field, msg := range wantErrors {
		expectFieldError(t, res, field, msg)
	}
	if n := res.doc.Find(".error-summary li").Length(); n != len(wantErrors) {
		t.Errorf("the summary lists %d problems, want %d: %q", n, len(wantErrors), texts(res.doc, ".error-summary li"))
	}
	if n := res.doc.Find(`[aria-invalid="true"]`).Length(); n != len(wantErrors) {
		t.Errorf("%d fields marked invalid, want %d", n, len(wantErrors))
	}
	kept := map[string]string{"#f-slug": "Nantes Métropole", "#f-since-year": "15.10.2007", "#f-website": "metropole.nantes.fr"}
	for sel, want := range kept {
		if got := res.doc.Find(sel).AttrOr("value", ""); got != want {
			t.Errorf("%s kept as %q, want %q", sel, got, want)
		}
	}
	if got := lf(res.doc.Find("#f-summary-ru").Text()); got != summaryRU {
		t.Errorf("summary (Russian) kept as %q, want %q", got, summaryRU)
	}
	if got := optionValue(res.doc.Find("#f-country option[selected]")); got != "FR" {
		t.Errorf("country kept as %q, want FR", got)
	}
	if n := queryInt(t, db, `SELECT count(*) FROM cities`); n != cities {
		t.Fatal("an invalid form created a city")
	}

	// 2. Fixed, in the form as it came back: a draft, in Russian only for now.
	res = b.submit(res, formAt("/admin/twin-cities/new"), url.Values{
		"slug": {"nantes"}, "name_ru": {"Нант"},
	})
	created := cityBySlug(t, db, content.Twin, "nantes")
	path := twinPath(created.ID)
	expectRedirect(t, res, path)
	edit := b.follow(res)
	if got := edit.flash(); got != adminEN.FlashCreated {
		t.Errorf("flash %q, want %q", got, adminEN.FlashCreated)
	}
	if created.Published || created.Name.RU != "Нант" || created.Country != "FR" || created.Since.String() != "2007-10-15" ||
		created.Website != "https://metropole.nantes.fr" || created.Summary.RU != summaryRU {
		t.Errorf("created %+v", created)
	}

	// 3. A draft: not public, but previewed as the public will see it.
	if n := public.mustGet("/en/twin-cities").doc.Find(`a[href="/en/twin-cities/nantes"]`).Length(); n != 0 {
		t.Error("the draft is listed on /en/twin-cities")
	}
	if n := public.mustGet("/ru/twin-cities").doc.Find(`a[href="/ru/twin-cities/nantes"]`).Length(); n != 0 {
		t.Error("the draft is listed on /ru/twin-cities")
	}
	expectStatus(t, public.get("/en/twin-cities/nantes"), http.StatusNotFound)
	expectStatus(t, public.get("/ru/twin-cities/nantes"), http.StatusNotFound)
	expectStatus(t, public.get(path+"/preview?lang=ru"), http.StatusSeeOther) // the public cannot preview

	preview := b.mustGet(path + "/preview?lang=ru")
	expectPreview(t, preview, path, "Нант")
	if !strings.Contains(preview.text(), "15 октября 2007 г.") {
		t.Errorf("the preview does not show the date: %s", excerpt(preview))
	}

	// 4. Publishing needs both languages: refused, still a draft.
	res = b.publishDraft(edit, path, nil)
	expectStatus(t, res, http.StatusUnprocessableEntity)
	if got := res.flash(); got != adminEN.PublishNeedsBoth {
		t.Errorf("flash %q, want %q", got, adminEN.PublishNeedsBoth)
	}
	expectFieldError(t, res, "name_en", adminEN.Problems[content.ProblemRequired])
	expectFieldError(t, res, "summary_en", adminEN.Problems[content.ProblemOtherLanguage])
	if c := cityByID(t, db, created.ID); c.Published || c.Version != created.Version {
		t.Fatalf("a refused publish changed the city: published %v, version %d", c.Published, c.Version)
	}

	// 5. Completed in English, previewed, published.
	edit = b.mustGet(path)
	res = b.submit(edit, formAt(path), url.Values{"name_en": {"Nantes"}, "summary_en": {"A city on the Loire.\nTwinned with Perm since 2007."}})
	expectRedirect(t, res, path)
	edit = b.follow(res)
	if got := edit.flash(); got != adminEN.FlashSaved {
		t.Errorf("flash %q, want %q", got, adminEN.FlashSaved)
	}
	expectPreview(t, b.mustGet(path+"/preview?lang=en"), path, "Nantes")
	expectStatus(t, public.get("/en/twin-cities/nantes"), http.StatusNotFound)

	res = b.publishDraft(edit, path, nil)
	expectRedirect(t, res, path)
	if got := b.follow(res).flash(); got != adminEN.FlashPublished {
		t.Errorf("flash %q, want %q", got, adminEN.FlashPublished)
	}
	if c := cityByID(t, db, created.ID); !c.Published {
		t.Fatal("not published")
	}

	for lang, name := range map[string]string{"en": "Nantes", "ru": "Нант"} {
		list := public.mustGet("/" + lang + "/twin-cities")
		if got := squash(list.doc.Find(`a[href="/` + lang + `/twin-cities/nantes"]`).Text()); got != name {
			t.Errorf("/%s/twin-cities links to the new city as %q, want %q", lang, got, name)
		}
	}
	city := public.mustGet("/en/twin-cities/nantes")
	if h1 := squash(city.doc.Find("h1").Text()); h1 != "Nantes" {
		t.Errorf("public page h1 %q, want Nantes", h1)
	}
	if got := squash(city.doc.Find(".lead").Text()); got != "A city on the Loire. Twinned with Perm since 2007." {
		t.Errorf("public page summary %q", got)
	}
	if city.doc.Find(`.facts a[href="https://metropole.nantes.fr"]`).Length() != 1 {
		t.Error("the public page does not link to the website")
	}
	if city.doc.Find(`.facts time[datetime="2007-10-15"]`).Length() != 1 {
		t.Error("the public page does not show the date of the relationship")
	}
	if city.doc.Find(".preview-banner").Length() != 0 {
		t.Error("the public page has the preview banner")
	}
}

// expectPreview checks a preview: the public layout with the public navigation, the banner saying
// it is a preview with a way back to editing, the entry's name, and no indexing.
func expectPreview(tb testing.TB, p page, editPath, name string) {
	tb.Helper()
	if h1 := squash(p.doc.Find("main h1").First().Text()); h1 != name {
		tb.Errorf("preview h1 %q, want %q", h1, name)
	}
	banner := p.doc.Find(".preview-banner")
	if !strings.Contains(squash(banner.Text()), adminEN.PreviewBanner) {
		tb.Errorf("preview banner %q, want it to say %q", squash(banner.Text()), adminEN.PreviewBanner)
	}
	if banner.Find(`a[href="`+editPath+`"]`).Length() != 1 {
		tb.Errorf("the preview banner does not lead back to %s", editPath)
	}
	if p.doc.Find("body.admin").Length() != 0 || p.doc.Find(`nav.site-nav a[href$="/twin-cities"]`).Length() == 0 {
		tb.Error("the preview is not in the public layout")
	}
	if p.doc.Find(`meta[name="robots"][content*="noindex"]`).Length() != 1 {
		tb.Error("the preview may be indexed")
	}
}

// Browsers send a textarea's line breaks as CR LF. Opening a page whose text has paragraphs and
// saving it without touching anything must not change that text, nor log a change nobody made.
func TestSavingUnchangedTextChangesNothing(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	addEditor(t, db)
	b := startSite(t, db).newBrowser(t, "en")
	b.mustSignIn(editorEmail, editorPassword)

	about, err := store.PageByKey(context.Background(), db, content.About)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(about.Body.RU, "\n\n") {
		t.Fatal("the about page has no paragraphs to test with")
	}
	path := "/admin/pages/" + itoa(about.ID)
	expectRedirect(t, b.submit(b.mustGet(path), formAt(path), nil), path)

	after, err := store.PageByKey(context.Background(), db, content.About)
	if err != nil {
		t.Fatal(err)
	}
	if after.Body != about.Body {
		t.Errorf("saving the unchanged form changed the text (CR LF stored: %v)", strings.Contains(after.Body.RU, "\r"))
	}
	var changesJSON string
	if err := db.QueryRow(context.Background(), `SELECT coalesce(json_agg(changes)::text, '[]') FROM audit_log
		WHERE entity = 'page' AND entity_id = $1 AND action = 'update'`, itoa(about.ID)).Scan(&changesJSON); err != nil {
		t.Fatal(err)
	}
	var changes [][]content.Change
	if err := json.Unmarshal([]byte(changesJSON), &changes); err != nil {
		t.Fatal(err)
	}
	for _, line := range changes {
		for _, c := range line {
			t.Errorf("the audit log records a change nobody made: %s", c.Field)
		}
	}
}

// A text area's value that begins with a line break comes back with it: HTML drops the first line
// break after <textarea>, so the page writes one of its own before the value.
func TestTextAreaKeepsItsFirstLineBreak(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	addEditor(t, db)
	b := startSite(t, db).newBrowser(t, "en")
	b.mustSignIn(editorEmail, editorPassword)
	form := b.mustGet("/admin/twin-cities/new")
	const summary = "\nA summary that starts on its second line."
	res := b.submit(form, formAt("/admin/twin-cities/new"), url.Values{"slug": {"Not a slug"}, "summary_en": {summary}})
	expectStatus(t, res, http.StatusUnprocessableEntity)
	if got := lf(res.doc.Find("#f-summary-en").Text()); got != summary {
		t.Errorf("the summary came back as %q, want %q", got, summary)
	}
}
