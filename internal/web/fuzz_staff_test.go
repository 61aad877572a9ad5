package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"twincities/internal/content"
	"twincities/internal/store"
	"twincities/internal/web"
)

// The staff's small forms, fuzzed through the real router: signing in, adding an account, setting
// a password, choosing the admin's language. None answers 5xx, and none sends anyone off the site.

// oddStrings seed the small forms' corpora: the bytes of issue 7, bidi and zero-width characters,
// broken escapes, numbers too large, and a string too long for any field.
var oddStrings = []string{
	"", " ", "\x00", "a\x00b", "\xff", "\xc3\x28", "\xed\xa0\x80", "\u202eevil", "\u200b", "\ufeff",
	"\r\n", "\t", "\x7f", "\u0085", "%", "%zz", "%00", "//", "..", "99999999999999999999",
	strings.Repeat("я", 300),
}

// returnSeeds are where a form may be asked to send the person next: pages of the site, and the
// ways of writing another site that browsers follow (a backslash for a slash, a tab dropped).
var returnSeeds = []string{
	"", "/admin/", "/admin/events?state=draft", "/ru/twin-cities/duisburg", "/en", "//evil.example",
	"///evil.example", "/\\evil.example", `\\evil.example`, "/\t/evil.example", "https://evil.example/admin/",
	"http:evil.example", "javascript:alert(1)", "/admin/../..//evil.example", "/admin/%2F%2Fevil.example",
	"/admin//evil.example", "/ru//evil.example", "/en/../..//evil.example", " /admin/", "/admin/\x00", "/admin/%zz",
}

// FuzzSignIn posts any e-mail, password and return address to the sign-in form. Only the right
// password of an account, exactly as typed, signs in, and then to a page of the admin; anything
// else comes back to the form with the e-mail as typed (401, or 422 for what nobody can type).
// Every input is a first attempt: the throttle, which would refuse everything after a few
// failures, has its own tests.
func FuzzSignIn(f *testing.F) {
	fs := newFuzzSite(f)
	for _, next := range returnSeeds {
		f.Add(editorEmail, editorPassword, next)
	}
	for _, s := range oddStrings {
		f.Add(editorEmail+s, editorPassword, "/admin/")
		f.Add(s+adminEmail, adminPassword+s, s)
	}
	f.Add(" EDITOR@Perm.example\t", editorPassword, "")
	f.Add(editorEmail, editorPassword+" ", "")
	f.Add(strings.Repeat("a", 250)+"@perm.example", "", "")
	f.Fuzz(func(t *testing.T, email, password, next string) {
		exec(t, fs.db, `DELETE FROM login_attempts`)
		body := url.Values{"email": {email}, "password": {password}, "next": {next}}.Encode()
		p := fs.postForm(t, "/admin/login", body, "")
		fs.expectNoServerError(t, p)
		typable := content.Typable(email, false) && !content.HasInvisible(email)
		known := content.NormalizeEmail(email)
		right := typable && (known == editorEmail && password == editorPassword || known == adminEmail && password == adminPassword)
		switch p.status {
		case http.StatusSeeOther:
			if !right {
				t.Fatalf("signed in as %q with the password %q", email, password)
			}
			if leavesSite(p.location()) || !strings.HasPrefix(p.location(), "/admin") {
				t.Fatalf("signed in and sent to %q (next %q), not to a page of the admin", p.location(), next)
			}
		case http.StatusUnauthorized, http.StatusUnprocessableEntity:
			if right {
				t.Fatalf("the right password of %q refused: status %d", email, p.status)
			}
			want := shown(email)
			if p.status == http.StatusUnauthorized {
				want = known // what was checked
			}
			if got := p.doc.Find(`form[action="/admin/login"] input[name="email"]`).AttrOr("value", ""); got != want {
				t.Fatalf("status %d: the e-mail shown as %q, typed %q", p.status, got, email)
			}
		case http.StatusRequestEntityTooLarge:
			expectTooLarge(t, body, web.MaxLoginBody)
		default:
			t.Fatalf("status %d, want 303, 401 or 422\n%s", p.status, excerpt(p))
		}
	})
}

// FuzzStaffForm posts any name, e-mail, role and passwords to the form that adds a member of
// staff, as an administrator. Either the account is made exactly as typed (its e-mail
// normalised; its password, checked as typed, is the one that verifies), or the form comes back
// with the name and e-mail as typed and never a password.
func FuzzStaffForm(f *testing.F) {
	fs := newFuzzSite(f)
	const password = "Kama embankment 2024"
	f.Add("Анна Петрова", "anna@perm.example", "editor", password, password)
	f.Add("Anna", " Anna.Petrova@Perm.example ", "admin", password, password)
	f.Add("Anna", editorEmail, "editor", password, password)
	f.Add("Anna", "anna2@perm.example", "owner", password, password+" ")
	f.Add("Anna", "anna3@perm.example", "editor", "password", "password")
	for _, s := range oddStrings {
		f.Add("Anna"+s, s+"anna@perm.example", "editor"+s, password+s, password+s)
	}
	f.Fuzz(func(t *testing.T, name, email, role, password, password2 string) {
		v := url.Values{"name": {name}, "email": {email}, "role": {role}, "password": {password}, "password2": {password2}}
		p := fs.postForm(t, "/admin/users/new", v.Encode(), fs.admin)
		fs.expectNoServerError(t, p)
		switch p.status {
		case http.StatusSeeOther:
			u, hash, err := store.UserByEmail(context.Background(), fs.db, email)
			if err != nil {
				t.Fatalf("added, but no account for %q: %v", email, err)
			}
			if u.Name != name || string(u.Role) != role || u.Email != content.NormalizeEmail(email) {
				t.Fatalf("sent %q %q %q, stored %q %q %q", name, email, role, u.Name, u.Email, u.Role)
			}
			if ok, _, err := testHasher.Verify(password, hash); !ok || err != nil || password != password2 {
				t.Fatalf("added with the passwords %q and %q, which do not verify (%v)", password, password2, err)
			}
		case http.StatusUnprocessableEntity:
			form := findForm(t, p, formAt("/admin/users/new"))
			for field, typed := range map[string]string{"name": name, "email": email} {
				if got := form.Find(`input[name="`+field+`"]`).AttrOr("value", ""); got != shown(typed) {
					t.Errorf("%s shown as %q, typed %q", field, got, typed)
				}
			}
			expectNoPasswordShown(t, p)
		case http.StatusRequestEntityTooLarge:
			expectTooLarge(t, v.Encode(), web.MaxAdminBody)
		default:
			t.Fatalf("status %d, want 303 or 422\n%s", p.status, excerpt(p))
		}
	})
}

// FuzzPasswordForm posts any pair of passwords to the form that sets a member of staff's
// password, as an administrator: either the password, exactly as typed twice, is the one that
// verifies now, or the form comes back empty.
func FuzzPasswordForm(f *testing.F) {
	fs := newFuzzSite(f)
	u := addStaff(f, fs.db, "Анна Петрова", "anna@perm.example", content.Editor, "Kama embankment 2024")
	path := "/admin/users/" + itoa(u.ID) + "/password"
	f.Add("Esplanade at night 1723", "Esplanade at night 1723")
	f.Add("Esplanade at night 1723", "Esplanade at night 1723 ")
	f.Add("short", "short")
	f.Add("anna@perm.example", "anna@perm.example")
	for _, s := range oddStrings {
		f.Add("Esplanade at night"+s, "Esplanade at night"+s)
	}
	f.Fuzz(func(t *testing.T, password, password2 string) {
		v := url.Values{"password": {password}, "password2": {password2}}
		p := fs.postForm(t, path, v.Encode(), fs.admin)
		fs.expectNoServerError(t, p)
		switch p.status {
		case http.StatusSeeOther:
			_, hash, err := store.UserByEmail(context.Background(), fs.db, u.Email)
			if err != nil {
				t.Fatal(err)
			}
			if ok, _, err := testHasher.Verify(password, hash); !ok || err != nil || password != password2 {
				t.Fatalf("set with the passwords %q and %q, which do not verify (%v)", password, password2, err)
			}
		case http.StatusUnprocessableEntity:
			expectNoPasswordShown(t, p)
		case http.StatusRequestEntityTooLarge:
			expectTooLarge(t, v.Encode(), web.MaxAdminBody)
		default:
			t.Fatalf("status %d, want 303 or 422\n%s", p.status, excerpt(p))
		}
	})
}

// FuzzAdminLanguage posts any language and return address to the admin's language switch,
// signed in or not: a redirect to a page of the admin, and the cookie says ru or en.
func FuzzAdminLanguage(f *testing.F) {
	fs := newFuzzSite(f)
	for i, back := range returnSeeds {
		f.Add([]string{"en", "ru"}[i%2], back, i%3 == 0)
	}
	for _, s := range oddStrings {
		f.Add("en"+s, "/admin/"+s, true)
	}
	f.Fuzz(func(t *testing.T, lang, back string, signedIn bool) {
		cookie := ""
		if signedIn {
			cookie = fs.editor
		}
		body := url.Values{"lang": {lang}, "back": {back}}.Encode()
		p := fs.postForm(t, "/admin/language", body, cookie)
		fs.expectNoServerError(t, p)
		if p.status == http.StatusRequestEntityTooLarge {
			expectTooLarge(t, body, web.MaxAdminBody)
			return
		}
		if p.status != http.StatusSeeOther || leavesSite(p.location()) || !strings.HasPrefix(p.location(), "/admin") {
			t.Fatalf("status %d to %q (back %q), want 303 to a page of the admin", p.status, p.location(), back)
		}
		if c := cookieOf(p, "admin_lang"); c == nil || c.Value != "ru" && c.Value != "en" {
			t.Fatalf("language %q: admin_lang cookie %v", lang, c)
		}
	})
}

// expectNoPasswordShown fails the test when a password field of the page holds a value: a
// password is never sent back to the browser.
func expectNoPasswordShown(t *testing.T, p page) {
	t.Helper()
	fields := p.doc.Find(`input[name^="password"]`)
	if fields.Length() == 0 {
		t.Fatalf("the form came back without its password fields\n%s", excerpt(p))
	}
	fields.Each(func(_ int, s *goquery.Selection) {
		if v := s.AttrOr("value", ""); v != "" {
			t.Errorf("%s sent back holding %q", s.AttrOr("name", ""), v)
		}
	})
}

// expectTooLarge fails the test unless body is over limit, the only reason for a 413.
func expectTooLarge(t *testing.T, body string, limit int) {
	t.Helper()
	if len(body) <= limit {
		t.Fatalf("413 for %d bytes, within the limit of %d", len(body), limit)
	}
}

// cookieOf is the cookie name the answer sets, or nil.
func cookieOf(p page, name string) *http.Cookie {
	for _, c := range p.res.Cookies() {
		if c.Name == name {
			return c
		}
	}
	return nil
}
