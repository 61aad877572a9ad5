package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"twincities/internal/content"
	"twincities/internal/postgres/pgtest"
)

func TestEveryAdminResponseIsNoStore(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	addEditor(t, db)
	site := startSite(t, db)
	duisburg := cityBySlug(t, db, content.Twin, "duisburg")
	path := twinPath(duisburg.ID)

	b := site.newBrowser(t, "en")
	b.noStoreChecked = false // checked here, one by one, with the status each should have
	type check struct {
		what   string
		res    func() page
		status int
	}
	anon := []check{
		{"sign-in page", func() page { return b.get("/admin/login") }, http.StatusOK},
		{"wrong password", func() page { return b.signIn(editorEmail, "Not the password at all") }, http.StatusUnauthorized},
		{"dashboard signed out", func() page { return b.get("/admin/") }, http.StatusSeeOther},
		{"unknown admin address", func() page { return b.get("/admin/no-such-page") }, http.StatusNotFound},
		{"language switch", func() page {
			return b.post("/admin/language", url.Values{"lang": {"en"}, "back": {"/admin/login"}})
		}, http.StatusSeeOther},
		{"cross-origin sign-in", func() page {
			return b.post("/admin/login", url.Values{"email": {editorEmail}, "password": {editorPassword}}, "Sec-Fetch-Site", "cross-site")
		}, http.StatusForbidden},
		// Bodies refused before they are read (found by FuzzRequestBodies).
		{"sign-in too large", func() page {
			return b.post("/admin/login", url.Values{"email": {strings.Repeat("a", 9<<10)}})
		}, http.StatusRequestEntityTooLarge},
		{"multipart sign-in", func() page {
			return b.postMultipart("/admin/login", url.Values{"email": {editorEmail}}, nil)
		}, http.StatusUnsupportedMediaType},
		{"sign-in", func() page { return b.signIn(editorEmail, editorPassword) }, http.StatusSeeOther},
	}
	signedIn := []check{
		{"dashboard", func() page { return b.get("/admin/") }, http.StatusOK},
		{"list", func() page { return b.get("/admin/twin-cities") }, http.StatusOK},
		{"edit page", func() page { return b.get(path) }, http.StatusOK},
		{"preview", func() page { return b.get(path + "/preview?lang=en") }, http.StatusOK},
		{"entry history", func() page { return b.get(path + "/history") }, http.StatusOK},
		{"change log", func() page { return b.get("/admin/history") }, http.StatusOK},
		{"trash", func() page { return b.get("/admin/trash") }, http.StatusOK},
		{"staff, for an editor", func() page { return b.get("/admin/users") }, http.StatusForbidden},
		{"no such city", func() page { return b.get("/admin/twin-cities/999999") }, http.StatusNotFound},
		{"trailing slash", func() page { return b.get("/admin/twin-cities/") }, http.StatusMovedPermanently},
		{"GET on a form's action", func() page { return b.get(path + "/publish") }, http.StatusMethodNotAllowed},
		{"save without a version", func() page { return b.post(path, url.Values{"slug": {"duisburg"}}) }, http.StatusBadRequest},
		{"invalid form", func() page {
			return b.submit(b.get("/admin/twin-cities/new"), formAt("/admin/twin-cities/new"), url.Values{"slug": {"Not a slug"}})
		}, http.StatusUnprocessableEntity},
		{"stale save", func() page {
			return b.post(path, url.Values{"version": {"1000"}, "slug": {"duisburg"}, "name_ru": {"Дуйсбург"},
				"name_en": {"Duisburg"}, "country": {"DE"}, "status": {"active"}})
		}, http.StatusConflict},
		{"cross-origin save", func() page {
			return b.post(path, url.Values{"version": {"1"}}, "Sec-Fetch-Site", "cross-site")
		}, http.StatusForbidden},
		{"sign-out", func() page { return b.post("/admin/logout", nil) }, http.StatusSeeOther},
	}
	for _, c := range append(anon, signedIn...) {
		res := c.res()
		if res.status != c.status {
			t.Errorf("%s (%s): status %d, want %d", c.what, res.path, res.status, c.status)
		}
		if cc := res.header.Get("Cache-Control"); cc != "no-store" {
			t.Errorf("%s (%s, %d): Cache-Control %q, want no-store", c.what, res.path, res.status, cc)
		}
	}

	// The public site may be cached: no-store is for the admin.
	if cc := b.get("/en/twin-cities").header.Get("Cache-Control"); cc == "no-store" {
		t.Error("a public page is marked no-store")
	}
}
