package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"twincities/internal/content"
	"twincities/internal/postgres/pgtest"
	"twincities/internal/store"
)

func TestEditorIsRefusedAdminPages(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	ed := addEditor(t, db)
	addAdmin(t, db)
	site := startSite(t, db)
	editor := site.newBrowser(t, "en")
	editor.mustSignIn(editorEmail, editorPassword)

	oxford := cityBySlug(t, db, content.Twin, "oxford")
	if err := store.Cities.Delete(context.Background(), db, oxford.ID, store.Actor{Name: "test"}); err != nil {
		t.Fatal(err)
	}
	users := queryInt(t, db, `SELECT count(*) FROM users`)

	for _, path := range []string{"/admin/users", "/admin/users/new", "/admin/users/" + itoa(ed.ID) + "/password"} {
		res := editor.get(path)
		expectStatus(t, res, http.StatusForbidden)
		if h1 := squash(res.doc.Find("h1").Text()); h1 != adminEN.Forbidden {
			t.Errorf("GET %s: heading %q, want %q", path, h1, adminEN.Forbidden)
		}
	}
	posts := map[string]url.Values{
		"/admin/users/new": {"name": {"Sneaky"}, "email": {"sneaky@perm.example"}, "role": {"admin"},
			"password": {"Sneaky admin password 1"}, "password2": {"Sneaky admin password 1"}},
		"/admin/users/" + itoa(ed.ID) + "/password": {"password": {"Sneaky admin password 1"}, "password2": {"Sneaky admin password 1"}},
		"/admin/users/1/disable":                    nil,
		twinPath(oxford.ID) + "/purge":              {"confirm": {"yes"}},
	}
	for path, v := range posts {
		expectStatus(t, editor.post(path, v), http.StatusForbidden)
	}
	if n := queryInt(t, db, `SELECT count(*) FROM users`); n != users {
		t.Errorf("an editor changed the staff: %d accounts, want %d", n, users)
	}
	if n := queryInt(t, db, `SELECT count(*) FROM users WHERE disabled_at IS NOT NULL`); n != 0 {
		t.Errorf("an editor disabled %d accounts", n)
	}
	if n := queryInt(t, db, `SELECT count(*) FROM cities WHERE id = $1`, oxford.ID); n != 1 {
		t.Error("an editor purged a city")
	}
	// The editor is still signed in and at work.
	expectStatus(t, editor.get("/admin/"), http.StatusOK)
	// The trash offers an editor no purge.
	if n := editor.mustGet("/admin/trash").doc.Find(`form[action$="/purge"]`).Length(); n != 0 {
		t.Errorf("the trash offers an editor %d purge buttons", n)
	}

	admin := site.newBrowser(t, "en")
	admin.mustSignIn(adminEmail, adminPassword)
	list := admin.mustGet("/admin/users")
	for _, name := range []string{editorName, adminName} {
		if !containsText(texts(list.doc, "tbody td"), name) {
			t.Errorf("the staff list does not show %s", name)
		}
	}
	admin.mustGet("/admin/users/new")
	if admin.mustGet("/admin/").doc.Find(`header a[href="/admin/users"]`).Length() != 1 {
		t.Error("an admin's header does not offer /admin/users")
	}
}

func containsText(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

func TestAdminAddsStaff(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	addEditor(t, db)
	addAdmin(t, db)
	site := startSite(t, db)
	admin := site.newBrowser(t, "en")
	admin.mustSignIn(adminEmail, adminPassword)

	const good = "Twin cities since 1992"
	valid := url.Values{"name": {"Анна Новикова"}, "email": {"anna@perm.example"}, "role": {"admin"},
		"password": {good}, "password2": {good}}
	with := func(k, v string) url.Values {
		out := url.Values{}
		for key, val := range valid {
			out[key] = val
		}
		out.Set(k, v)
		return out
	}
	for _, tc := range []struct {
		name  string
		edits url.Values
		field string // the field marked
		msg   string
	}{
		{"short password", with("password", "Too short 1"), "password", adminEN.PasswordShort},
		{"common password", with("password", "qwerty123456"), "password", adminEN.PasswordCommon},
		{"password is the address", with("password", "anna@perm.example"), "password", adminEN.PasswordCommon},
		{"passwords differ", with("password2", good+"!"), "password", adminEN.PasswordMismatch},
		{"bad e-mail", with("email", "anna at perm"), "email", adminEN.Problems[content.ProblemEmail]},
		{"taken e-mail", with("email", editorEmail), "email", adminEN.Problems[content.ProblemTaken]},
		{"no name", with("name", "  "), "name", adminEN.Problems[content.ProblemRequired]},
	} {
		t.Run(tc.name, func(t *testing.T) {
			admin := admin.in(t)
			form := admin.mustGet("/admin/users/new")
			res := admin.submit(form, formAt("/admin/users/new"), tc.edits)
			expectStatus(t, res, http.StatusUnprocessableEntity)
			id := "f-" + tc.field
			if got := squash(res.doc.Find("#" + id + "-error").Text()); got != tc.msg {
				t.Errorf("message by %s: %q, want %q", tc.field, got, tc.msg)
			}
			if res.doc.Find(`.error-summary a[href="#`+id+`"]`).Length() != 1 {
				t.Errorf("the summary does not link to #%s", id)
			}
			if v := res.doc.Find("#f-name").AttrOr("value", ""); v != tc.edits.Get("name") {
				t.Errorf("name kept as %q, want %q", v, tc.edits.Get("name"))
			}
			if v := res.doc.Find("#f-email").AttrOr("value", ""); v != tc.edits.Get("email") && v != content.NormalizeEmail(tc.edits.Get("email")) {
				t.Errorf("e-mail kept as %q, want %q", v, tc.edits.Get("email"))
			}
			if v := optionValue(res.doc.Find("#f-role option[selected]")); v != "admin" {
				t.Errorf("role kept as %q, want admin", v)
			}
			for _, pw := range []string{"#f-password", "#f-password2"} {
				if v := res.doc.Find(pw).AttrOr("value", ""); v != "" {
					t.Errorf("%s sent back with %q", pw, v)
				}
			}
			for _, pw := range tc.edits["password"] {
				if pw != tc.edits.Get("email") && strings.Contains(res.body, `value="`+pw+`"`) {
					t.Error("a password is sent back in the page")
				}
			}
			if n := queryInt(t, db, `SELECT count(*) FROM users WHERE name = 'Анна Новикова'`); n != 0 {
				t.Fatal("an invalid form added the account")
			}
		})
	}

	form := admin.mustGet("/admin/users/new")
	res := admin.submit(form, formAt("/admin/users/new"), valid)
	expectRedirect(t, res, "/admin/users")
	list := admin.follow(res)
	if got := list.flash(); got != adminEN.FlashUserAdded {
		t.Errorf("flash %q, want %q", got, adminEN.FlashUserAdded)
	}
	if !containsText(texts(list.doc, "tbody td"), "Анна Новикова") {
		t.Error("the new account is not listed")
	}
	if role := queryString(t, db, `SELECT role FROM users WHERE email = 'anna@perm.example'`); role != "admin" {
		t.Errorf("the new account's role is %q, want admin", role)
	}
	if n := queryInt(t, db, `SELECT count(*) FROM audit_log WHERE action = 'user_add' AND user_name = $1`, adminName); n != 1 {
		t.Errorf("%d audit lines say the admin added staff, want 1", n)
	}
	anna := site.newBrowser(t, "en")
	anna.mustSignIn("anna@perm.example", good)
	anna.mustGet("/admin/users")
}

func TestDisablingEndsTheSessionsAtOnce(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	ed := addEditor(t, db)
	me := addAdmin(t, db)
	site := startSite(t, db)
	editor := site.newBrowser(t, "en")
	editor.mustSignIn(editorEmail, editorPassword)
	admin := site.newBrowser(t, "en")
	admin.mustSignIn(adminEmail, adminPassword)

	// Not oneself, even by a hand-made request.
	res := admin.post("/admin/users/"+itoa(me.ID)+"/disable", nil)
	expectRedirect(t, res, "/admin/users")
	if got := admin.follow(res).flash(); got != adminEN.CannotDisableYou {
		t.Errorf("flash %q, want %q", got, adminEN.CannotDisableYou)
	}
	if n := queryInt(t, db, `SELECT count(*) FROM users WHERE disabled_at IS NOT NULL`); n != 0 {
		t.Fatal("the admin disabled themself")
	}

	list := admin.mustGet("/admin/users")
	// An admin cannot disable themself: there is no button for it.
	if n := list.doc.Find(`form[action$="/disable"]`).Length(); n != 1 {
		t.Errorf("%d disable buttons, want 1 (the editor's)", n)
	}
	res = admin.submit(list, formAt("/admin/users/"+itoa(ed.ID)+"/disable"), nil)
	expectRedirect(t, res, "/admin/users")
	if got := admin.follow(res).flash(); got != adminEN.FlashDisabled {
		t.Errorf("flash %q, want %q", got, adminEN.FlashDisabled)
	}

	expectExpired(t, editor, editor.get("/admin/"))
	expectStatus(t, editor.signIn(editorEmail, editorPassword), http.StatusUnauthorized)
	expectStatus(t, admin.get("/admin/"), http.StatusOK)
}

func TestPasswordResetEndsOldSessions(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	ed := addEditor(t, db)
	addAdmin(t, db)
	site := startSite(t, db)
	editor := site.newBrowser(t, "en")
	editor.mustSignIn(editorEmail, editorPassword)
	admin := site.newBrowser(t, "en")
	admin.mustSignIn(adminEmail, adminPassword)

	path := "/admin/users/" + itoa(ed.ID) + "/password"
	form := admin.mustGet(path)
	bad := admin.submit(form, formAt(path), url.Values{"password": {"short"}, "password2": {"short"}})
	expectStatus(t, bad, http.StatusUnprocessableEntity)
	if got := squash(bad.doc.Find("#f-password-error").Text()); got != adminEN.PasswordShort {
		t.Errorf("message %q, want %q", got, adminEN.PasswordShort)
	}
	expectStatus(t, editor.get("/admin/"), http.StatusOK) // a refused reset changes nothing

	const fresh = "A new spring in Perm 2027"
	res := admin.submit(form, formAt(path), url.Values{"password": {fresh}, "password2": {fresh}})
	expectRedirect(t, res, "/admin/users")
	if got := admin.follow(res).flash(); got != adminEN.FlashPassword {
		t.Errorf("flash %q, want %q", got, adminEN.FlashPassword)
	}

	expectExpired(t, editor, editor.get("/admin/"))
	expectStatus(t, site.newBrowser(t, "en").signIn(editorEmail, editorPassword), http.StatusUnauthorized)
	site.newBrowser(t, "en").mustSignIn(editorEmail, fresh)
	// The admin who reset it stays signed in.
	expectStatus(t, admin.get("/admin/"), http.StatusOK)
	if n := queryInt(t, db, `SELECT count(*) FROM audit_log WHERE action = 'user_password' AND entity_id = $1`, itoa(ed.ID)); n != 1 {
		t.Errorf("%d audit lines for the password change, want 1", n)
	}
	if n := queryInt(t, db, `SELECT count(*) FROM audit_log t WHERE strpos(t::text, $1) > 0`, fresh); n != 0 {
		t.Error("the audit log holds the new password")
	}
}
