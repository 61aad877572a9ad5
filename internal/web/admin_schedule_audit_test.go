package web_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"twincities/internal/content"
	"twincities/internal/postgres/pgtest"
)

// TestScheduleAudited: setting and cancelling a schedule each write a line to the audit log by
// the person, which the change log shows in words: what, when in Perm time, of which entry.
func TestScheduleAudited(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	addEditor(t, db)
	site := startSite(t, db)
	b := site.newBrowser(t, "en")
	b.mustSignIn(editorEmail, editorPassword)
	c := draftCity(t, db, "audited")
	path := twinPath(c.ID)
	year := strconv.Itoa(time.Now().Year() + 1)
	edit := b.mustGet(path)
	res := b.submit(edit, formAt(path+"/schedule"), url.Values{"action": {"publish"}, "date": {year + "-03-15"}, "time": {"10:30"}})
	expectRedirect(t, res, path)
	if n := queryInt(t, db, `SELECT count(*) FROM audit_log WHERE action = 'schedule_set' AND entity = 'city'
		AND entity_id = $1 AND user_name = $2`, itoa(c.ID), editorName); n != 1 {
		t.Fatalf("%d audit lines of the schedule set by the editor, want 1", n)
	}
	sid := queryInt(t, db, `SELECT id FROM schedules`)
	expectRedirect(t, b.post(path+"/schedule/"+itoa(sid)+"/cancel", nil), path)
	if n := queryInt(t, db, `SELECT count(*) FROM audit_log WHERE action = 'schedule_cancel' AND entity_id = $1 AND user_name = $2`,
		itoa(c.ID), editorName); n != 1 {
		t.Fatalf("%d audit lines of the cancel, want 1", n)
	}
	// A second cancel finds nothing and writes nothing.
	b.post(path+"/schedule/"+itoa(sid)+"/cancel", nil)
	if n := queryInt(t, db, `SELECT count(*) FROM audit_log WHERE action = 'schedule_cancel'`); n != 1 {
		t.Errorf("%d cancel lines after a second cancel, want 1", n)
	}

	for _, c := range []struct {
		lang, set, cancel, when string
	}{
		{"en", "publication or withdrawal scheduled", "scheduled action cancelled", "Publication on 15 March " + year + ", 10:30, Perm time"},
		{"ru", "назначение публикации или снятия", "отмена назначенного", "Публикация — 15 марта " + year + " г., 10:30 по пермскому времени"},
	} {
		b := site.newBrowser(t, c.lang)
		b.mustSignIn(editorEmail, editorPassword)
		for action, word := range map[string]string{"schedule_set": c.set, "schedule_cancel": c.cancel} {
			p := b.mustGet("/admin/history?action=" + action)
			line := squash(strings.ReplaceAll(p.doc.Find("ol.award-list li p.meta").Text(), "\u00a0", " "))
			if !strings.Contains(line, word) || !strings.Contains(line, "Город audited / City audited") || !strings.Contains(line, c.when) {
				t.Errorf("%s, %s: the change log says %q, want %q, the city and %q", c.lang, action, line, word, c.when)
			}
			if strings.Contains(line, "publish ") || strings.Contains(line, "T05:30:00Z") {
				t.Errorf("%s, %s: the change log shows the stored code: %q", c.lang, action, line)
			}
		}
	}
}

// TestScheduleFailureDismissed: staff take a failed scheduled action off the dashboard with a
// button; setting a new schedule for the entry clears its failures too, and no other entry's.
func TestScheduleFailureDismissed(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	addEditor(t, db)
	site := startSite(t, db)
	b := site.newBrowser(t, "en")
	b.mustSignIn(editorEmail, editorPassword)
	one, two := draftCity(t, db, "failed-one"), draftCity(t, db, "failed-two")
	failed := `INSERT INTO schedules (entity, entry_id, action, run_at, created_by_name, done_at, error, detail)
		VALUES ('city', $1, 'publish', now() - interval '1 hour', 'test', now(), 'incomplete', 'name_en') RETURNING id`
	var ids []int64
	for _, c := range []content.City{one, two, two} {
		ids = append(ids, queryInt(t, db, failed, c.ID))
	}
	dash := b.mustGet("/admin/")
	if n := dash.doc.Find(".schedule-failed li").Length(); n != 3 {
		t.Fatalf("the dashboard lists %d failures, want 3", n)
	}
	dismiss := "/admin/schedules/" + itoa(ids[0]) + "/dismiss"
	button := dash.doc.Find(`form[action="` + dismiss + `"] button`)
	if !strings.HasPrefix(squash(button.Text()), adminEN.ScheduleDismiss+": "+adminEN.SchedulePublishNoun+", City failed-one") {
		t.Errorf("the dismiss button says %q", squash(button.Text()))
	}
	res := b.submit(dash, formAt(dismiss), nil)
	expectRedirect(t, res, "/admin/")
	dash = b.follow(res)
	if got := dash.flash(); got != adminEN.FlashDismissed {
		t.Errorf("flash %q, want %q", got, adminEN.FlashDismissed)
	}
	if got := squash(dash.doc.Find(".schedule-failed").Text()); strings.Contains(got, "failed-one") || !strings.Contains(got, "failed-two") {
		t.Errorf("after dismissing: %q", got)
	}
	// Dismissed twice (two people at once): no error. A pending schedule is not dismissed.
	expectRedirect(t, b.post(dismiss, nil), "/admin/")
	expectStatus(t, b.post("/admin/schedules/x/dismiss", nil), http.StatusNotFound)

	// Scheduling the second city again clears both of its failures.
	year := strconv.Itoa(time.Now().Year() + 1)
	edit := b.mustGet(twinPath(two.ID))
	expectRedirect(t, b.submit(edit, formAt(twinPath(two.ID)+"/schedule"), url.Values{"action": {"publish"},
		"date": {year + "-01-10"}, "time": {"09:00"}}), twinPath(two.ID))
	if n := queryInt(t, db, `SELECT count(*) FROM schedules WHERE error <> ''`); n != 0 {
		t.Errorf("%d failures left after scheduling again", n)
	}
	pending := queryInt(t, db, `SELECT id FROM schedules WHERE done_at IS NULL`)
	expectRedirect(t, b.post("/admin/schedules/"+itoa(pending)+"/dismiss", nil), "/admin/")
	if n := queryInt(t, db, `SELECT count(*) FROM schedules WHERE done_at IS NULL`); n != 1 {
		t.Error("a pending schedule was dismissed")
	}
	if b.mustGet("/admin/").doc.Find(".schedule-failed").Length() != 0 {
		t.Error("the dashboard still lists failures")
	}
}

// TestAuditDetailsInWords: the change log tells the details the store writes as codes in words:
// a new account's role, the version a revert went back to, the city an event was purged with; and
// the author of what was done on the server's command line.
func TestAuditDetailsInWords(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	addEditor(t, db)
	site := startSite(t, db)
	insert := `INSERT INTO audit_log (user_name, action, entity, entity_id, label, detail) VALUES ('test', $1, $2, '1', $3, $4)`
	exec(t, db, insert, "user_add", "user", "Someone <someone@perm.example>", "admin")
	exec(t, db, insert, "revert", "city", "Город / City", "version 3")
	exec(t, db, insert, "purge", "event", "Событие / Event", "city 12")
	// An account made on the server (twincities user add) is written by "command line".
	exec(t, db, `INSERT INTO audit_log (user_name, action, entity, entity_id, label, detail)
		VALUES ('command line', 'user_add', 'user', '2', 'Other <other@perm.example>', 'editor')`)
	for _, c := range []struct {
		lang  string
		words []string
	}{
		{"en", []string{adminEN.RoleNames[content.Admin], "back to version 3", "with its city (no. 12)", adminEN.CommandLineName}},
		{"ru", []string{adminRU.RoleNames[content.Admin], "к версии 3", "вместе с городом (№ 12)", adminRU.CommandLineName}},
	} {
		b := site.newBrowser(t, c.lang)
		b.mustSignIn(editorEmail, editorPassword)
		log := squash(strings.ReplaceAll(b.mustGet("/admin/history").doc.Find("ol.award-list").Text(), "\u00a0", " "))
		for _, w := range c.words {
			if !strings.Contains(log, "· "+w) {
				t.Errorf("%s: the change log does not say %q: %q", c.lang, w, log)
			}
		}
		for _, code := range []string{`· admin([^a-z]|$)`, "· version 3", "· city 12", "· command line ·"} {
			if regexp.MustCompile(code).MatchString(log) {
				t.Errorf("%s: the change log shows the code %q", c.lang, code)
			}
		}
	}
}
