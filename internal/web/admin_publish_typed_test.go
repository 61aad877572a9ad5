package web_test

import (
	"context"
	"net/http"
	"net/url"
	"testing"

	"twincities/internal/content"
	"twincities/internal/postgres/pgtest"
	"twincities/internal/store"
)

// The "Publish" button at the top of a draft's page sends the entry's form: what was typed there
// is published with it, not lost. A form that could not be published comes back as typed, with
// its fields marked, and nothing is saved.
func TestPublishingADraftTakesWhatWasTyped(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	addEditor(t, db)
	b := startSite(t, db).newBrowser(t, "en")
	b.mustSignIn(editorEmail, editorPassword)
	draft := content.City{Kind: content.Twin, Slug: "nantes", Name: content.Text{RU: "Нант"}, Country: "FR", Status: content.Active}
	if err := store.Cities.Create(context.Background(), db, &draft, store.Actor{Name: "test"}); err != nil {
		t.Fatal(err)
	}
	path := twinPath(draft.ID)
	unchanged := func(when string) {
		t.Helper()
		if c := cityByID(t, db, draft.ID); c.Published || c.Version != draft.Version || c.Name.EN != "" {
			t.Errorf("%s: the city changed: published %v, version %d, English name %q", when, c.Published, c.Version, c.Name.EN)
		}
	}

	// A bad field: refused whole, the typed English name kept in its box.
	res := b.publishDraft(b.mustGet(path), path, url.Values{"name_en": {"Nantes"}, "latitude": {"91"}, "longitude": {"-1.55"}})
	expectStatus(t, res, http.StatusUnprocessableEntity)
	if got := res.doc.Find(`input[name="name_en"]`).AttrOr("value", ""); got != "Nantes" {
		t.Errorf("the typed English name came back as %q", got)
	}
	if res.doc.Find(".error-summary").Length() != 1 {
		t.Error("no summary of the problems")
	}
	unchanged("a bad latitude")

	// A character no text may hold: told at its field, not blamed on a missing language.
	res = b.publishDraft(b.mustGet(path), path, url.Values{"name_en": {"Nan\x00tes"}})
	expectStatus(t, res, http.StatusUnprocessableEntity)
	if res.doc.Find(".flash-problem").Length() != 0 || res.doc.Find(`#f-name-en[aria-invalid="true"]`).Length() != 1 {
		t.Errorf("a NUL in the English name: warning %q, the field marked: %v", squash(res.doc.Find(".flash-problem").Text()),
			res.doc.Find(`#f-name-en[aria-invalid="true"]`).Length() == 1)
	}
	unchanged("a NUL in the name")

	// Not complete in English: not published, and nothing saved either.
	res = b.publishDraft(b.mustGet(path), path, url.Values{"region_ru": {"Атлантическая Луара"}})
	expectStatus(t, res, http.StatusUnprocessableEntity)
	if got := squash(res.doc.Find(`div.flash.flash-problem[role="alert"]`).Text()); got != adminEN.PublishNeedsBoth {
		t.Errorf("the warning says %q, want %q (a problem, not a success)", got, adminEN.PublishNeedsBoth)
	}
	if got := res.doc.Find(`input[name="region_ru"]`).AttrOr("value", ""); got != "Атлантическая Луара" {
		t.Errorf("the typed region came back as %q", got)
	}
	expectFieldError(t, res, "name_en", adminEN.Problems[content.ProblemRequired])
	unchanged("no English name")

	// Complete: what was typed is saved and published at once.
	res = b.publishDraft(b.mustGet(path), path, url.Values{"name_en": {"Nantes"}})
	expectRedirect(t, res, path)
	if done := b.follow(res); done.flash() != adminEN.FlashPublished || done.doc.Find(".flash-problem").Length() != 0 {
		t.Errorf("flash %q (a warning: %v), want %q as a success", done.flash(), done.doc.Find(".flash-problem").Length() != 0, adminEN.FlashPublished)
	}
	if c := cityByID(t, db, draft.ID); !c.Published || c.Name.EN != "Nantes" {
		t.Errorf("published %v with the English name %q, want published as Nantes", c.Published, c.Name.EN)
	}
	if n := queryInt(t, db, `SELECT count(*) FROM audit_log WHERE entity = 'city' AND entity_id = $1 AND action IN ('update', 'publish')`, itoa(draft.ID)); n != 2 {
		t.Errorf("%d audit lines of the save and the publication, want 2", n)
	}
}
