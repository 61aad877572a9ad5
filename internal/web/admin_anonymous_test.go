package web_test

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"twincities/internal/content"
	"twincities/internal/postgres/pgtest"
)

// A post from anyone on the internet to a staff form made a session to keep the form for after
// sign-in: ten posts added 89 MB to the database in two seconds. A visitor with no session gets
// none, and the database keeps nothing of what they sent.
func TestAnonymousPostsStoreNothing(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	site := startSite(t, db)
	city := cityBySlug(t, db, content.Twin, "duisburg")
	big := strings.Repeat("Пермь ", 55_000) // about 1.7 MB once percent-encoded, under the admin limit
	paths := []string{"/admin/twin-cities/new", twinPath(city.ID), "/admin/users/new", "/admin/logout",
		"/admin/language", twinPath(city.ID) + "/publish"}
	for _, path := range paths {
		b := site.newBrowser(t, "en")
		res := b.post(path, url.Values{"summary_en": {big}, "version": {strconv.Itoa(city.Version)}, "lang": {"ru"}}, "Referer", site.srv.URL+path)
		if res.status != http.StatusSeeOther {
			t.Errorf("POST %s: status %d, want 303", path, res.status)
		}
		if b.sessionToken() != "" {
			t.Errorf("POST %s: the visitor was given a session", path)
		}
	}
	if n := queryInt(t, db, `SELECT count(*) FROM sessions`); n != 0 {
		t.Errorf("%d sessions stored after anonymous posts, want 0", n)
	}
}

// A form kept for after signing in again is bounded: a longer one is not kept, and the sign-in
// page says so, so that the person copies their text before it is gone.
func TestOversizedFormIsNotKeptButThePersonIsTold(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	addEditor(t, db)
	clk := newClock(testStart)
	b := startSite(t, db, withClock(clk)).newBrowser(t, "ru")
	b.mustSignIn(editorEmail, editorPassword)
	city := cityBySlug(t, db, content.Twin, "duisburg")
	path := twinPath(city.ID)
	edit := b.mustGet(path)
	clk.Advance(2 * time.Hour)

	res := b.submit(edit, formAt(path), url.Values{"body_en": {strings.Repeat("Long story. ", 7000)}}) // 84 KB
	expectRedirect(t, res, "/admin/login?next="+url.QueryEscape(path))
	login := b.follow(res)
	if got := login.flash(); got != adminRU.PendingTooLarge {
		t.Errorf("the sign-in page says %q, want %q", got, adminRU.PendingTooLarge)
	}
	if n := queryInt(t, db, `SELECT coalesce(max(length(data)), 0) FROM sessions`); n > 64<<10 {
		t.Errorf("a session holds %d bytes", n)
	}
	in := b.submit(login, formAt("/admin/login"), url.Values{"email": {editorEmail}, "password": {editorPassword}})
	back := b.follow(in)
	if got := back.flash(); got == adminRU.PendingKept {
		t.Error("the edit page claims a form was kept")
	}
}
