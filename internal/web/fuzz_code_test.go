package web_test

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"twincities/internal/auth"
	"twincities/internal/content"
	"twincities/internal/store"
	"twincities/internal/web"
)

// fuzzTOTPSecret and fuzzRecoveryCodes are the second factor of FuzzSignInCode's account: fixed,
// so that every fuzzing process (each with its own database) knows the same right codes.
const fuzzTOTPSecret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"

var fuzzRecoveryCodes = []string{"ABCD-EFGH-IJKL-MNOP", "QRST-UVWX-YZ23-4567"}

// FuzzSignInCode posts any code, return address and kind of code to the second step of signing
// in, for an account with two-factor sign-in whose password was right. Only a code of its app
// (the current step or one next to it) or one of its recovery codes signs in, and then to a page
// of the admin; anything else is refused with the code never sent back. The site's clock stands
// still, so the step never runs out and the right codes stay the same. Every input is a first
// attempt, as in FuzzSignIn.
func FuzzSignInCode(f *testing.F) {
	clock := newClock(twoFactorStart)
	fs := newFuzzSite(f, withClock(clock))
	const email, password = "anna@perm.example", "Kama embankment 2024"
	u := addStaff(f, fs.db, "Анна Петрова", email, content.Editor, password)
	var hashes [][]byte
	for _, c := range fuzzRecoveryCodes {
		n, _ := auth.NormalizeRecoveryCode(c)
		hashes = append(hashes, auth.HashRecoveryCode(n))
	}
	if _, err := store.EnableTwoFactor(context.Background(), fs.db, u.ID, fuzzTOTPSecret, 0, hashes, store.Actor{Name: "test"}); err != nil {
		f.Fatal(err)
	}
	var right []string // the app's codes it accepts now
	for d := -1; d <= 1; d++ {
		right = append(right, totpCode(f, fuzzTOTPSecret, clock.Now().Add(time.Duration(d)*auth.TOTPPeriod)))
	}
	f.Add(right[1], "", false)
	f.Add(right[1][:3]+" "+right[1][3:], "/admin/events", false)
	f.Add(wrongCode(f, fuzzTOTPSecret, clock.Now()), "//evil.example", false)
	f.Add(strings.ToLower(fuzzRecoveryCodes[0]), "/admin/../en/", true)
	f.Add("QRST UVWX YZ23 4567", "/\\evil.example", true)
	f.Add("0RST-UVWX-YZ23-4567", "", true)
	f.Add(strings.Repeat("1", web.MaxLoginBody), "", false) // over the limit: refused for its size
	for _, s := range oddStrings {
		f.Add(right[0]+s, "/admin/"+s, false)
		f.Add(s, s, true)
	}

	// step is the session cookie of a browser past the password, waiting for the code; a code
	// that signs in uses it up, and the next input makes another.
	step := ""
	f.Fuzz(func(t *testing.T, code, next string, recovery bool) {
		exec(t, fs.db, `DELETE FROM login_attempts`)
		if step == "" {
			b := fs.newBrowser(t, "en")
			b.passwordStep(email, password)
			step = sessionCookie + "=" + b.sessionToken()
		}
		v := url.Values{"code": {code}, "next": {next}}
		if recovery {
			v.Set("recovery", "1")
		}
		p := fs.postForm(t, "/admin/login/code", v.Encode(), step)
		fs.expectNoServerError(t, p)
		switch p.status {
		case http.StatusSeeOther:
			step = ""
			if !slices.Contains(right, auth.NormalizeTOTPCode(code)) && !isFuzzRecoveryCode(code) {
				t.Fatalf("signed in with the code %q", code)
			}
			if leavesSite(p.location()) || !strings.HasPrefix(p.location(), "/admin") {
				t.Fatalf("signed in and sent to %q (next %q), not to a page of the admin", p.location(), next)
			}
		case http.StatusUnauthorized:
			if v := p.doc.Find(`form[action="/admin/login/code"] input[name="code"]`).AttrOr("value", "?"); v != "" {
				t.Fatalf("the code form came back holding %q", v)
			}
		case http.StatusRequestEntityTooLarge:
			expectTooLarge(t, v.Encode(), web.MaxLoginBody)
		default:
			t.Fatalf("status %d, want 303 or 401\n%s", p.status, excerpt(p))
		}
	})
}

// isFuzzRecoveryCode reports whether typed is one of fuzzRecoveryCodes, as the site reads codes.
func isFuzzRecoveryCode(typed string) bool {
	m, ok := auth.NormalizeRecoveryCode(typed)
	if !ok {
		return false
	}
	for _, c := range fuzzRecoveryCodes {
		if n, _ := auth.NormalizeRecoveryCode(c); n == m {
			return true
		}
	}
	return false
}
