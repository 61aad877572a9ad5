package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"twincities/internal/content"
	"twincities/internal/postgres/pgtest"
)

// crossOrigin are the ways a browser marks a request sent by another site: a modern browser's
// Sec-Fetch-Site, and an older one's Origin alone.
var crossOrigin = []struct {
	name   string
	header []string
}{
	{"Sec-Fetch-Site cross-site", []string{"Sec-Fetch-Site", "cross-site"}},
	{"Sec-Fetch-Site same-site", []string{"Sec-Fetch-Site", "same-site", "Origin", "https://www.test.example"}},
	{"Origin of another site", []string{"Sec-Fetch-Site", "", "Origin", "https://evil.example"}},
}

func TestCrossOriginSignInIsRefused(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	addEditor(t, db)
	site := startSite(t, db)

	for _, co := range crossOrigin {
		t.Run(co.name, func(t *testing.T) {
			b := site.newBrowser(t, "en")
			res := b.post("/admin/login", url.Values{"email": {editorEmail}, "password": {editorPassword}}, co.header...)
			expectStatus(t, res, http.StatusForbidden)
			if b.sessionToken() != "" {
				t.Error("a cross-origin sign-in set a session cookie")
			}
			expectSignInPage(t, b.get("/admin/"))
		})
	}
	if n := queryInt(t, db, `SELECT count(*) FROM login_attempts`); n != 0 {
		t.Errorf("cross-origin sign-ins were processed: %d attempts recorded", n)
	}
}

func TestCrossOriginEditIsRefused(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	addEditor(t, db)
	site := startSite(t, db)
	b := site.newBrowser(t, "en")
	b.mustSignIn(editorEmail, editorPassword)

	duisburg := cityBySlug(t, db, content.Twin, "duisburg")
	path := twinPath(duisburg.ID)
	edit := b.mustGet(path)
	forged := fill(t, findForm(t, edit, formAt(path)), url.Values{"summary_en": {"Forged by another site."}})
	version := url.Values{"version": {itoa(int64(duisburg.Version))}}

	for _, co := range crossOrigin {
		t.Run(co.name, func(t *testing.T) {
			b := b.in(t)
			expectStatus(t, b.post(path, forged, co.header...), http.StatusForbidden)
			expectStatus(t, b.post(path+"/unpublish", version, co.header...), http.StatusForbidden)
			expectStatus(t, b.post(path+"/delete", nil, co.header...), http.StatusForbidden)
			expectStatus(t, b.post("/admin/logout", nil, co.header...), http.StatusForbidden)
		})
	}
	c := cityByID(t, db, duisburg.ID)
	if c.Summary.EN != duisburg.Summary.EN || c.Version != duisburg.Version || !c.Published || c.DeletedAt != nil {
		t.Errorf("cross-origin requests changed the city: summary %q, version %d, published %v, deleted %v",
			c.Summary.EN, c.Version, c.Published, c.DeletedAt)
	}
	if n := queryInt(t, db, `SELECT count(*) FROM audit_log WHERE user_id IS NOT NULL`); n != 0 {
		t.Errorf("%d audit lines from cross-origin requests", n)
	}
	// Still signed in: the forged sign-out did nothing.
	expectStatus(t, b.get("/admin/"), http.StatusOK)

	// The site's own address, as a reverse proxy forwards it, is trusted.
	res := b.post(path, forged, "Sec-Fetch-Site", "", "Origin", testBaseURL)
	expectRedirect(t, res, path)
	if c := cityByID(t, db, duisburg.ID); c.Summary.EN != "Forged by another site." {
		t.Errorf("a request from the site's own origin was not saved: summary %q", c.Summary.EN)
	}
}

func TestGetChangesNothing(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	addEditor(t, db)
	b := startSite(t, db).newBrowser(t, "en")
	b.mustSignIn(editorEmail, editorPassword)
	duisburg := cityBySlug(t, db, content.Twin, "duisburg")
	path := twinPath(duisburg.ID)

	for _, action := range []string{"/unpublish", "/publish", "/delete", "/restore", "/purge", "/revert", "/image/remove"} {
		res := b.get(path + action + "?version=" + itoa(int64(duisburg.Version)) + "&to=1")
		expectStatus(t, res, http.StatusMethodNotAllowed)
	}
	expectStatus(t, b.get("/admin/logout"), http.StatusMethodNotAllowed)

	c := cityByID(t, db, duisburg.ID)
	if c.Version != duisburg.Version || !c.Published || c.DeletedAt != nil {
		t.Errorf("GET requests changed the city: version %d, published %v, deleted %v", c.Version, c.Published, c.DeletedAt)
	}
	if n := queryInt(t, db, `SELECT count(*) FROM audit_log WHERE user_id IS NOT NULL`); n != 0 {
		t.Errorf("%d audit lines from GET requests", n)
	}
	expectStatus(t, b.get("/admin/"), http.StatusOK)
}

// A 405 must name the methods the address does accept (RFC 9110, 15.5.6): for a form's action
// that is POST, never the GET just refused.
func TestMethodNotAllowedNamesTheAllowedMethod(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	addEditor(t, db)
	b := startSite(t, db).newBrowser(t, "en")
	b.mustSignIn(editorEmail, editorPassword)
	duisburg := cityBySlug(t, db, content.Twin, "duisburg")

	res := b.get(twinPath(duisburg.ID) + "/publish")
	expectStatus(t, res, http.StatusMethodNotAllowed)
	allow := strings.Join(res.header.Values("Allow"), ", ")
	if strings.Contains(allow, "GET") || !strings.Contains(allow, "POST") {
		t.Errorf("GET %s/publish: 405 with Allow %q; want POST, and not GET", twinPath(duisburg.ID), allow)
	}
}
