package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/pquerna/otp"
	"github.com/pquerna/otp/totp"

	"twincities/internal/auth"
	"twincities/internal/content"
	"twincities/internal/store"
)

// twoFactorStart is a moment the two-factor tests start their clocks at: the middle of a time
// step, so that a test moves from step to step by whole periods.
var twoFactorStart = time.Date(2026, 5, 12, 9, 30, 15, 0, time.UTC)

// totpCode is the code an authenticator app holding secret shows at t.
func totpCode(tb testing.TB, secret string, t time.Time) string {
	tb.Helper()
	c, err := totp.GenerateCodeCustom(secret, t, totp.ValidateOpts{Period: 30, Digits: otp.DigitsSix, Algorithm: otp.AlgorithmSHA1})
	if err != nil {
		tb.Fatal(err)
	}
	return c
}

// wrongCode is a six-digit code that is none of the codes secret gives around t.
func wrongCode(tb testing.TB, secret string, t time.Time) string {
	tb.Helper()
	taken := map[string]bool{}
	for d := -2; d <= 2; d++ {
		taken[totpCode(tb, secret, t.Add(time.Duration(d)*auth.TOTPPeriod))] = true
	}
	for _, c := range []string{"000000", "111111", "222222", "333333", "444444", "555555"} {
		if !taken[c] {
			return c
		}
	}
	tb.Fatal("no wrong code found")
	return ""
}

// giveTwoFactor turns on two-factor sign-in for u directly in the store, as the set-up page
// would, and returns the key and the recovery codes.
func giveTwoFactor(tb testing.TB, db *pgxpool.Pool, u content.User) (secret string, codes []string) {
	tb.Helper()
	secret, err := auth.NewTOTPSecret()
	if err != nil {
		tb.Fatal(err)
	}
	codes, err = auth.NewRecoveryCodes()
	if err != nil {
		tb.Fatal(err)
	}
	var hashes [][]byte
	for _, c := range codes {
		n, _ := auth.NormalizeRecoveryCode(c)
		hashes = append(hashes, auth.HashRecoveryCode(n))
	}
	if _, err := store.EnableTwoFactor(context.Background(), db, u.ID, secret, 0, hashes, store.Actor{Name: "test"}); err != nil {
		tb.Fatal(err)
	}
	return secret, codes
}

// passwordStep signs in with the password of an account with two-factor sign-in and returns the
// code page it leads to.
func (b *browser) passwordStep(email, password string) page {
	b.tb.Helper()
	res := b.signIn(email, password)
	if res.status != http.StatusSeeOther || !strings.HasPrefix(res.location(), "/admin/login/code") {
		b.tb.Fatalf("password of %s: status %d to %q, want 303 to the code page\n%s", email, res.status, res.location(), excerpt(res))
	}
	return b.mustGet(res.location())
}

// sendCode types code into the code page and sends it.
func (b *browser) sendCode(codePage page, code string) page {
	b.tb.Helper()
	return b.submit(codePage, formAt("/admin/login/code"), url.Values{"code": {code}})
}

// mustSignInWithCode signs in with the password and then code, and fails the test unless it worked.
func (b *browser) mustSignInWithCode(email, password, code string) {
	b.tb.Helper()
	expectRedirect(b.tb, b.sendCode(b.passwordStep(email, password), code), "/admin/")
}

// expectCodeRefused fails the test unless p is the code page refusing a code with status and msg,
// at the field and in the summary.
func expectCodeRefused(tb testing.TB, p page, status int, msg string) {
	tb.Helper()
	expectStatus(tb, p, status)
	if got := squash(p.doc.Find("#f-code-error").Text()); got != msg {
		tb.Errorf("the code field says %q, want %q", got, msg)
	}
	if got := squash(p.doc.Find(".error-summary").Text()); !strings.Contains(got, msg) {
		tb.Errorf("the error summary says %q, want %q", got, msg)
	}
	if v := p.doc.Find("#f-code").AttrOr("value", ""); v != "" {
		tb.Errorf("the code typed is sent back: %q", v)
	}
}
