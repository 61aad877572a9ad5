package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"twincities/internal/content"
	"twincities/internal/postgres/pgtest"
)

// A published city's changes are a draft until "Publish changes": the public page stays as it
// was, the edit page says it holds the draft and what it changes, the preview shows the draft
// under a banner that says so; publishing puts the changes on the site.
func TestDraftOfPublishedCityStaysPrivateUntilPublished(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	addEditor(t, db)
	site := startSite(t, db)
	b := site.newBrowser(t, "en")
	b.mustSignIn(editorEmail, editorPassword)
	public := site.newBrowser(t, "en")
	city := cityBySlug(t, db, content.Twin, "duisburg")
	path, publicPath := twinPath(city.ID), "/en/twin-cities/duisburg"
	const words = "Words of a draft nobody outside sees yet"

	edit := b.mustGet(path)
	if got := squash(edit.doc.Find(".draft-line").Text()); got != adminEN.EditingLive {
		t.Errorf("the edit page says %q, want %q", got, adminEN.EditingLive)
	}
	buttons := texts(edit.doc, `form[action="`+path+`"] button:not([formaction])`) // the image buttons post elsewhere
	if strings.Join(buttons, "|") != adminEN.SaveDraft+"|"+adminEN.PublishChanges+"|"+adminEN.PreviewText {
		t.Errorf("the form's buttons: %q", buttons)
	}

	// Saved as a draft, with the Russian summary emptied: a draft may lack a language.
	res := b.submit(edit, formAt(path), url.Values{"do": {"draft"}, "summary_en": {words}, "summary_ru": {""}})
	expectRedirect(t, res, path)
	edit = b.follow(res)
	if got := edit.flash(); got != adminEN.FlashDraftSaved {
		t.Errorf("flash %q, want %q", got, adminEN.FlashDraftSaved)
	}
	if strings.Contains(public.mustGet(publicPath).text(), words) {
		t.Fatal("the public page shows the draft")
	}
	if got := cityBySlug(t, db, content.Twin, "duisburg"); got.Version != city.Version || got.Summary != city.Summary {
		t.Errorf("saving a draft changed the city: version %d, summary %q", got.Version, got.Summary)
	}
	if line := squash(edit.doc.Find(".draft-line").Text()); !strings.Contains(line, editorName) ||
		!strings.HasPrefix(line, "You are editing the draft") {
		t.Errorf("the edit page says %q", line)
	}
	if got := lf(edit.doc.Find("#f-summary-en").Text()); got != words {
		t.Errorf("the form holds summary %q, want the draft's", got)
	}
	row := edit.doc.Find(`.draft-diff tr[data-field="summary_en"]`)
	if got := squash(row.Find("th").Text()); got != adminEN.FieldLabel("summary_en") {
		t.Errorf("the diff's row is labelled %q", got)
	}
	var cells []string
	row.Find("td").Each(func(_ int, c *goquery.Selection) { cells = append(cells, squash(c.Text())) })
	if len(cells) != 2 || cells[0] != squash(city.Summary.EN) || cells[1] != words {
		t.Errorf("the diff's row: %q", cells)
	}
	if edit.doc.Find(`.draft-diff tr[data-field="summary_ru"]`).Length() != 1 {
		t.Error("the diff does not show the emptied Russian summary")
	}
	if edit.doc.Find(`.draft-diff tr[data-field="name_en"]`).Length() != 0 {
		t.Error("the diff shows a field the draft does not change")
	}
	preview := b.mustGet(path + "/preview?lang=en")
	if got := squash(preview.doc.Find(".preview-banner p").Text()); !strings.HasPrefix(got, adminEN.PreviewDraftBanner) {
		t.Errorf("preview banner %q, want %q", got, adminEN.PreviewDraftBanner)
	}
	if !strings.Contains(preview.text(), words) {
		t.Error("the preview does not show the draft")
	}

	// Publishing it without the Russian summary is refused, and the public sees nothing new.
	res = b.submit(edit, formAt(path), url.Values{"do": {"publish"}})
	expectStatus(t, res, http.StatusUnprocessableEntity)
	if res.doc.Find(`[aria-invalid="true"]`).Length() == 0 {
		t.Error("the refused publish marks no field")
	}
	if strings.Contains(public.mustGet(publicPath).text(), words) {
		t.Fatal("a refused publish put the draft on the site")
	}

	// Completed and published: on the site, and no draft any more.
	res = b.submit(res, formAt(path), url.Values{"do": {"publish"}, "summary_ru": {"Русское описание"}})
	expectRedirect(t, res, path)
	edit = b.follow(res)
	if got := edit.flash(); got != adminEN.FlashDraftPublished {
		t.Errorf("flash %q, want %q", got, adminEN.FlashDraftPublished)
	}
	if !strings.Contains(public.mustGet(publicPath).text(), words) {
		t.Error("the published changes are not on the public page")
	}
	if got := squash(edit.doc.Find(".draft-line").Text()); got != adminEN.EditingLive {
		t.Errorf("after publishing the edit page says %q", got)
	}
	preview = b.mustGet(path + "/preview?lang=en")
	if got := squash(preview.doc.Find(".preview-banner p").Text()); !strings.HasPrefix(got, adminEN.PreviewLiveBanner) {
		t.Errorf("preview banner %q, want %q", got, adminEN.PreviewLiveBanner)
	}
	if n := queryInt(t, db, `SELECT count(*) FROM audit_log WHERE action IN ('draft_save', 'draft_publish') AND entity_id = $1`,
		fmt.Sprint(city.ID)); n != 2 {
		t.Errorf("%d audit lines for the draft, want 2 (saved, published)", n)
	}
}

// Discarding a draft leaves the published city as it was.
func TestDiscardDraftKeepsPublishedVersion(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	addEditor(t, db)
	site := startSite(t, db)
	b := site.newBrowser(t, "en")
	b.mustSignIn(editorEmail, editorPassword)
	city := cityBySlug(t, db, content.Twin, "duisburg")
	path := twinPath(city.ID)
	edit := b.mustGet(path)
	expectStatus(t, b.post(path, url.Values{"version": {itoa(int64(city.Version))}, "do": {"later"}}), http.StatusBadRequest)
	edit = b.follow(b.submit(edit, formAt(path), url.Values{"do": {"draft"}, "region_en": {"Somewhere else"}}))
	// The button asks first; until the answer, the draft stays.
	confirm := b.submit(edit, formAt(path+"/draft/discard"), nil)
	expectStatus(t, confirm, http.StatusOK)
	if !strings.Contains(confirm.text(), adminEN.DiscardDraftConfirm) ||
		squash(confirm.doc.Find(`main .narrow a[href="`+path+`"]`).Text()) != adminEN.DiscardDraftKeep {
		t.Errorf("the confirmation does not warn or offer the way back: %q", confirm.text())
	}
	if got := squash(b.mustGet(path).doc.Find("#f-region-en").AttrOr("value", "")); got != "Somewhere else" {
		t.Fatalf("the draft was discarded before the answer: the form holds %q", got)
	}
	res := b.submit(confirm, formAt(path+"/draft/discard"), nil)
	expectRedirect(t, res, path)
	edit = b.follow(res)
	if got := edit.flash(); got != adminEN.FlashDraftDiscarded {
		t.Errorf("flash %q, want %q", got, adminEN.FlashDraftDiscarded)
	}
	if got := edit.doc.Find("#f-region-en").AttrOr("value", ""); got != city.Region.EN {
		t.Errorf("after discarding the form holds region %q, want the published %q", got, city.Region.EN)
	}
	if got := cityBySlug(t, db, content.Twin, "duisburg"); got.Version != city.Version || got.Region != city.Region {
		t.Errorf("discarding changed the city: version %d, region %q", got.Version, got.Region)
	}
}

// Two editors on one published city's draft: the second save is shown the conflict, with the
// other's draft, and nothing is overwritten; the conflict page's form then saves over the
// draft it showed.
func TestDraftConflictBetweenTwoEditors(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	addEditor(t, db)
	site := startSite(t, db)
	one, two := site.newBrowser(t, "en"), site.newBrowser(t, "en")
	one.mustSignIn(editorEmail, editorPassword)
	two.mustSignIn(editorEmail, editorPassword)
	city := cityBySlug(t, db, content.Twin, "duisburg")
	path := twinPath(city.ID)
	formOne, formTwo := one.mustGet(path), two.mustGet(path)

	expectRedirect(t, one.submit(formOne, formAt(path), url.Values{"do": {"draft"}, "region_en": {"First editor’s region"}}), path)
	res := two.submit(formTwo, formAt(path), url.Values{"do": {"draft"}, "region_en": {"Second editor’s region"}})
	expectStatus(t, res, http.StatusConflict)
	if !strings.Contains(res.text(), "First editor’s region") {
		t.Error("the conflict page does not show the other editor’s draft")
	}
	if n := queryInt(t, db, `SELECT count(*) FROM drafts WHERE data->'entry'->'region'->>'en' = 'First editor’s region'`); n != 1 {
		t.Fatal("the second save overwrote the first editor’s draft")
	}
	expectRedirect(t, two.submit(res, formAt(path), url.Values{"do": {"draft"}}), path)
	if n := queryInt(t, db, `SELECT count(*) FROM drafts WHERE data->'entry'->'region'->>'en' = 'Second editor’s region'`); n != 1 {
		t.Error("the conflict page's form did not save the draft")
	}
	// Publishing from the first editor's stale form is a conflict too.
	expectStatus(t, one.submit(formOne, formAt(path), url.Values{"do": {"publish"}}), http.StatusConflict)
	if got := cityBySlug(t, db, content.Twin, "duisburg"); got.Version != city.Version {
		t.Errorf("a stale publish moved the city to version %d", got.Version)
	}
}
