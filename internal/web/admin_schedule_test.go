package web_test

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"twincities/internal/content"
	"twincities/internal/postgres/pgtest"
	"twincities/internal/store"
	"twincities/internal/web"
)

// draftCity creates a complete draft twin city, ready to be published.
func draftCity(tb testing.TB, db store.TxBeginner, slug string) content.City {
	tb.Helper()
	c := content.City{Kind: content.Twin, Slug: slug, Country: "DE", Status: content.Active,
		Name: content.Text{RU: "Город " + slug, EN: "City " + slug}, Since: content.YearDate(2006)}
	if err := store.Cities.Create(context.Background(), db, &c, store.Actor{Name: "test"}); err != nil {
		tb.Fatal(err)
	}
	return c
}

// TestScheduleForm sets an entry to be withdrawn later: a moment past is refused with the typed
// values kept, a moment to come is stored as the instant it is in Perm, listed, and cancelled.
func TestScheduleForm(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	addEditor(t, db)
	site := startSite(t, db)
	b := site.newBrowser(t, "en")
	b.mustSignIn(editorEmail, editorPassword)
	c := draftCity(t, db, "schedule-form")
	path := twinPath(c.ID)
	action := path + "/schedule"

	edit := b.mustGet(path)
	if !strings.Contains(edit.doc.Find(".schedule").Text(), adminEN.PermTimeZone) {
		t.Errorf("the schedule section does not name the zone %q", adminEN.PermTimeZone)
	}
	if got := squash(edit.doc.Find(".schedule-none").Text()); got != adminEN.ScheduleNone {
		t.Errorf("nothing scheduled says %q, want %q", got, adminEN.ScheduleNone)
	}

	// A moment past: the form again, 422, the values kept, nothing stored.
	past := time.Now().In(content.PermZone()).Add(-time.Hour)
	res := b.submit(edit, formAt(action), url.Values{"action": {"unpublish"}, "date": {past.Format(time.DateOnly)},
		"time": {past.Format("15:04")}})
	expectStatus(t, res, http.StatusUnprocessableEntity)
	if got := squash(res.doc.Find("#schedule-date-error").Text()); got != adminEN.SchedulePast {
		t.Errorf("past moment: message %q, want %q", got, adminEN.SchedulePast)
	}
	if got := res.doc.Find("#schedule-date").AttrOr("value", ""); got != past.Format(time.DateOnly) {
		t.Errorf("the date kept as %q", got)
	}
	if got := res.doc.Find("#schedule-time").AttrOr("value", ""); got != past.Format("15:04") {
		t.Errorf("the time kept as %q", got)
	}
	if _, ok := res.doc.Find(`input[name="action"][value="unpublish"]`).Attr("checked"); !ok {
		t.Error("the chosen action is not kept")
	}
	if res.doc.Find(`#schedule-date[aria-invalid="true"]`).Length() != 1 {
		t.Error("the date is not marked invalid")
	}

	// Not a time at all.
	res = b.submit(edit, formAt(action), url.Values{"date": {"2099-01-01"}, "time": {"25:99"}})
	expectStatus(t, res, http.StatusUnprocessableEntity)
	if got := squash(res.doc.Find("#schedule-time-error").Text()); got != adminEN.ScheduleTimeInvalid {
		t.Errorf("bad time: message %q, want %q", got, adminEN.ScheduleTimeInvalid)
	}
	if n := queryInt(t, db, `SELECT count(*) FROM schedules`); n != 0 {
		t.Fatalf("%d schedules stored from refused forms", n)
	}

	// A moment to come, typed in Perm time: stored as that instant (UTC+5).
	year := strconv.Itoa(time.Now().Year() + 1)
	res = b.submit(edit, formAt(action), url.Values{"action": {"publish"}, "date": {year + "-03-15"}, "time": {"10:30"}})
	expectRedirect(t, res, path)
	edit = b.follow(res)
	if got := edit.flash(); got != adminEN.FlashScheduled {
		t.Errorf("flash %q, want %q", got, adminEN.FlashScheduled)
	}
	want := year + "-03-15T05:30:00Z"
	if got := queryString(t, db, `SELECT to_char(run_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') FROM schedules`); got != want {
		t.Errorf("stored run_at %s, want %s", got, want)
	}
	row := edit.doc.Find(".schedule-pending li")
	if row.Length() != 1 || !strings.Contains(squash(row.Text()), "15 March "+year+", 10:30: "+adminEN.SchedulePublishNoun) {
		t.Errorf("pending list %q, want the publication on 15 March %s, 10:30", squash(row.Text()), year)
	}

	// On the dashboard, coming up.
	if got := squash(b.mustGet("/admin/").doc.Find(".schedule-coming li").Text()); !strings.Contains(got, "City schedule-form") {
		t.Errorf("the dashboard's coming up list says %q, want the city", got)
	}

	// Cancelled, once.
	sid := queryInt(t, db, `SELECT id FROM schedules`)
	cancel := path + "/schedule/" + itoa(sid) + "/cancel"
	res = b.submit(edit, formAt(cancel), nil)
	expectRedirect(t, res, path)
	if got := b.follow(res).flash(); got != adminEN.FlashScheduleCancelled {
		t.Errorf("flash %q, want %q", got, adminEN.FlashScheduleCancelled)
	}
	if n := queryInt(t, db, `SELECT count(*) FROM schedules`); n != 0 {
		t.Errorf("%d schedules left after the cancel", n)
	}
	res = b.post(cancel, nil)
	expectRedirect(t, res, path)
	if got := b.follow(res).flash(); got != adminEN.ScheduleGoneAlready {
		t.Errorf("second cancel: flash %q, want %q", got, adminEN.ScheduleGoneAlready)
	}
}

// TestScheduledPublicationHappensOnceWithTwoInstances runs two servers over one database, each
// with its scheduler: every due publication is carried out once, by one of them, with one
// revision and one audit line by the scheduler.
func TestScheduledPublicationHappensOnceWithTwoInstances(t *testing.T) {
	t.Parallel()
	db := pgtest.EmptyDB(t)
	fast := func(d *web.Deps) { d.ScheduleEvery = 10 * time.Millisecond }
	const n = 12
	ids := make([]int64, n)
	for i := range ids {
		c := draftCity(t, db, "twice-"+strconv.Itoa(i))
		ids[i] = c.ID
		sc := store.Schedule{Entity: content.EntityCity, EntryID: c.ID, Action: store.SchedulePublish, RunAt: time.Now().Add(-time.Second)}
		if err := store.AddSchedule(context.Background(), db, &sc, store.Actor{Name: "test"}, "test"); err != nil {
			t.Fatal(err)
		}
	}
	one, two := startSite(t, db, fast), startSite(t, db, fast)
	deadline := time.Now().Add(30 * time.Second)
	for queryInt(t, db, `SELECT count(*) FROM schedules WHERE done_at IS NULL`) > 0 {
		if time.Now().After(deadline) {
			t.Fatal("the schedules were not carried out in 30 s")
		}
		time.Sleep(20 * time.Millisecond)
	}
	time.Sleep(100 * time.Millisecond) // several more runs of both schedulers: nothing more to do
	for _, id := range ids {
		c := cityByID(t, db, id)
		if !c.Published || c.Version != 2 {
			t.Errorf("city %d: published %v at version %d, want published at version 2", id, c.Published, c.Version)
		}
		if got := queryInt(t, db, `SELECT count(*) FROM audit_log WHERE entity = 'city' AND entity_id = $1 AND action = 'publish'
			AND user_id IS NULL AND user_name = $2`, itoa(id), store.SchedulerActor.Name); got != 1 {
			t.Errorf("city %d: %d publish lines by the scheduler, want 1", id, got)
		}
		if got := queryInt(t, db, `SELECT count(*) FROM revisions WHERE entity = 'city' AND entity_id = $1`, itoa(id)); got != 2 {
			t.Errorf("city %d: %d revisions, want 2", id, got)
		}
	}
	// Together the two instances report each one carried out once.
	counted := 0
	for _, site := range []*adminSite{one, two} {
		for _, m := range regexp.MustCompile(`msg="scheduled publications carried out" count=(\d+)`).FindAllStringSubmatch(site.log.String(), -1) {
			k, _ := strconv.Atoi(m[1])
			counted += k
		}
	}
	if counted != n {
		t.Errorf("the instances' logs count %d publications, want %d", counted, n)
	}
}

// TestScheduleFailureShownOnDashboard: a scheduled publication of an entry missing English
// leaves it a draft, and the dashboard says which field is missing, in the reader's language.
func TestScheduleFailureShownOnDashboard(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	addEditor(t, db)
	ctx := context.Background()
	c := content.City{Kind: content.Twin, Slug: "half-done", Country: "DE", Status: content.Active,
		Name: content.Text{RU: "Недописанный"}, Since: content.YearDate(2006)}
	if err := store.Cities.Create(ctx, db, &c, store.Actor{Name: "test"}); err != nil {
		t.Fatal(err)
	}
	sc := store.Schedule{Entity: content.EntityCity, EntryID: c.ID, Action: store.SchedulePublish, RunAt: time.Now().Add(-time.Second)}
	if err := store.AddSchedule(ctx, db, &sc, store.Actor{Name: "test"}, "test"); err != nil {
		t.Fatal(err)
	}
	site := startSite(t, db, func(d *web.Deps) { d.ScheduleEvery = 10 * time.Millisecond })
	deadline := time.Now().Add(30 * time.Second)
	for queryInt(t, db, `SELECT count(*) FROM schedules WHERE done_at IS NULL`) > 0 {
		if time.Now().After(deadline) {
			t.Fatal("the schedule was not settled in 30 s")
		}
		time.Sleep(20 * time.Millisecond)
	}
	if cityByID(t, db, c.ID).Published {
		t.Fatal("an entry missing English was published")
	}
	for _, lang := range []string{"en", "ru"} {
		b := site.newBrowser(t, lang)
		b.mustSignIn(editorEmail, editorPassword)
		a := adminEN
		if lang == "ru" {
			a = adminRU
		}
		got := squash(b.mustGet("/admin/").doc.Find(".schedule-failed li").Text())
		want := strings.Replace(a.ScheduleIncomplete, "%s", a.FieldLabel("name_en"), 1)
		if !strings.Contains(got, "Недописанный") || !strings.Contains(got, squash(want)) {
			t.Errorf("%s: the dashboard's failures say %q, want the city and %q", lang, got, want)
		}
	}
}
