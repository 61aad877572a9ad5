package web_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"twincities/internal/content"
	"twincities/internal/postgres/pgtest"
)

// auditItem is one line of an audit list as a history page shows it.
type auditItem struct {
	meta    string
	at      string               // the datetime of its <time>
	changes map[string][2]string // field label → before, after
}

// auditItems reads the audit list of a history page or the dashboard, newest first.
func auditItems(p page, within string) []auditItem {
	var out []auditItem
	p.doc.Find(within + " ol.award-list > li").Each(func(_ int, li *goquery.Selection) {
		it := auditItem{meta: squash(li.Find("p.meta").Text()), at: li.Find("p.meta time").AttrOr("datetime", ""),
			changes: map[string][2]string{}}
		li.Find("table.diff tbody tr").Each(func(_ int, tr *goquery.Selection) {
			td := tr.Find("td")
			it.changes[squash(tr.Find("th").Text())] = [2]string{squash(td.Eq(0).Text()), squash(td.Eq(1).Text())}
		})
		out = append(out, it)
	})
	return out
}

// editCity saves the edit form of twin city id with edits as b and returns the city after.
func editCity(tb testing.TB, b *browser, id int64, edits url.Values) content.City {
	tb.Helper()
	path := twinPath(id)
	expectRedirect(tb, b.submit(b.mustGet(path), formAt(path), edits), path)
	return cityByID(tb, b.site.db, id)
}

func TestAuditShowsWhoWhenWhatBeforeAndAfter(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	ed := addEditor(t, db)
	admin := addAdmin(t, db)
	b := startSite(t, db).newBrowser(t, "en")
	b.mustSignIn(editorEmail, editorPassword)

	duisburg := cityBySlug(t, db, content.Twin, "duisburg")
	const summary = "Twinned on 15 October 2007."
	editCity(t, b, duisburg.ID, url.Values{"summary_en": {summary}, "region_ru": {"Северный Рейн — Вестфалия"}, "region_en": {"North Rhine-Westphalia"}})

	var at time.Time
	var userID int64
	var userName, changesJSON string
	err := db.QueryRow(context.Background(), `SELECT at, user_id, user_name, changes::text FROM audit_log
		WHERE entity = 'city' AND entity_id = $1 AND action = 'update'`, itoa(duisburg.ID)).Scan(&at, &userID, &userName, &changesJSON)
	if err != nil {
		t.Fatal(err)
	}
	if userID != ed.ID || userName != editorName {
		t.Errorf("audit line by user %d %q, want %d %q", userID, userName, ed.ID, editorName)
	}
	var changes []content.Change
	if err := json.Unmarshal([]byte(changesJSON), &changes); err != nil {
		t.Fatalf("changes %s: %v", changesJSON, err)
	}
	wantChanges := []content.Change{
		{Field: "region_ru", Before: "", After: "Северный Рейн — Вестфалия"},
		{Field: "region_en", Before: "", After: "North Rhine-Westphalia"},
		{Field: "summary_en", Before: duisburg.Summary.EN, After: summary},
	}
	if len(changes) != len(wantChanges) {
		t.Fatalf("changes %+v, want %+v", changes, wantChanges)
	}
	for i := range wantChanges {
		if changes[i] != wantChanges[i] {
			t.Errorf("change %d: %+v, want %+v", i, changes[i], wantChanges[i])
		}
	}

	wantAt := at.UTC().Format("2006-01-02T15:04:05Z")
	check := func(where string, items []auditItem, withEntry bool) {
		t.Helper()
		if len(items) == 0 {
			t.Fatalf("%s: no audit lines", where)
		}
		it := items[0]
		if it.at != wantAt {
			t.Errorf("%s: newest line at %q, want %q", where, it.at, wantAt)
		}
		perm := at.In(time.FixedZone("Perm", 5*3600))
		if want := perm.Format("2") + " " + perm.Format("January 2006, 15:04") + " · "; !strings.Contains(it.meta, want) {
			t.Errorf("%s: %q does not show the time in Perm as %q", where, it.meta, want)
		}
		for _, part := range []string{editorName, adminEN.ActionNames["update"]} {
			if !strings.Contains(it.meta, part) {
				t.Errorf("%s: %q does not say %q", where, it.meta, part)
			}
		}
		if withEntry && (!strings.Contains(it.meta, "Duisburg") || !strings.Contains(it.meta, adminEN.EntityNames[content.EntityCity])) {
			t.Errorf("%s: %q does not name the entry", where, it.meta)
		}
		for _, c := range wantChanges {
			before := c.Before
			if before == "" {
				before = adminEN.EmptyValue
			}
			if got, want := it.changes[adminEN.FieldLabel(c.Field)], [2]string{before, c.After}; got != want {
				t.Errorf("%s: %s changed %q, want %q", where, c.Field, got, want)
			}
		}
		if len(it.changes) != len(wantChanges) {
			t.Errorf("%s: %d changed fields shown, want %d: %v", where, len(it.changes), len(wantChanges), it.changes)
		}
	}
	log := b.mustGet("/admin/history")
	check("/admin/history", auditItems(log, "main"), true)
	// The zone is named once, above the list.
	if got := log.doc.Find("main ol.award-list").PrevFiltered("p.meta").Text(); got != adminEN.PermTimeZone {
		t.Errorf("/admin/history: above the list %q, want the zone %q", got, adminEN.PermTimeZone)
	}
	if log.doc.Find(`main ol.award-list > li a[href="/admin/go/city/`+itoa(duisburg.ID)+`"]`).Length() == 0 {
		t.Error("the change log does not link to the entry")
	}
	hist := b.mustGet(twinPath(duisburg.ID) + "/history")
	check("entry history", auditItems(hist, "main"), false)
	var revs [][]string
	hist.doc.Find("main table:not(.diff) tbody tr").Each(func(_ int, tr *goquery.Selection) {
		revs = append(revs, texts(goquery.NewDocumentFromNode(tr.Nodes[0]), "td"))
	})
	if len(revs) != 2 || len(revs[0]) < 4 || len(revs[1]) < 4 ||
		revs[0][0] != "2" || revs[0][2] != editorName || revs[0][3] != adminEN.ActionNames["update"] ||
		revs[1][0] != "1" || revs[1][2] != adminEN.InitialData || revs[1][3] != adminEN.ActionNames["create"] {
		t.Errorf("revisions %q, want version 2 changed by %s and version 1 created by the initial data", revs, editorName)
	}

	// The link from the log leads to the entry.
	expectRedirect(t, b.get("/admin/go/city/"+itoa(duisburg.ID)), twinPath(duisburg.ID))

	// Filters, through the log's own form.
	filter := func(edits url.Values) []auditItem {
		t.Helper()
		res := b.submit(log, formAt("/admin/history"), edits)
		expectStatus(t, res, http.StatusOK)
		return auditItems(res, "main")
	}
	ours := func(items []auditItem) bool {
		for _, it := range items {
			if it.at == wantAt && strings.Contains(it.meta, editorName) && strings.Contains(it.meta, "Duisburg") {
				return true
			}
		}
		return false
	}
	for _, tc := range []struct {
		edits url.Values
		want  bool
	}{
		{url.Values{"entity": {"city"}}, true},
		{url.Values{"entity": {"organization"}}, false},
		{url.Values{"user": {itoa(ed.ID)}}, true},
		{url.Values{"user": {itoa(admin.ID)}}, false},
		{url.Values{"action": {"update"}}, true},
		{url.Values{"action": {"publish"}}, false},
		{url.Values{"entity": {"city"}, "user": {itoa(ed.ID)}, "action": {"update"}}, true},
	} {
		items := filter(tc.edits)
		if ours(items) != tc.want {
			t.Errorf("filter %v: our change listed %v, want %v", tc.edits, !tc.want, tc.want)
		}
		for _, it := range items {
			if u := tc.edits.Get("user"); u != "" && !strings.Contains(it.meta, map[string]string{itoa(ed.ID): editorName, itoa(admin.ID): adminName}[u]) {
				t.Errorf("filter %v lists a line by someone else: %q", tc.edits, it.meta)
			}
			if a := tc.edits.Get("action"); a != "" && !strings.Contains(it.meta, adminEN.ActionNames[a]) {
				t.Errorf("filter %v lists another action: %q", tc.edits, it.meta)
			}
			if e := tc.edits.Get("entity"); e != "" && !strings.Contains(it.meta, adminEN.EntityNames[content.Entity(e)]) {
				t.Errorf("filter %v lists another kind of entry: %q", tc.edits, it.meta)
			}
		}
	}
	if n := len(filter(url.Values{"entity": {"organization"}})); n != 7 {
		t.Errorf("the organisations' log has %d lines, want the 7 of the initial data", n)
	}
	if res := b.get("/admin/history?from=26.11.2026"); res.status != http.StatusUnprocessableEntity {
		t.Errorf("a date filter that is not a date: status %d, want 422", res.status)
	}
}

func TestRevertToAnEarlierVersion(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	addEditor(t, db)
	b := startSite(t, db).newBrowser(t, "en")
	b.mustSignIn(editorEmail, editorPassword)

	duisburg := cityBySlug(t, db, content.Twin, "duisburg")
	path := twinPath(duisburg.ID)
	editCity(t, b, duisburg.ID, url.Values{"summary_en": {"First change."}})
	if c := editCity(t, b, duisburg.ID, url.Values{"summary_en": {"Second change."}}); c.Version != 3 {
		t.Fatalf("after two changes version %d, want 3", c.Version)
	}

	hist := b.mustGet(path + "/history")
	revertTo := func(v int) string {
		return formAt(path+"/revert") + `:has(input[name="to"][value="` + itoa(int64(v)) + `"])`
	}
	if n := hist.doc.Find(revertTo(3)).Length(); n != 0 {
		t.Error("the current version is offered for restoring")
	}
	res := b.submit(hist, revertTo(1), nil)
	expectRedirect(t, res, path)
	// Duisburg is published: the message says the restored version is public at once.
	if got, want := b.follow(res).flash(), adminEN.FlashReverted+" "+adminEN.RevertedIsPublic; got != want {
		t.Errorf("flash %q, want %q", got, want)
	}
	c := cityByID(t, db, duisburg.ID)
	if c.Summary.EN != duisburg.Summary.EN || c.Version != 4 {
		t.Fatalf("after reverting to version 1: summary %q, version %d; want %q, 4", c.Summary.EN, c.Version, duisburg.Summary.EN)
	}
	if n := queryInt(t, db, `SELECT count(*) FROM revisions WHERE entity = 'city' AND entity_id = $1`, itoa(duisburg.ID)); n != 4 {
		t.Errorf("%d revisions, want 4", n)
	}
	var action, detail, changesJSON string
	if err := db.QueryRow(context.Background(), `SELECT action, detail, changes::text FROM audit_log
		WHERE entity = 'city' AND entity_id = $1 ORDER BY id DESC LIMIT 1`, itoa(duisburg.ID)).Scan(&action, &detail, &changesJSON); err != nil {
		t.Fatal(err)
	}
	if action != "revert" || detail != "version 1" {
		t.Errorf("the audit says %q %q, want revert, version 1", action, detail)
	}
	var changes []content.Change
	if err := json.Unmarshal([]byte(changesJSON), &changes); err != nil {
		t.Fatal(err)
	}
	if len(changes) != 1 || changes[0] != (content.Change{Field: "summary_en", Before: "Second change.", After: duisburg.Summary.EN}) {
		t.Errorf("the revert's changes: %+v", changes)
	}
	after := b.mustGet(path + "/history")
	if items := auditItems(after, "main"); len(items) == 0 || !strings.Contains(items[0].meta, adminEN.ActionNames["revert"]) {
		t.Errorf("the entry's history does not show the revert first")
	}

	// A revert from a page older than the last save is refused and changes nothing.
	res = b.submit(hist, revertTo(2), nil)
	expectRedirect(t, res, path+"/history")
	if got := b.follow(res).flash(); got != adminEN.ConflictIntro {
		t.Errorf("flash %q, want %q", got, adminEN.ConflictIntro)
	}
	if c := cityByID(t, db, duisburg.ID); c.Summary.EN != duisburg.Summary.EN || c.Version != 4 {
		t.Errorf("a stale revert changed the city: summary %q, version %d", c.Summary.EN, c.Version)
	}
	if n := queryInt(t, db, `SELECT count(*) FROM audit_log WHERE entity = 'city' AND entity_id = $1`, itoa(duisburg.ID)); n != 4 {
		t.Errorf("%d audit lines, want 4 (create, 2 updates, revert)", n)
	}
}

// The change log's page number comes from the address: a huge one is an empty page, not a 500
// (page × 50 overflowing into a negative OFFSET).
func TestChangeLogHugePageNumber(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	addEditor(t, db)
	b := startSite(t, db).newBrowser(t, "en")
	b.mustSignIn(editorEmail, editorPassword)

	for _, page := range []string{"184467440737095516", "999999999999999999", "-3", "x"} {
		res := b.get("/admin/history?page=" + page)
		if res.status != http.StatusOK && res.status != http.StatusBadRequest {
			t.Errorf("/admin/history?page=%s: status %d, want 200 (or 400)", page, res.status)
		}
	}
	// Page 0 and a page past the end are what they say.
	if n, want := len(auditItems(b.mustGet("/admin/history"), "main")), min(50, int(queryInt(t, db, `SELECT count(*) FROM audit_log`))); n != want {
		t.Errorf("the first page has %d lines, want %d", n, want)
	}
	if n := len(auditItems(b.mustGet("/admin/history?page=1000"), "main")); n != 0 {
		t.Errorf("page 1000 has %d lines, want none", n)
	}
}
