package web_test

import (
	"net/url"
	"testing"

	"twincities/internal/content"
	"twincities/internal/i18n"
	"twincities/internal/postgres/pgtest"
)

// The history says what changed in the staff's words: a status, a country and a date as people
// read them, not the codes the database keeps ("ended", "IT", "2012-10-15").
func TestHistoryShowsWordsNotCodes(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	addEditor(t, db)
	b := startSite(t, db).newBrowser(t, "ru")
	b.mustSignIn(editorEmail, editorPassword)

	c := cityBySlug(t, db, content.Twin, "duisburg")
	editCity(t, b, c.ID, url.Values{"status": {string(content.Ended)}, "status_date.day": {"15"},
		"status_date.month": {"10"}, "status_date.year": {"2012"}, "country": {"IT"}})
	items := auditItems(b.mustGet(twinPath(c.ID)+"/history"), "main")
	if len(items) == 0 {
		t.Fatal("no audit lines")
	}
	changes := items[0].changes
	want := map[string][2]string{
		adminRU.FieldLabel("status"):      {adminRU.StatusNames[c.Status], adminRU.StatusNames[content.Ended]},
		adminRU.FieldLabel("country"):     {squash(i18n.CountryName(c.Country, content.RU)), squash(i18n.CountryName("IT", content.RU))},
		adminRU.FieldLabel("status_date"): {squash(adminRU.EmptyValue), squash("15\u00a0октября 2012\u00a0г.")},
	}
	for label, w := range want {
		got, ok := changes[label]
		if !ok {
			t.Errorf("the change of %q is not listed: %q", label, changes)
			continue
		}
		if got != w {
			t.Errorf("%s: %q, want %q", label, got, w)
		}
	}
	for _, code := range []string{"ended", "active", "IT", "DE", "2012-10-15"} {
		for label, ch := range changes {
			if ch[0] == code || ch[1] == code {
				t.Errorf("%s shows the code %q", label, code)
			}
		}
	}
}
