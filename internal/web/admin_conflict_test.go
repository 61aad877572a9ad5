package web_test

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"twincities/internal/content"
	"twincities/internal/postgres/pgtest"
)

// conflictRow returns the cells (base, theirs, yours) of the conflict table's row for label.
func conflictRow(tb testing.TB, p page, label string) []string {
	tb.Helper()
	var cells []string
	found := 0
	p.doc.Find("table.diff tbody tr").Each(func(_ int, tr *goquery.Selection) {
		th := tr.Find("th").First().Clone()
		th.Find("strong").Remove() // "(changed by both)"
		if squash(th.Text()) != label {
			return
		}
		found++
		cells = texts(goquery.NewDocumentFromNode(tr.Nodes[0]), "td")
	})
	if found != 1 {
		tb.Fatalf("the conflict table has %d rows for %q, want 1; rows: %q", found, label, texts(p.doc, "table.diff tbody th"))
	}
	return cells
}

func TestTwoEditorsSaveTheSameCity(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	addEditor(t, db)
	addStaff(t, db, "Олег Второй", "second@perm.example", content.Editor, "Second editor passphrase")
	site := startSite(t, db)
	first := site.newBrowser(t, "en")
	first.mustSignIn(editorEmail, editorPassword)
	second := site.newBrowser(t, "en")
	second.mustSignIn("second@perm.example", "Second editor passphrase")

	duisburg := cityBySlug(t, db, content.Twin, "duisburg")
	path := twinPath(duisburg.ID)
	firstForm := first.mustGet(path)
	secondForm := second.mustGet(path)

	const firstSummary = "Signed on 15 October 2007 in Wiesbaden, at the Petersburg Dialogue forum."
	res := first.submit(firstForm, formAt(path), url.Values{"summary_en": {firstSummary}})
	expectRedirect(t, res, path)

	const secondSummary = "The agreement was signed in Wiesbaden in October 2007."
	res = second.submit(secondForm, formAt(path), url.Values{
		"summary_en": {secondSummary},
		"region_ru":  {"Северный Рейн — Вестфалия"}, "region_en": {"North Rhine-Westphalia"},
	})
	expectStatus(t, res, http.StatusConflict)
	if h1 := squash(res.doc.Find("h1").Text()); h1 != adminEN.ConflictTitle {
		t.Errorf("heading %q, want %q", h1, adminEN.ConflictTitle)
	}
	if got := squash(res.doc.Find(".error-summary").Text()); got != adminEN.ConflictIntro {
		t.Errorf("intro %q, want %q", got, adminEN.ConflictIntro)
	}
	headings := texts(res.doc, "table.diff thead th")
	wantHeadings := []string{adminEN.ConflictField, adminEN.ConflictBase, adminEN.ConflictTheirs, adminEN.ConflictYours}
	if len(headings) != len(wantHeadings) {
		t.Fatalf("conflict table headings %q, want %q", headings, wantHeadings)
	}
	for i := range wantHeadings {
		if headings[i] != wantHeadings[i] {
			t.Errorf("conflict table heading %d is %q, want %q", i, headings[i], wantHeadings[i])
		}
	}
	if got := conflictRow(t, res, adminEN.FieldLabel("summary_en")); len(got) != 3 ||
		got[0] != duisburg.Summary.EN || got[1] != firstSummary || got[2] != secondSummary {
		t.Errorf("summary (English) row: %q, want base %q, theirs %q, yours %q", got, duisburg.Summary.EN, firstSummary, secondSummary)
	}
	if got := conflictRow(t, res, adminEN.FieldLabel("region_en")); len(got) != 3 ||
		got[0] != adminEN.EmptyValue || got[1] != adminEN.EmptyValue || got[2] != "North Rhine-Westphalia" {
		t.Errorf("region (English) row: %q", got)
	}
	// Fields nobody changed are not listed.
	for _, f := range []string{"name_en", "slug", "country", "since"} {
		res.doc.Find("table.diff tbody th").Each(func(_ int, th *goquery.Selection) {
			if squash(th.Text()) == adminEN.FieldLabel(f) {
				t.Errorf("the conflict table lists %s, which nobody changed", f)
			}
		})
	}

	// The first's change survives; nothing of the second's was saved.
	c := cityByID(t, db, duisburg.ID)
	if c.Summary.EN != firstSummary || c.Region.EN != "" || c.Version != duisburg.Version+1 {
		t.Fatalf("after the conflict: summary %q, region %q, version %d", c.Summary.EN, c.Region.EN, c.Version)
	}

	// The form holds what the second typed, based on the current version.
	form := findForm(t, res, formAt(path))
	if v := form.Find(`input[name="version"]`).AttrOr("value", ""); v != itoa(int64(c.Version)) {
		t.Errorf("the conflict form's version is %q, want the current %d", v, c.Version)
	}
	if got := lf(form.Find("#f-summary-en").Text()); got != secondSummary {
		t.Errorf("the conflict form's summary (English) is %q, want the second's %q", got, secondSummary)
	}
	if got := form.Find("#f-region-en").AttrOr("value", ""); got != "North Rhine-Westphalia" {
		t.Errorf("the conflict form's region (English) is %q", got)
	}

	// Merged by hand and saved.
	merged := firstSummary + " " + secondSummary
	res = second.submit(res, formAt(path), url.Values{"summary_en": {merged}})
	expectRedirect(t, res, path)
	c = cityByID(t, db, duisburg.ID)
	if c.Summary.EN != merged || c.Region.EN != "North Rhine-Westphalia" || c.Version != duisburg.Version+2 {
		t.Errorf("after merging: summary %q, region %q, version %d", c.Summary.EN, c.Region.EN, c.Version)
	}
	if n := queryInt(t, db, `SELECT count(*) FROM audit_log WHERE entity = 'city' AND entity_id = $1 AND action = 'update'`,
		itoa(duisburg.ID)); n != 2 {
		t.Errorf("%d update lines in the audit log, want 2 (the refused save is none)", n)
	}

	// The first, saving again from their old page, now gets the conflict in turn.
	res = first.submit(firstForm, formAt(path), url.Values{"summary_en": {"Overwrite?"}})
	expectStatus(t, res, http.StatusConflict)
	if c := cityByID(t, db, duisburg.ID); c.Summary.EN != merged {
		t.Errorf("a stale save overwrote the merge: %q", c.Summary.EN)
	}
}
