package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"twincities/internal/auth"
	"twincities/internal/content"
	"twincities/internal/postgres/pgtest"
	"twincities/internal/store"
)

// An administrator requires two-factor sign-in for all staff: from then on, a colleague without it
// lands on the set-up page from every admin page, and can do nothing else but sign out, until it
// is set up; once it is on, it cannot be turned off.
func TestRequiredTwoFactorSendsEveryoneToSetUp(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	addEditor(t, db)
	me := addAdmin(t, db)
	adminSecret, _ := giveTwoFactor(t, db, me)
	clk := newClock(twoFactorStart)
	site := startSite(t, db, withClock(clk))
	admin := site.newBrowser(t, "en")
	admin.mustSignInWithCode(adminEmail, adminPassword, totpCode(t, adminSecret, clk.Now()))
	editor := site.newBrowser(t, "en")
	editor.mustSignIn(editorEmail, editorPassword) // before the requirement
	expectStatus(t, editor.get("/admin/"), http.StatusOK)

	settings := admin.mustGet("/admin/settings")
	if admin.mustGet("/admin/").doc.Find(`header a[href="/admin/settings"]`).Length() != 1 {
		t.Error("an administrator's header does not offer /admin/settings")
	}
	box := findForm(t, settings, formAt("/admin/settings")).Find(`input[type="checkbox"][name="require_two_factor"]`)
	if box.Length() != 1 || squash(settings.doc.Find(`label[for="`+box.AttrOr("id", "")+`"]`).Text()) != adminEN.RequireTwoFactor {
		t.Fatalf("the settings page has no labelled box to require two-factor sign-in:\n%s", excerpt(settings))
	}
	res := admin.submit(settings, formAt("/admin/settings"), url.Values{"require_two_factor": {"on"}})
	expectRedirect(t, res, "/admin/settings")
	saved := admin.follow(res)
	if saved.flash() != adminEN.FlashSettings || saved.doc.Find(`#f-require-two-factor[checked]`).Length() != 1 {
		t.Errorf("after saving: flash %q, box ticked %v", saved.flash(), saved.doc.Find(`#f-require-two-factor[checked]`).Length() == 1)
	}
	log, err := store.ListAudit(t.Context(), db, store.AuditQuery{Action: store.ActionSettingsUpdate})
	if err != nil || len(log) != 1 || log[0].UserName != adminName || len(log[0].Changes) != 1 ||
		log[0].Changes[0] != (content.Change{Field: "require_two_factor", Before: "no", After: "yes"}) {
		t.Errorf("the audit log of the settings: %+v (%v)", log, err)
	}
	history := admin.mustGet("/admin/history?action=" + store.ActionSettingsUpdate)
	if items := auditItems(history, "main"); len(items) != 1 || !strings.Contains(items[0].meta, adminEN.ActionNames[store.ActionSettingsUpdate]) ||
		!strings.Contains(items[0].meta, adminEN.Settings) {
		t.Errorf("the change log shows the change as %+v", items)
	}
	// The administrator, who has it, goes on.
	expectStatus(t, admin.get("/admin/users"), http.StatusOK)

	// The colleague, signed in before, is sent to set it up from every page; forms change nothing.
	cities := queryInt(t, db, `SELECT count(*) FROM cities`)
	for _, path := range []string{"/admin/", "/admin/twin-cities", "/admin/twin-cities/new", "/admin/events", "/admin/history",
		"/admin/trash", "/admin/pages", "/admin/users", "/admin/settings", "/admin/go/city/1"} {
		expectRedirect(t, editor.get(path), "/admin/account/two-factor")
	}
	expectRedirect(t, editor.post("/admin/twin-cities/new", url.Values{"slug": {"nowhere"}, "country": {"DE"}}), "/admin/account/two-factor")
	if n := queryInt(t, db, `SELECT count(*) FROM cities`); n != cities {
		t.Error("a form was saved by someone sent to set up two-factor sign-in")
	}
	page := editor.mustGet("/admin/account/two-factor")
	if !strings.Contains(page.text(), adminEN.TwoFactorRequired) {
		t.Errorf("the set-up page does not say why:\n%s", excerpt(page))
	}
	// A new sign-in leads to the same place.
	fresh := site.newBrowser(t, "en")
	fresh.mustSignIn(editorEmail, editorPassword)
	expectRedirect(t, fresh.get("/admin/"), "/admin/account/two-factor")
	// Signing out still works.
	expectRedirect(t, fresh.post("/admin/logout", nil), "/admin/login")

	// Set up: the admin is open again (to an editor's measure), and there is no way to turn it off.
	res = editor.submit(page, formAt("/admin/account/two-factor/start"), nil)
	setup := editor.follow(res)
	key := strings.ReplaceAll(squash(setup.doc.Find(".secret-key").Text()), " ", "")
	done := editor.submit(setup, formAt("/admin/account/two-factor/confirm"), url.Values{"code": {totpCode(t, key, clk.Now())}})
	expectStatus(t, done, http.StatusOK)
	expectStatus(t, editor.get("/admin/"), http.StatusOK)
	expectStatus(t, editor.get("/admin/settings"), http.StatusForbidden)
	page = editor.mustGet("/admin/account/two-factor")
	if page.doc.Find(`form[action="/admin/account/two-factor/disable"]`).Length() != 0 || !strings.Contains(page.text(), adminEN.TwoFactorKeepsOn) {
		t.Errorf("a required second factor can be turned off:\n%s", excerpt(page))
	}
	clk.Advance(auth.TOTPPeriod)
	res = editor.post("/admin/account/two-factor/disable", url.Values{"disable_code": {totpCode(t, key, clk.Now())}})
	expectRedirect(t, res, "/admin/account/two-factor")
	if got := editor.follow(res).flash(); got != adminEN.CannotTurnOff {
		t.Errorf("flash %q, want %q", got, adminEN.CannotTurnOff)
	}
	if n := queryInt(t, db, `SELECT count(*) FROM users WHERE email = $1 AND totp_secret IS NOT NULL`, editorEmail); n != 1 {
		t.Error("a required second factor was turned off")
	}
}

// An administrator resets a colleague's second factor: written to the audit log, and every
// session of the colleague ends; the colleague signs in with the password alone afterwards.
func TestAdminResetsTwoFactor(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	ed := addEditor(t, db)
	addAdmin(t, db)
	secret, _ := giveTwoFactor(t, db, ed)
	clk := newClock(twoFactorStart)
	site := startSite(t, db, withClock(clk))
	editor := site.newBrowser(t, "en")
	editor.mustSignInWithCode(editorEmail, editorPassword, totpCode(t, secret, clk.Now()))
	// An editor cannot reset anyone's, their own included.
	reset := "/admin/users/" + itoa(ed.ID) + "/two-factor/reset"
	expectStatus(t, editor.get(reset), http.StatusForbidden)
	expectStatus(t, editor.post(reset, nil), http.StatusForbidden)

	admin := site.newBrowser(t, "en")
	admin.mustSignIn(adminEmail, adminPassword)
	list := admin.mustGet("/admin/users")
	link := list.doc.Find(`a[href="` + reset + `"]`)
	if link.Length() != 1 {
		t.Fatalf("the staff list has no reset link for the editor:\n%s", excerpt(list))
	}
	if n := list.doc.Find(`a[href$="/two-factor/reset"]`).Length(); n != 1 {
		t.Errorf("%d reset links, want 1 (the administrator has no second factor to reset)", n)
	}
	confirm := admin.mustGet(link.AttrOr("href", ""))
	if !strings.Contains(confirm.text(), editorName) {
		t.Errorf("the confirmation does not name the person:\n%s", excerpt(confirm))
	}
	res := admin.submit(confirm, formAt(reset), nil)
	expectRedirect(t, res, "/admin/users")
	if got := admin.follow(res).flash(); got != adminEN.FlashTwoFactorGone {
		t.Errorf("flash %q, want %q", got, adminEN.FlashTwoFactorGone)
	}
	if n := queryInt(t, db, `SELECT count(*) FROM users WHERE id = $1 AND totp_secret IS NULL`, ed.ID); n != 1 {
		t.Error("the editor's key is still there")
	}
	log, err := store.ListAudit(t.Context(), db, store.AuditQuery{Action: store.ActionTwoFactorReset})
	if err != nil || len(log) != 1 || log[0].UserName != adminName || log[0].EntityID != itoa(ed.ID) || !strings.Contains(log[0].Label, editorEmail) {
		t.Errorf("the audit log of the reset: %+v (%v)", log, err)
	}
	expectExpired(t, editor, editor.get("/admin/"))
	site.newBrowser(t, "en").mustSignIn(editorEmail, editorPassword)

	// Pressed again: nothing left to reset, nothing logged.
	expectRedirect(t, admin.post(reset, nil), "/admin/users")
	expectRedirect(t, admin.get(reset), "/admin/users")
	if n := queryInt(t, db, `SELECT count(*) FROM audit_log WHERE action = 'two_factor_reset'`); n != 1 {
		t.Errorf("%d reset lines, want 1", n)
	}
}
