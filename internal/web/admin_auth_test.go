package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"twincities/internal/config"
	"twincities/internal/content"
	"twincities/internal/postgres/pgtest"
	"twincities/internal/store"
	"twincities/internal/web"
)

func TestSignInShowsTheDashboard(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	addEditor(t, db)
	b := startSite(t, db).newBrowser(t, "en")

	res := b.signIn(editorEmail, editorPassword)
	expectRedirect(t, res, "/admin/")
	dash := b.follow(res)
	expectStatus(t, dash, http.StatusOK)
	if h1 := squash(dash.doc.Find("h1").Text()); h1 != adminEN.Dashboard {
		t.Errorf("after sign-in the page is %q, want the dashboard %q", h1, adminEN.Dashboard)
	}
	if who := squash(dash.doc.Find("header .tools").Text()); !strings.Contains(who, editorName) {
		t.Errorf("the dashboard's header %q does not name the signed-in %q", who, editorName)
	}
	// An editor is not offered the staff section.
	if dash.doc.Find(`header a[href="/admin/users"], nav a[href="/admin/users"]`).Length() != 0 {
		t.Error("an editor's header or menu offers /admin/users")
	}
}

func TestSignInRefusals(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	addEditor(t, db)
	gone := addStaff(t, db, "Уволенный Сотрудник", "gone@perm.example", content.Editor, "Former colleague pass 42")
	if err := store.SetDisabled(context.Background(), db, gone.ID, true, store.Actor{Name: "test"}); err != nil {
		t.Fatal(err)
	}
	site := startSite(t, db)

	for _, tc := range []struct {
		name, email, password string
	}{
		{"wrong password", editorEmail, "Kama river at dusk 1723"},
		{"unknown account", "nobody@perm.example", editorPassword},
		{"disabled account with its right password", "gone@perm.example", "Former colleague pass 42"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := site.newBrowser(t, "en")
			res := b.signIn(tc.email, tc.password)
			expectStatus(t, res, http.StatusUnauthorized)
			if msg := squash(res.doc.Find(".error-summary").Text()); msg != adminEN.SignInFailed {
				t.Errorf("message %q, want %q", msg, adminEN.SignInFailed)
			}
			if v := res.doc.Find("#f-email").AttrOr("value", "?"); v != tc.email {
				t.Errorf("the e-mail field holds %q, want the address typed, %q", v, tc.email)
			}
			if v := res.doc.Find("#f-password").AttrOr("value", ""); v != "" {
				t.Errorf("the password field holds %q, want it empty", v)
			}
			if strings.Contains(res.body, tc.password) {
				t.Error("the password typed is in the page")
			}
			// Not signed in: the admin still sends to the sign-in page.
			expectSignInPage(t, b.get("/admin/"))
		})
	}
}

func TestSignOut(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	addEditor(t, db)
	b := startSite(t, db).newBrowser(t, "en")
	b.mustSignIn(editorEmail, editorPassword)
	dash := b.mustGet("/admin/")
	before := b.sessionToken()

	out := b.submit(dash, formAt("/admin/logout"), nil)
	expectRedirect(t, out, "/admin/login")
	if got := b.follow(out).flash(); got != adminEN.SignedOut {
		t.Errorf("flash after sign-out %q, want %q", got, adminEN.SignedOut)
	}
	expectSignInPage(t, b.get("/admin/"))
	if n := queryInt(t, b.site.db, `SELECT count(*) FROM sessions WHERE token = $1`, before); n != 0 {
		t.Errorf("the signed-out session is still in the sessions table")
	}
}

func TestSignInKeepsNextButOnlyInsideTheAdmin(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	addEditor(t, db)
	site := startSite(t, db)

	t.Run("next kept", func(t *testing.T) {
		b := site.newBrowser(t, "en")
		res := b.get("/admin/twin-cities?state=draft")
		expectRedirect(t, res, "/admin/login?next="+url.QueryEscape("/admin/twin-cities?state=draft"))
		login := b.follow(res)
		if v := findForm(t, login, formAt("/admin/login")).Find(`input[name="next"]`).AttrOr("value", ""); v != "/admin/twin-cities?state=draft" {
			t.Errorf("the sign-in form's next is %q", v)
		}
		in := b.submit(login, formAt("/admin/login"), url.Values{"email": {editorEmail}, "password": {editorPassword}})
		expectRedirect(t, in, "/admin/twin-cities?state=draft")
		expectStatus(t, b.follow(in), http.StatusOK)
	})

	for _, next := range []string{"//evil.example", "https://evil.example/admin/", "/\\evil.example", "/en/twin-cities", "javascript:alert(1)",
		"/admin/../en/", "/admin/%2e%2e/en/"} {
		t.Run("next="+next, func(t *testing.T) {
			b := site.newBrowser(t, "en")
			in := b.signInAt("/admin/login?next="+url.QueryEscape(next), editorEmail, editorPassword)
			expectRedirect(t, in, "/admin/")
		})
	}

	t.Run("already signed in", func(t *testing.T) {
		b := site.newBrowser(t, "en")
		b.mustSignIn(editorEmail, editorPassword)
		expectRedirect(t, b.get("/admin/login?next="+url.QueryEscape("//evil.example")), "/admin/")
	})
}

func TestSessionCookie(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	addEditor(t, db)

	for _, base := range []string{"https://perm.example", "http://localhost:8080"} {
		t.Run(base, func(t *testing.T) {
			cfg := config.Config{BaseURL: base}
			site := startSite(t, db, func(d *web.Deps) { d.BaseURL = base; d.SecureCookies = cfg.SecureCookies() })
			b := site.newBrowser(t, "en")
			res := b.signIn(editorEmail, editorPassword)
			expectRedirect(t, res, "/admin/")
			var c *http.Cookie
			for _, k := range res.res.Cookies() {
				if k.Name == sessionCookie {
					c = k
				}
			}
			if c == nil {
				t.Fatalf("sign-in set no %s cookie; Set-Cookie: %q", sessionCookie, res.header.Values("Set-Cookie"))
			}
			if !c.HttpOnly {
				t.Error("the session cookie is not HttpOnly")
			}
			if c.SameSite != http.SameSiteLaxMode {
				t.Errorf("the session cookie's SameSite is %v, want Lax", c.SameSite)
			}
			if c.Path != "/admin" {
				t.Errorf("the session cookie's Path is %q, want /admin", c.Path)
			}
			if want := strings.HasPrefix(base, "https:"); c.Secure != want {
				t.Errorf("BASE_URL %s: the session cookie's Secure is %v, want %v", base, c.Secure, want)
			}
			if c.MaxAge != 0 || !c.Expires.IsZero() {
				t.Errorf("the session cookie persists (Max-Age %d, Expires %v); want it gone with the browser", c.MaxAge, c.Expires)
			}
		})
	}
}

func TestSignInGivesANewSessionToken(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	addEditor(t, db)
	site := startSite(t, db)
	b := site.newBrowser(t, "en")

	// Signing out leaves a session (holding the message "you have signed out") before the next
	// sign-in: a token an attacker could have planted.
	b.mustSignIn(editorEmail, editorPassword)
	expectRedirect(t, b.post("/admin/logout", nil), "/admin/login")
	before := b.sessionToken()
	if before == "" {
		t.Fatal("no session before sign-in")
	}
	b.mustSignIn(editorEmail, editorPassword)
	after := b.sessionToken()
	if after == "" || after == before {
		t.Fatalf("session token before sign-in %q, after %q: want a new one", before, after)
	}
	if n := queryInt(t, db, `SELECT count(*) FROM sessions WHERE token = $1`, before); n != 0 {
		t.Error("the token from before sign-in is still a session")
	}

	// Someone holding the old token is not signed in.
	attacker := site.newBrowser(t, "en")
	u, _ := url.Parse(site.srv.URL + "/admin/")
	attacker.jar.SetCookies(u, []*http.Cookie{{Name: sessionCookie, Value: before, Path: "/admin"}})
	expectSignInPage(t, attacker.get("/admin/"))
	expectStatus(t, b.get("/admin/"), http.StatusOK)
}

func TestSignInAttemptsAreRecordedWithoutPasswords(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	ed := addEditor(t, db)
	gone := addStaff(t, db, "Уволенный Сотрудник", "gone@perm.example", content.Editor, "Former colleague pass 42")
	if err := store.SetDisabled(context.Background(), db, gone.ID, true, store.Actor{Name: "test"}); err != nil {
		t.Fatal(err)
	}
	site := startSite(t, db)

	const wrong = "Wrong but memorable 9981"
	const unknownPassword = "Nobody's secret phrase 55"
	b := site.newBrowser(t, "en")
	expectStatus(t, b.signIn(" Editor@Perm.example ", wrong), http.StatusUnauthorized)
	expectStatus(t, b.signIn("nobody@perm.example", unknownPassword), http.StatusUnauthorized)
	expectStatus(t, b.signIn("gone@perm.example", "Former colleague pass 42"), http.StatusUnauthorized)
	b.mustSignIn(editorEmail, editorPassword)

	rows, err := db.Query(context.Background(),
		`SELECT email, coalesce(user_id, 0), address, outcome, at IS NOT NULL FROM login_attempts ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	type attempt struct {
		email   string
		user    int64
		address string
		outcome string
		at      bool
	}
	var got []attempt
	for rows.Next() {
		var a attempt
		if err := rows.Scan(&a.email, &a.user, &a.address, &a.outcome, &a.at); err != nil {
			t.Fatal(err)
		}
		got = append(got, a)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	want := []attempt{
		{editorEmail, ed.ID, "127.0.0.1", store.LoginFailure, true},
		{"nobody@perm.example", 0, "127.0.0.1", store.LoginFailure, true},
		{"gone@perm.example", gone.ID, "127.0.0.1", store.LoginFailure, true},
		{editorEmail, ed.ID, "127.0.0.1", store.LoginSuccess, true},
	}
	if len(got) != len(want) {
		t.Fatalf("login_attempts has %d rows %+v, want %d %+v", len(got), got, len(want), want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("attempt %d: %+v, want %+v", i+1, got[i], want[i])
		}
	}

	log := site.log.String()
	for _, pw := range []string{wrong, unknownPassword, "Former colleague pass 42", editorPassword} {
		if n := queryInt(t, db, `SELECT count(*) FROM login_attempts t WHERE strpos(t::text, $1) > 0`, pw); n != 0 {
			t.Errorf("a password is stored in login_attempts (%d rows)", n)
		}
		if strings.Contains(log, pw) {
			t.Errorf("a password is in the log")
		}
	}
	if n := strings.Count(log, "sign-in attempt"); n != 4 {
		t.Errorf("the log has %d sign-in attempt lines, want 4:\n%s", n, log)
	}
	for _, outcome := range []string{"outcome=failure", "outcome=success", "email=nobody@perm.example", "address=127.0.0.1"} {
		if !strings.Contains(log, outcome) {
			t.Errorf("the log does not say %s", outcome)
		}
	}
}
