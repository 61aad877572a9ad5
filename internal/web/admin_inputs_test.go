package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"twincities/internal/content"
	"twincities/internal/i18n"
	"twincities/internal/postgres/pgtest"
)

// TestEditFormBar: the edit form ends with a bar holding its save buttons (first, so Enter saves)
// and "Preview text"; "Move to trash" is not in the form at all but in the danger zone after it.
func TestEditFormBar(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	addEditor(t, db)
	site := startSite(t, db)
	b := site.newBrowser(t, "en")
	b.mustSignIn(editorEmail, editorPassword)
	duisburg := cityBySlug(t, db, content.Twin, "duisburg")
	path := twinPath(duisburg.ID)
	p := b.mustGet(path)

	form := findForm(t, p, formAt(path))
	bar := form.Find(".form-bar")
	if bar.Length() != 1 || bar.AttrOr("aria-label", "") != adminEN.FormBarLabel {
		t.Fatalf("the form has %d bars (aria-label %q), want one named %q", bar.Length(), bar.AttrOr("aria-label", ""), adminEN.FormBarLabel)
	}
	if got := texts(goquery.NewDocumentFromNode(bar.Nodes[0]), "button"); strings.Join(got, "|") !=
		adminEN.SaveDraft+"|"+adminEN.PublishChanges+"|"+adminEN.PreviewText {
		t.Errorf("the bar's buttons are %q", got)
	}
	if first := form.Find(`button[type="submit"]`).First(); first.AttrOr("value", "") != "draft" {
		t.Errorf("the form's first button (the one Enter presses) is %q, want Save draft", squash(first.Text()))
	}
	// The image buttons post elsewhere (formaction); the form's own buttons are the bar's.
	if n := form.Find("button:not([formaction])").Length(); n != 3 {
		t.Errorf("the form has %d buttons of its own, want the bar's 3", n)
	}
	if p.doc.Find(".entry-actions form[action$='/delete']").Length() != 0 {
		t.Error("Move to trash is still among the actions at the top")
	}
	zone := p.doc.Find("section.danger-zone")
	if zone.Length() != 1 || zone.Find(`form[action="`+path+`/delete"] button`).Text() != adminEN.Delete ||
		squash(zone.Find("h2").Text()) != adminEN.DangerZone {
		t.Fatalf("no danger zone with Move to trash: %q", squash(zone.Text()))
	}
	if p.doc.Find(`form[action$="/delete"]`).Length() != 1 {
		t.Error("Move to trash is on the page more than once")
	}
	// The danger zone comes after everything else in the page's main part.
	if next := zone.NextAll().Length(); next != 0 {
		t.Errorf("%d elements follow the danger zone", next)
	}

	// An entry the public does not see has one Save in its bar, and a new entry no danger zone.
	newPage := b.mustGet("/admin/twin-cities/new")
	if got := texts(newPage.doc, "form[action='/admin/twin-cities/new'] .form-bar button"); strings.Join(got, "|") != adminEN.Save+"|"+adminEN.PreviewText {
		t.Errorf("the new city's bar: %q", got)
	}
	if newPage.doc.Find(".danger-zone").Length() != 0 {
		t.Error("a new entry offers to move itself to the trash")
	}
}

// TestCoordinatesMap: the city form shows the saved coordinates on a small map drawn here, with
// the same in words; a preview shows the typed ones; none for empty or unreadable coordinates.
func TestCoordinatesMap(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	addEditor(t, db)
	site := startSite(t, db)
	duisburg := cityBySlug(t, db, content.Twin, "duisburg")
	path := twinPath(duisburg.ID)
	if duisburg.Location == nil {
		t.Fatal("Duisburg has no coordinates in the initial data")
	}
	for _, lang := range []string{"en", "ru"} {
		b := site.newBrowser(t, lang)
		b.mustSignIn(editorEmail, editorPassword)
		p := b.mustGet(path)
		svg := p.doc.Find(".coords-map svg")
		if svg.Length() != 1 || svg.Find("path.map-land").Length() != 1 || svg.Find(".map-marker").Length() != 1 {
			t.Fatalf("%s: no map with land and one marker under the coordinates", lang)
		}
		if svg.Find("a, image, use, foreignObject").Length() != 0 || strings.Contains(svg.AttrOr("viewBox", ""), "http") {
			t.Errorf("%s: the map holds links or outside pictures", lang)
		}
		lat, lon := fmt.Sprintf("%.2f", duisburg.Location.Lat), fmt.Sprintf("%.2f", duisburg.Location.Lon)
		want := lat + "° N, " + lon + "° E — " + i18n.CountryName(duisburg.Country, content.EN)
		if lang == "ru" {
			want = strings.Replace(lat, ".", ",", 1) + "° с. ш., " + strings.Replace(lon, ".", ",", 1) + "° в. д. — " +
				i18n.CountryName(duisburg.Country, content.RU)
		}
		if got := squash(strings.ReplaceAll(p.doc.Find(".coords-map figcaption").Text(), "\u00a0", " ")); got != want {
			t.Errorf("%s: the map's words are %q, want %q", lang, got, want)
		}
		if got := svg.AttrOr("aria-labelledby", ""); got != "coords-map-title coords-map-text" {
			t.Errorf("%s: the map is labelled by %q", lang, got)
		}
	}

	b := site.newBrowser(t, "en")
	b.mustSignIn(editorEmail, editorPassword)
	form := b.mustGet(path)
	for _, c := range []struct{ lat, lon string }{{"", ""}, {"abc", "6.7"}, {"95", "6.7"}, {"51.4", ""}} {
		res := b.submit(form, formAt(path), url.Values{"preview": {"1"}, "latitude": {c.lat}, "longitude": {c.lon}})
		expectStatus(t, res, http.StatusOK)
		if res.doc.Find(".coords-map svg").Length() != 0 || squash(res.doc.Find(".coords-map .hint").Text()) != adminEN.CoordsMapNone {
			t.Errorf("latitude %q, longitude %q: %q", c.lat, c.lon, squash(res.doc.Find(".coords-map").Text()))
		}
	}
	// Typed coordinates (a decimal comma too) are drawn at once, in the southern and western halves.
	res := b.submit(form, formAt(path), url.Values{"preview": {"1"}, "latitude": {"-34,6"}, "longitude": {"-58.38"}})
	if got := squash(strings.ReplaceAll(res.doc.Find(".coords-map figcaption").Text(), "\u00a0", " ")); !strings.HasPrefix(got, "34.60° S, 58.38° W") {
		t.Errorf("typed coordinates are described as %q", got)
	}
	if cityByID(t, db, duisburg.ID).Location.Lat != duisburg.Location.Lat {
		t.Error("a preview saved the coordinates")
	}
}

// TestMarkdownPreview: "Preview text" shows the Markdown bodies rendered and sanitised as the
// public pages render them, keeps every typed value and the version the form was based on, and
// saves nothing, for a published entry, an unpublished one and a new one.
func TestMarkdownPreview(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	addEditor(t, db)
	site := startSite(t, db)
	b := site.newBrowser(t, "en")
	b.mustSignIn(editorEmail, editorPassword)
	duisburg := cityBySlug(t, db, content.Twin, "duisburg")
	path := twinPath(duisburg.ID)
	form := b.mustGet(path)
	drafts := queryInt(t, db, `SELECT count(*) FROM drafts`)
	audit := queryInt(t, db, `SELECT count(*) FROM audit_log`)

	body := "A **bold** claim with [a link](https://www.duisburg.de).\n\n<script>alert(1)</script>"
	res := b.submit(form, formAt(path), url.Values{"preview": {"1"}, "body_en": {body}, "summary_en": {"Typed, not saved."},
		"since.day": {"15"}})
	expectStatus(t, res, http.StatusOK)
	if got := res.flash(); got != adminEN.FlashPreview {
		t.Errorf("flash %q, want %q", got, adminEN.FlashPreview)
	}
	previews := res.doc.Find(".md-preview")
	if previews.Length() != 2 {
		t.Fatalf("%d previews, want one a language of the body", previews.Length())
	}
	en := res.doc.Find(`.md-preview[lang="en"]`)
	if squash(en.Find("strong").Text()) != "bold" || en.Find(`a[href="https://www.duisburg.de"]`).Length() != 1 {
		t.Errorf("the English body is not rendered: %q", squash(en.Text()))
	}
	if en.Find("script").Length() != 0 || strings.Contains(en.Text(), "alert") {
		t.Error("the preview lets a script through")
	}
	// The Russian body, as it is: rendered, or said to be empty.
	if ru := res.doc.Find(`.md-preview[lang="ru"]`); duisburg.Body.RU == "" && squash(ru.Find(".muted").Text()) != adminEN.EmptyValue ||
		duisburg.Body.RU != "" && ru.Find(".prose").Children().Length() == 0 {
		t.Errorf("the Russian body %q is previewed as %q", duisburg.Body.RU, squash(ru.Text()))
	}
	f := findForm(t, res, formAt(path))
	if got := f.Find(`textarea[name="body_en"]`).Text(); strings.ReplaceAll(got, "\r\n", "\n") != body {
		t.Errorf("the typed body came back as %q", got)
	}
	if got := f.Find(`textarea[name="summary_en"]`).Text(); got != "Typed, not saved." {
		t.Errorf("the typed summary came back as %q", got)
	}
	if got := f.Find(`input[name="since.day"]`).AttrOr("value", ""); got != "15" {
		t.Errorf("the typed day came back as %q", got)
	}
	if got := f.Find(`input[name="version"]`).AttrOr("value", ""); got != itoa(int64(duisburg.Version)) {
		t.Errorf("the form's version is %q, want %d", got, duisburg.Version)
	}
	if c := cityByID(t, db, duisburg.ID); c.Body.EN != duisburg.Body.EN || c.Summary.EN != duisburg.Summary.EN || c.Version != duisburg.Version {
		t.Error("the preview changed the city")
	}
	if queryInt(t, db, `SELECT count(*) FROM drafts`) != drafts || queryInt(t, db, `SELECT count(*) FROM audit_log`) != audit {
		t.Error("the preview saved a draft or wrote to the log")
	}
	// Saving the previewed form after someone else saved meanwhile is a conflict, not an overwrite.
	exec(t, db, `UPDATE cities SET version = version + 1 WHERE id = $1`, duisburg.ID)
	again := b.submit(res, formAt(path), url.Values{"do": {"draft"}})
	expectStatus(t, again, http.StatusConflict)

	// A new entry: nothing is created.
	cities := queryInt(t, db, `SELECT count(*) FROM cities`)
	newForm := b.mustGet("/admin/twin-cities/new")
	res = b.submit(newForm, formAt("/admin/twin-cities/new"), url.Values{"preview": {"1"}, "name_en": {"Nowhere"}, "body_en": {"# Title"}})
	expectStatus(t, res, http.StatusOK)
	if res.doc.Find(`.md-preview[lang="en"] h1, .md-preview[lang="en"] h2, .md-preview[lang="en"] h3`).Length() != 1 {
		t.Errorf("the new city's body is not rendered: %q", squash(res.doc.Find(".md-preview").Text()))
	}
	if got := res.doc.Find(`input[name="name_en"]`).AttrOr("value", ""); got != "Nowhere" {
		t.Errorf("the typed name came back as %q", got)
	}
	if queryInt(t, db, `SELECT count(*) FROM cities`) != cities {
		t.Error("a preview created a city")
	}
	// Without Preview, the same page shows no rendered text.
	if b.mustGet(path).doc.Find(".md-preview").Length() != 0 {
		t.Error("the edit page shows previews unasked")
	}
}

// TestConflictInWords: the conflict page names fields by their labels and values in words
// (a status), never the codes the database keeps; in Russian, where no word is its code.
func TestConflictInWords(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	addEditor(t, db)
	site := startSite(t, db)
	b := site.newBrowser(t, "ru")
	b.mustSignIn(editorEmail, editorPassword)
	duisburg := cityBySlug(t, db, content.Twin, "duisburg")
	if duisburg.Status != content.Active {
		t.Fatalf("Duisburg's status is %q", duisburg.Status)
	}
	path := twinPath(duisburg.ID)
	form := b.mustGet(path)
	exec(t, db, `UPDATE cities SET version = version + 1, status = 'suspended' WHERE id = $1`, duisburg.ID)
	res := b.submit(form, formAt(path), url.Values{"summary_ru": {"Моё."}})
	expectStatus(t, res, http.StatusConflict)
	row := conflictRow(t, res, adminRU.FieldLabel("status"))
	if len(row) != 3 || row[0] != adminRU.StatusNames[content.Active] || row[1] != adminRU.StatusNames[content.Suspended] ||
		row[2] != adminRU.StatusNames[content.Active] {
		t.Errorf("the status row says %q", row)
	}
	table := squash(res.doc.Find("table.diff").Text())
	for _, code := range []string{"active", "suspended", "twin", "status", "yes", "summary_ru"} {
		if strings.Contains(table, code) {
			t.Errorf("the conflict table shows the code %q: %q", code, table)
		}
	}
	if res.doc.Find(".entry-form .form-bar button").Length() == 0 {
		t.Error("the conflict page's form has no bar of buttons")
	}
}
