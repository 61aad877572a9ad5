package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"twincities/internal/auth"
	"twincities/internal/postgres/pgtest"
	"twincities/internal/store"
)

// A member of staff sets up two-factor sign-in from the page, as a person does: the QR code and
// the key are shown, the key typed into an app gives a code that turns it on, the recovery codes
// are shown once, and from then on signing in asks for a code after the password.
func TestTwoFactorEnrolmentEndToEnd(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	ed := addEditor(t, db)
	clk := newClock(twoFactorStart)
	site := startSite(t, db, withClock(clk))
	b := site.newBrowser(t, "en")
	b.mustSignIn(editorEmail, editorPassword)
	other := site.newBrowser(t, "en") // another session of the same person, begun with the password alone
	other.mustSignIn(editorEmail, editorPassword)

	// The admin's header leads to the page.
	dash := b.mustGet("/admin/")
	if dash.doc.Find(`header a[href="/admin/account/two-factor"]`).Length() != 1 {
		t.Error("the admin's header has no link to two-factor sign-in")
	}
	page := b.mustGet("/admin/account/two-factor")
	if !strings.Contains(page.text(), adminEN.TwoFactorOff) {
		t.Errorf("the page does not say two-factor sign-in is off:\n%s", excerpt(page))
	}

	// Start: a key waits in the session, not in the database.
	res := b.submit(page, formAt("/admin/account/two-factor/start"), nil)
	expectRedirect(t, res, "/admin/account/two-factor")
	setup := b.follow(res)
	expectStatus(t, setup, http.StatusOK)
	svg := setup.doc.Find("svg.qr-code")
	if svg.Length() != 1 || svg.AttrOr("role", "") != "img" || svg.AttrOr("aria-label", "") != adminEN.QRLabel {
		t.Fatalf("the QR code is %d svg elements, role %q, label %q", svg.Length(), svg.AttrOr("role", ""), svg.AttrOr("aria-label", ""))
	}
	if paths := svg.Find("path"); paths.Length() != 1 || !regexp.MustCompile(`^(M\d+ \d+h\d+v1h-\d+z)+$`).MatchString(paths.AttrOr("d", "")) {
		t.Errorf("the QR code's drawing is %d paths, the first %.80q", paths.Length(), paths.AttrOr("d", ""))
	}
	if vb := strings.Fields(svg.AttrOr("viewBox", "")); len(vb) != 4 || vb[0] != "0" || vb[2] != vb[3] {
		t.Errorf("the QR code's viewBox is %v", vb)
	}
	if svg.Find("image").Length() != 0 || strings.Contains(setup.body, "data:image") {
		t.Error("the QR code is a picture, not a drawing")
	}
	shown := squash(setup.doc.Find(".secret-key").Text())
	if !regexp.MustCompile(`^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$`).MatchString(shown) {
		t.Fatalf("the key is shown as %q, want 8 groups of 4 base32 characters", shown)
	}
	key := strings.ReplaceAll(shown, " ", "")
	if n := queryInt(t, db, `SELECT count(*) FROM users WHERE totp_secret IS NOT NULL`); n != 0 {
		t.Error("a key is in the users table before a code confirmed it")
	}
	confirm := formAt("/admin/account/two-factor/confirm")
	field := findForm(t, setup, confirm).Find("#f-code")
	if field.AttrOr("autocomplete", "") != "one-time-code" || field.AttrOr("inputmode", "") != "numeric" {
		t.Errorf("the code field has autocomplete %q, inputmode %q", field.AttrOr("autocomplete", ""), field.AttrOr("inputmode", ""))
	}

	// A wrong code: the form again, the message at the field and in the summary.
	bad := b.submit(setup, confirm, url.Values{"code": {wrongCode(t, key, clk.Now())}})
	expectStatus(t, bad, http.StatusUnprocessableEntity)
	if got := squash(bad.doc.Find("#f-code-error").Text()); got != adminEN.ConfirmWrong {
		t.Errorf("a wrong code: the field says %q, want %q", got, adminEN.ConfirmWrong)
	}
	if bad.doc.Find(`.error-summary a[href="#f-code"]`).Length() != 1 {
		t.Error("a wrong code: the summary does not link to the field")
	}
	if squash(bad.doc.Find(".secret-key").Text()) != shown {
		t.Error("a wrong code: the same key is not shown again")
	}

	// The key typed into an app: its code turns two-factor sign-in on and shows the recovery
	// codes, once.
	done := b.submit(bad, confirm, url.Values{"code": {totpCode(t, key, clk.Now())}})
	expectStatus(t, done, http.StatusOK)
	var codes []string
	done.doc.Find(".recovery-codes code").Each(func(_ int, s *goquery.Selection) { codes = append(codes, s.Text()) })
	if len(codes) != 10 {
		t.Fatalf("%d recovery codes shown, want 10:\n%s", len(codes), excerpt(done))
	}
	for _, c := range codes {
		if !regexp.MustCompile(`^[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}$`).MatchString(c) {
			t.Errorf("recovery code %q", c)
		}
	}
	if got := queryString(t, db, `SELECT coalesce(totp_secret, '') FROM users WHERE id = $1`, ed.ID); got != key {
		t.Errorf("the stored key is %q, want the one shown", got)
	}
	if n := queryInt(t, db, `SELECT count(*) FROM recovery_codes WHERE user_id = $1 AND used_at IS NULL`, ed.ID); n != 10 {
		t.Errorf("%d recovery codes stored, want 10", n)
	}
	for _, c := range codes {
		if n := queryInt(t, db, `SELECT count(*) FROM recovery_codes r WHERE strpos(r::text, $1) > 0`,
			strings.ReplaceAll(c, "-", "")); n != 0 {
			t.Error("a recovery code is stored as it is")
		}
	}
	log, err := store.ListAudit(t.Context(), db, store.AuditQuery{UserID: ed.ID, Action: store.ActionTwoFactorEnable})
	if err != nil || len(log) != 1 {
		t.Errorf("audit lines of turning it on: %d (%v), want 1", len(log), err)
	}

	// The key is never shown again; the page says it is on and how many codes are left.
	after := b.mustGet("/admin/account/two-factor")
	if strings.Contains(after.body, key) || strings.Contains(after.body, shown) || after.doc.Find("svg.qr-code").Length() != 0 {
		t.Error("the key is shown after set-up")
	}
	if text := after.text(); !strings.Contains(text, fmt.Sprintf(adminEN.RecoveryLeftFmt, 10)) {
		t.Errorf("the page does not say 10 codes are left:\n%s", excerpt(after))
	}
	for _, c := range codes {
		if strings.Contains(after.body, c) {
			t.Error("a recovery code is shown again")
		}
	}
	// The session that turned it on goes on; the one begun with the password alone has ended.
	expectStatus(t, b.get("/admin/"), http.StatusOK)
	expectExpired(t, other, other.get("/admin/"))

	// Signing in now asks for the code after the password.
	expectRedirect(t, b.post("/admin/logout", nil), "/admin/login")
	clk.Advance(auth.TOTPPeriod)
	codePage := b.passwordStep(editorEmail, editorPassword)
	expectSignInPage(t, b.get("/admin/"))
	input := findForm(t, codePage, formAt("/admin/login/code")).Find("#f-code")
	if input.AttrOr("autocomplete", "") != "one-time-code" || input.AttrOr("inputmode", "") != "numeric" {
		t.Errorf("the sign-in code field has autocomplete %q, inputmode %q", input.AttrOr("autocomplete", ""), input.AttrOr("inputmode", ""))
	}
	wrong := b.sendCode(codePage, wrongCode(t, key, clk.Now()))
	expectCodeRefused(t, wrong, http.StatusUnauthorized, adminEN.CodeWrong)
	expectSignInPage(t, b.get("/admin/"))
	right := b.sendCode(wrong, totpCode(t, key, clk.Now()))
	expectRedirect(t, right, "/admin/")
	expectStatus(t, b.follow(right), http.StatusOK)

	// The record: the password alone was not a sign-in; the codes were, each as it went.
	var outcomes []string
	rows, err := db.Query(t.Context(), `SELECT outcome FROM login_attempts WHERE email = $1 ORDER BY id`, editorEmail)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var o string
		if err := rows.Scan(&o); err != nil {
			t.Fatal(err)
		}
		outcomes = append(outcomes, o)
	}
	if want := "[success success password failure success]"; fmt.Sprint(outcomes) != want {
		t.Errorf("sign-in attempts %v, want %s", outcomes, want)
	}
	// Neither the key nor a code reaches the log.
	logged := site.log.String()
	for _, secret := range append([]string{key, shown, totpCode(t, key, clk.Now())}, codes...) {
		if strings.Contains(logged, secret) {
			t.Errorf("%q is in the log", secret)
		}
	}
}

// The page turns two-factor sign-in off, and gives new recovery codes, only for a code of the
// second factor; new codes replace the old ones.
func TestTwoFactorNewCodesAndTurningOff(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	ed := addEditor(t, db)
	secret, codes := giveTwoFactor(t, db, ed)
	clk := newClock(twoFactorStart)
	site := startSite(t, db, withClock(clk))
	b := site.newBrowser(t, "en")
	b.mustSignInWithCode(editorEmail, editorPassword, totpCode(t, secret, clk.Now()))
	page := b.mustGet("/admin/account/two-factor")
	regenerate, disable := formAt("/admin/account/two-factor/recovery-codes"), formAt("/admin/account/two-factor/disable")

	// The code just used signs nothing else.
	bad := b.submit(page, regenerate, url.Values{"regenerate_code": {totpCode(t, secret, clk.Now())}})
	expectStatus(t, bad, http.StatusUnprocessableEntity)
	if got := squash(bad.doc.Find("#f-regenerate-code-error").Text()); got != adminEN.CodeWrong {
		t.Errorf("a used code: the field says %q, want %q", got, adminEN.CodeWrong)
	}
	clk.Advance(auth.TOTPPeriod)
	fresh := b.submit(bad, regenerate, url.Values{"regenerate_code": {totpCode(t, secret, clk.Now())}})
	expectStatus(t, fresh, http.StatusOK)
	if n := fresh.doc.Find(".recovery-codes code").Length(); n != 10 {
		t.Fatalf("%d new codes shown, want 10", n)
	}
	// An old recovery code is gone; a new one works (here, to turn two-factor sign-in off).
	page = b.mustGet("/admin/account/two-factor")
	old := b.submit(page, disable, url.Values{"disable_code": {codes[0]}})
	expectStatus(t, old, http.StatusUnprocessableEntity)
	if got := squash(old.doc.Find("#f-disable-code-error").Text()); got != adminEN.CodeWrong {
		t.Errorf("an old recovery code: the field says %q, want %q", got, adminEN.CodeWrong)
	}
	off := b.submit(old, disable, url.Values{"disable_code": {strings.ToLower(fresh.doc.Find(".recovery-codes code").First().Text())}})
	expectRedirect(t, off, "/admin/account/two-factor")
	if got := b.follow(off).flash(); got != adminEN.FlashTwoFactorOff {
		t.Errorf("flash %q, want %q", got, adminEN.FlashTwoFactorOff)
	}
	if n := queryInt(t, db, `SELECT count(*) FROM users WHERE id = $1 AND totp_secret IS NULL AND totp_enabled_at IS NULL`, ed.ID); n != 1 {
		t.Error("two-factor sign-in is still on")
	}
	if n := queryInt(t, db, `SELECT count(*) FROM recovery_codes WHERE user_id = $1`, ed.ID); n != 0 {
		t.Errorf("%d recovery codes kept", n)
	}
	// Turning it off oneself keeps one's session; the password alone signs in again.
	expectStatus(t, b.get("/admin/"), http.StatusOK)
	site.newBrowser(t, "en").mustSignIn(editorEmail, editorPassword)

	var actions []string
	log, err := store.ListAudit(t.Context(), db, store.AuditQuery{UserID: ed.ID})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range log {
		actions = append(actions, e.Action)
	}
	if want := []string{store.ActionTwoFactorDisable, store.ActionTwoFactorCodes}; fmt.Sprint(actions) != fmt.Sprint(want) {
		t.Errorf("the editor's audit lines, newest first: %v, want %v", actions, want)
	}
}

// The change log names every action it records, in both languages, and can filter by each.
func TestChangeLogOffersEveryAction(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	addAdmin(t, db)
	b := startSite(t, db).newBrowser(t, "en")
	b.mustSignIn(adminEmail, adminPassword)
	log := b.mustGet("/admin/history")
	for _, action := range store.Actions {
		if adminEN.ActionNames[action] == "" || adminRU.ActionNames[action] == "" {
			t.Errorf("action %q has no name", action)
		}
		if log.doc.Find(`select[name="action"] option[value="`+action+`"]`).Length() != 1 {
			t.Errorf("the change log's filter does not offer %q", action)
		}
	}
}
