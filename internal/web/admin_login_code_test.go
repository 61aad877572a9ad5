package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"twincities/internal/auth"
	"twincities/internal/postgres/pgtest"
	"twincities/internal/store"
)

// A code works once: not again in its own time step, not in a second request racing the first,
// and a code two steps old not at all.
func TestSignInCodeWorksOnce(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	ed := addEditor(t, db)
	secret, _ := giveTwoFactor(t, db, ed)
	clk := newClock(twoFactorStart)
	site := startSite(t, db, withClock(clk))

	code := totpCode(t, secret, clk.Now())
	site.newBrowser(t, "en").mustSignInWithCode(editorEmail, editorPassword, code)
	t.Run("reused in its step", func(t *testing.T) {
		b := site.newBrowser(t, "en")
		expectCodeRefused(t, b.sendCode(b.passwordStep(editorEmail, editorPassword), code), http.StatusUnauthorized, adminEN.CodeWrong)
		expectSignInPage(t, b.get("/admin/"))
	})

	t.Run("two requests racing", func(t *testing.T) {
		clk.Advance(auth.TOTPPeriod)
		code := totpCode(t, secret, clk.Now())
		const racers = 4
		pages := make([]page, racers)
		browsers := make([]*browser, racers)
		for i := range browsers {
			browsers[i] = site.newBrowser(t, "en")
			pages[i] = browsers[i].passwordStep(editorEmail, editorPassword)
		}
		results := make([]page, racers)
		var wg sync.WaitGroup
		for i := range browsers {
			wg.Go(func() { results[i] = browsers[i].sendCode(pages[i], code) })
		}
		wg.Wait()
		wins := 0
		for i, res := range results {
			switch res.status {
			case http.StatusSeeOther:
				wins++
				expectStatus(t, browsers[i].get("/admin/"), http.StatusOK)
			case http.StatusUnauthorized:
				expectSignInPage(t, browsers[i].get("/admin/"))
			default:
				t.Errorf("racer %d: status %d", i, res.status)
			}
		}
		if wins != 1 {
			t.Errorf("%d of %d racing requests with one code signed in, want 1", wins, racers)
		}
	})

	t.Run("two steps ago", func(t *testing.T) {
		clk.Advance(3 * auth.TOTPPeriod)
		b := site.newBrowser(t, "en")
		old := totpCode(t, secret, clk.Now().Add(-2*auth.TOTPPeriod))
		expectCodeRefused(t, b.sendCode(b.passwordStep(editorEmail, editorPassword), old), http.StatusUnauthorized, adminEN.CodeWrong)
		// The step before the current one is still good: a code typed as it changed.
		b.mustSignInWithCode(editorEmail, editorPassword, totpCode(t, secret, clk.Now().Add(-auth.TOTPPeriod)))
	})
}

// Wrong codes are throttled exactly as wrong passwords, and counted with them: five for an
// account lock it, and the right code is then refused too. A right password does not start the
// count again, or a guesser who knows it could go on for ever.
func TestSignInCodesThrottled(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	ed := addEditor(t, db)
	addAdmin(t, db)
	secret, _ := giveTwoFactor(t, db, ed)
	clk := newClock(twoFactorStart)
	site := startSite(t, db, withClock(clk))
	wrong := wrongCode(t, secret, clk.Now())

	b := site.newBrowser(t, "en")
	codePage := b.passwordStep(editorEmail, editorPassword)
	for i := 1; i < store.AccountFailures; i++ {
		codePage = b.sendCode(codePage, wrong)
		expectCodeRefused(t, codePage, http.StatusUnauthorized, adminEN.CodeWrong)
	}
	// The password again, right: not a success that forgives the wrong codes.
	b = site.newBrowser(t, "en")
	codePage = b.passwordStep(editorEmail, editorPassword)
	expectCodeRefused(t, b.sendCode(codePage, wrong), http.StatusUnauthorized, adminEN.CodeWrong)
	// Five failures: the right code is refused, and so is the password.
	expectCodeRefused(t, b.sendCode(codePage, totpCode(t, secret, clk.Now())), http.StatusTooManyRequests, adminEN.Throttled)
	expectSignInPage(t, b.get("/admin/"))
	expectThrottled(t, site.newBrowser(t, "en").signIn(editorEmail, editorPassword))
	// Another account from the same address signs in.
	site.newBrowser(t, "en").mustSignIn(adminEmail, adminPassword)

	// Fifteen minutes on, the account may try again.
	exec(t, db, `UPDATE login_attempts SET at = at - interval '16 minutes'`)
	site.newBrowser(t, "en").mustSignInWithCode(editorEmail, editorPassword, totpCode(t, secret, clk.Now()))
	if log := site.log.String(); strings.Count(log, "second-factor attempt") != 7 || strings.Contains(log, wrong) {
		t.Errorf("the log has %d second-factor lines (want 7), or a code:\n%s", strings.Count(log, "second-factor attempt"), log)
	}
}

// Wrong passwords and wrong codes of one account add up to its limit.
func TestSignInPasswordsAndCodesCountTogether(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	ed := addEditor(t, db)
	secret, _ := giveTwoFactor(t, db, ed)
	clk := newClock(twoFactorStart)
	b := startSite(t, db, withClock(clk)).newBrowser(t, "en")
	for i := range 3 {
		expectStatus(t, b.signIn(editorEmail, fmt.Sprintf("Wrong guess number %d!", i)), http.StatusUnauthorized)
	}
	codePage := b.passwordStep(editorEmail, editorPassword)
	for range 2 {
		codePage = b.sendCode(codePage, wrongCode(t, secret, clk.Now()))
		expectStatus(t, codePage, http.StatusUnauthorized)
	}
	expectCodeRefused(t, b.sendCode(codePage, totpCode(t, secret, clk.Now())), http.StatusTooManyRequests, adminEN.Throttled)
}

// A recovery code signs in once, in whatever case and with whatever spaces it is typed, and the
// page then counts one code fewer.
func TestSignInWithRecoveryCode(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	ed := addEditor(t, db)
	_, codes := giveTwoFactor(t, db, ed)
	site := startSite(t, db)
	b := site.newBrowser(t, "en")
	codePage := b.passwordStep(editorEmail, editorPassword)
	link := codePage.doc.Find(`a[href^="/admin/login/code?"]`)
	if squash(link.Text()) != adminEN.UseRecovery {
		t.Fatalf("the code page's link to a recovery code reads %q", squash(link.Text()))
	}
	recovery := b.mustGet(link.AttrOr("href", ""))
	if label := squash(recovery.doc.Find(`label[for="f-code"]`).Text()); label != adminEN.RecoveryLabel {
		t.Errorf("the recovery page's field is labelled %q", label)
	}
	if mode := recovery.doc.Find("#f-code").AttrOr("inputmode", ""); mode == "numeric" {
		t.Error("the recovery code field offers digits only; recovery codes have letters")
	}
	typed := strings.ToLower(strings.ReplaceAll(codes[3], "-", " "))
	res := b.sendCode(recovery, typed)
	expectRedirect(t, res, "/admin/")
	page := b.mustGet("/admin/account/two-factor")
	if !strings.Contains(page.text(), fmt.Sprintf(adminEN.RecoveryLeftFmt, 9)) {
		t.Errorf("the page does not say 9 codes are left:\n%s", excerpt(page))
	}

	again := site.newBrowser(t, "en")
	again.passwordStep(editorEmail, editorPassword)
	recovery = again.mustGet("/admin/login/code?recovery=1")
	expectCodeRefused(t, again.sendCode(recovery, codes[3]), http.StatusUnauthorized, adminEN.RecoveryWrong)
	expectSignInPage(t, again.get("/admin/"))
}

// The code must follow the password within five minutes; after that, sign in again. The page to
// return to is kept through both steps.
func TestSignInCodeStepExpires(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	ed := addEditor(t, db)
	secret, _ := giveTwoFactor(t, db, ed)
	clk := newClock(twoFactorStart)
	site := startSite(t, db, withClock(clk))

	const next = "/admin/twin-cities?state=draft"
	b := site.newBrowser(t, "en")
	res := b.signInAt("/admin/login?next="+url.QueryEscape(next), editorEmail, editorPassword)
	expectRedirect(t, res, "/admin/login/code?next="+url.QueryEscape(next))
	codePage := b.follow(res)
	if v := findForm(t, codePage, formAt("/admin/login/code")).Find(`input[name="next"]`).AttrOr("value", ""); v != next {
		t.Errorf("the code form's next is %q", v)
	}
	clk.Advance(5*time.Minute + time.Second)
	late := b.sendCode(codePage, totpCode(t, secret, clk.Now()))
	expectRedirect(t, late, "/admin/login?next="+url.QueryEscape(next))
	if got := b.follow(late).flash(); got != adminEN.CodeExpired {
		t.Errorf("the sign-in page says %q, want %q", got, adminEN.CodeExpired)
	}
	expectSignInPage(t, b.get("/admin/"))
	expectRedirect(t, b.get("/admin/login/code"), "/admin/login") // nothing to confirm any more

	// Within the five minutes the code leads to the page asked for.
	b = site.newBrowser(t, "en")
	res = b.signInAt("/admin/login?next="+url.QueryEscape(next), editorEmail, editorPassword)
	codePage = b.follow(res)
	clk.Advance(4 * time.Minute)
	expectRedirect(t, b.sendCode(codePage, totpCode(t, secret, clk.Now())), next)
}

// The code page is no way around the password, and a reset between the steps ends the step.
func TestSignInCodeNeedsThePassword(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	ed := addEditor(t, db)
	secret, _ := giveTwoFactor(t, db, ed)
	clk := newClock(twoFactorStart)
	site := startSite(t, db, withClock(clk))

	stranger := site.newBrowser(t, "en")
	expectRedirect(t, stranger.get("/admin/login/code"), "/admin/login")
	stranger.mustGet("/admin/login") // a session, but no password step in it
	expectRedirect(t, stranger.post("/admin/login/code", url.Values{"code": {totpCode(t, secret, clk.Now())}}), "/admin/login")
	expectSignInPage(t, stranger.get("/admin/"))

	b := site.newBrowser(t, "en")
	codePage := b.passwordStep(editorEmail, editorPassword)
	if err := store.ResetTwoFactor(t.Context(), db, ed.ID, store.Actor{Name: "test"}); err != nil {
		t.Fatal(err)
	}
	res := b.sendCode(codePage, totpCode(t, secret, clk.Now()))
	expectRedirect(t, res, "/admin/login")
	expectSignInPage(t, b.get("/admin/"))
}
