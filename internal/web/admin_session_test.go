package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"twincities/internal/content"
	"twincities/internal/postgres/pgtest"
	"twincities/internal/store"
)

// testStart is when the clock of the session tests starts.
var testStart = time.Date(2026, time.November, 26, 9, 0, 0, 0, time.UTC)

// expectExpired fails the test unless p sends to the sign-in page, which then says the session ended.
func expectExpired(tb testing.TB, b *browser, p page) {
	tb.Helper()
	expectSignInPage(tb, p)
	login := b.follow(p)
	expectStatus(tb, login, http.StatusOK)
	if got := login.flash(); got != adminEN.SessionExpired {
		tb.Errorf("the sign-in page says %q, want %q", got, adminEN.SessionExpired)
	}
}

func TestSessionEndsAfterAnHourIdle(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	addEditor(t, db)
	clk := newClock(testStart)
	b := startSite(t, db, withClock(clk)).newBrowser(t, "en")
	b.mustSignIn(editorEmail, editorPassword)

	clk.Advance(59 * time.Minute)
	expectStatus(t, b.get("/admin/"), http.StatusOK)
	clk.Advance(59 * time.Minute) // an hour and more since sign-in, but not idle for an hour
	expectStatus(t, b.get("/admin/"), http.StatusOK)

	clk.Advance(time.Hour + time.Second)
	res := b.get("/admin/twin-cities")
	expectRedirect(t, res, "/admin/login?next="+url.QueryEscape("/admin/twin-cities"))
	expectExpired(t, b, res)
	// Ended for good, not only for one request.
	expectSignInPage(t, b.get("/admin/"))
}

func TestSessionEndsTwelveHoursAfterSignIn(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	addEditor(t, db)
	clk := newClock(testStart)
	b := startSite(t, db, withClock(clk)).newBrowser(t, "en")
	b.mustSignIn(editorEmail, editorPassword)

	for elapsed := 30 * time.Minute; elapsed <= 12*time.Hour; elapsed += 30 * time.Minute {
		clk.Advance(30 * time.Minute)
		if res := b.get("/admin/"); res.status != http.StatusOK {
			t.Fatalf("active every 30 minutes, the session ended after %v (status %d to %q)", elapsed, res.status, res.location())
		}
	}
	clk.Advance(30 * time.Minute)
	expectExpired(t, b, b.get("/admin/"))
}

func TestSessionEndsWhenItsRowExpires(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	addEditor(t, db)
	b := startSite(t, db).newBrowser(t, "en")
	b.mustSignIn(editorEmail, editorPassword)
	expectStatus(t, b.get("/admin/"), http.StatusOK)

	exec(t, db, `UPDATE sessions SET expiry = now() - interval '1 second'`)
	expectSignInPage(t, b.get("/admin/"))
	expectSignInPage(t, b.get("/admin/twin-cities"))
}

func TestFormPostedAfterSessionEndedIsKept(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	addEditor(t, db)
	clk := newClock(testStart)
	b := startSite(t, db, withClock(clk)).newBrowser(t, "en")
	b.mustSignIn(editorEmail, editorPassword)

	duisburg := cityBySlug(t, db, content.Twin, "duisburg")
	path := twinPath(duisburg.ID)
	edit := b.mustGet(path)
	clk.Advance(2 * time.Hour) // lunch, then the person saves

	const typed = "Signed in Wiesbaden on 15 October 2007; typed before the session ended."
	res := b.submit(edit, formAt(path), url.Values{
		"summary_en": {typed}, "region_en": {"North Rhine-Westphalia"}, "region_ru": {"Северный Рейн — Вестфалия"},
	})
	expectRedirect(t, res, "/admin/login?next="+url.QueryEscape(path))

	// Nothing was saved meanwhile.
	if c := cityByID(t, db, duisburg.ID); c.Summary.EN != duisburg.Summary.EN || c.Version != duisburg.Version || c.Region.EN != "" {
		t.Fatalf("a form posted without a session changed the city: summary %q, region %q, version %d", c.Summary.EN, c.Region.EN, c.Version)
	}

	login := b.follow(res)
	if got := login.flash(); got != adminEN.SessionExpired {
		t.Errorf("the sign-in page says %q, want %q", got, adminEN.SessionExpired)
	}
	in := b.submit(login, formAt("/admin/login"), url.Values{"email": {editorEmail}, "password": {editorPassword}})
	expectRedirect(t, in, path)
	back := b.follow(in)
	expectStatus(t, back, http.StatusOK)
	if got := back.flash(); got != adminEN.PendingKept {
		t.Errorf("the edit page says %q, want %q", got, adminEN.PendingKept)
	}
	if got := back.doc.Find("#f-summary-en").Text(); got != typed {
		t.Errorf("summary (English) in the form is %q, want what was typed: %q", got, typed)
	}
	if got := back.doc.Find("#f-region-en").AttrOr("value", ""); got != "North Rhine-Westphalia" {
		t.Errorf("region (English) in the form is %q, want what was typed", got)
	}
	if c := cityByID(t, db, duisburg.ID); c.Summary.EN != duisburg.Summary.EN || c.Version != duisburg.Version {
		t.Fatalf("signing in again saved the kept form: summary %q, version %d", c.Summary.EN, c.Version)
	}

	// Saving it now works.
	expectRedirect(t, b.submit(back, formAt(path), nil), path)
	if c := cityByID(t, db, duisburg.ID); c.Summary.EN != typed || c.Region.EN != "North Rhine-Westphalia" || c.Version != duisburg.Version+1 {
		t.Errorf("after saving: summary %q, region %q, version %d", c.Summary.EN, c.Region.EN, c.Version)
	}
	// Given back once: the edit page shows the stored entry again.
	if got := b.mustGet(path).flash(); got == adminEN.PendingKept {
		t.Error("the kept form was given back twice")
	}
}

func TestFormKeptAfterSessionEndedHoldsNoPassword(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	addAdmin(t, db)
	clk := newClock(testStart)
	b := startSite(t, db, withClock(clk)).newBrowser(t, "en")
	b.mustSignIn(adminEmail, adminPassword)
	form := b.mustGet("/admin/users/new")
	clk.Advance(2 * time.Hour)

	const secret = "Brand new colleague secret 77"
	res := b.submit(form, formAt("/admin/users/new"), url.Values{
		"name": {"Новый Сотрудник"}, "email": {"new@perm.example"}, "password": {secret}, "password2": {secret},
	})
	expectSignInPage(t, res)
	if n := queryInt(t, db, `SELECT count(*) FROM users WHERE email = 'new@perm.example'`); n != 0 {
		t.Fatal("the account was added without a session")
	}
	// The session kept for the person to sign in again must not hold a password in clear text.
	if n := queryInt(t, db, `SELECT count(*) FROM sessions WHERE position(convert_to($1, 'UTF8') in data) > 0`, secret); n != 0 {
		t.Errorf("the sessions table holds the posted password in clear text (%d rows)", n)
	}
	if strings.Contains(b.site.log.String(), secret) {
		t.Error("the posted password is in the log")
	}
}

// A button (publish, move to trash, sign out) pressed after the session ended leads to the sign-in
// page; signing in must then lead to a page, not to the button's address, which answers only POST.
func TestSignInAfterSessionEndedOnAButton(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	addEditor(t, db)
	clk := newClock(testStart)
	site := startSite(t, db, withClock(clk))
	duisburg := cityBySlug(t, db, content.Twin, "duisburg")
	path := twinPath(duisburg.ID)

	for _, action := range []string{path + "/unpublish", path + "/delete", "/admin/logout"} {
		t.Run(action, func(t *testing.T) {
			b := site.newBrowser(t, "en")
			b.mustSignIn(editorEmail, editorPassword)
			edit := b.mustGet(path)
			clk.Advance(2 * time.Hour)
			res := b.submit(edit, formAt(action), nil)
			expectSignInPage(t, res)
			in := b.submit(b.follow(res), formAt("/admin/login"), url.Values{"email": {editorEmail}, "password": {editorPassword}})
			if in.status != http.StatusSeeOther {
				t.Fatalf("sign-in: status %d", in.status)
			}
			if landed := b.follow(in); landed.status != http.StatusOK {
				t.Errorf("after signing in again, %s answers %d, want a page (200)", in.location(), landed.status)
			}
			if c := cityByID(t, db, duisburg.ID); c.Version != duisburg.Version {
				t.Errorf("the button pressed without a session changed the city (version %d)", c.Version)
			}
		})
	}
}

// A refused publish shows the entry's form at the publish button's address. If the session ends
// while the person completes that form, signing in again must bring them back to the entry's page
// with what they typed, as for any edit.
func TestFormPostedFromARefusedPublishIsKept(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	addEditor(t, db)
	clk := newClock(testStart)
	b := startSite(t, db, withClock(clk)).newBrowser(t, "en")
	b.mustSignIn(editorEmail, editorPassword)

	draft := content.City{Kind: content.Twin, Slug: "nantes", Name: content.Text{RU: "Нант"}, Country: "FR", Status: content.Active}
	if err := store.Cities.Create(context.Background(), db, &draft, store.Actor{Name: "test"}); err != nil {
		t.Fatal(err)
	}
	path := twinPath(draft.ID)
	refused := b.publishDraft(b.mustGet(path), path, nil)
	expectStatus(t, refused, http.StatusUnprocessableEntity)

	clk.Advance(2 * time.Hour)
	res := b.submit(refused, formAt(path), url.Values{"name_en": {"Nantes"}})
	expectSignInPage(t, res)
	in := b.submit(b.follow(res), formAt("/admin/login"), url.Values{"email": {editorEmail}, "password": {editorPassword}})
	expectRedirect(t, in, path)
	back := b.follow(in)
	expectStatus(t, back, http.StatusOK)
	if got := back.flash(); got != adminEN.PendingKept {
		t.Errorf("the edit page says %q, want %q", got, adminEN.PendingKept)
	}
	if got := back.doc.Find("#f-name-en").AttrOr("value", ""); got != "Nantes" {
		t.Errorf("name (English) in the form is %q, want what was typed", got)
	}
	if c := cityByID(t, db, draft.ID); c.Name.EN != "" || c.Version != draft.Version {
		t.Errorf("a form posted without a session changed the city: %+v", c.Name)
	}
}
