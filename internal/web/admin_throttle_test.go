package web_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"twincities/internal/content"
	"twincities/internal/postgres/pgtest"
	"twincities/internal/store"
)

// expectThrottled fails the test unless p is the sign-in page refusing with 429.
func expectThrottled(tb testing.TB, p page) {
	tb.Helper()
	expectStatus(tb, p, http.StatusTooManyRequests)
	if msg := squash(p.doc.Find(".error-summary").Text()); msg != adminEN.Throttled {
		tb.Errorf("message %q, want %q", msg, adminEN.Throttled)
	}
}

func TestThrottleByAccount(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	addEditor(t, db)
	addAdmin(t, db)
	site := startSite(t, db)
	b := site.newBrowser(t, "en")

	for i := 1; i <= store.AccountFailures; i++ {
		expectStatus(t, b.signIn(editorEmail, fmt.Sprintf("Wrong guess number %d!", i)), http.StatusUnauthorized)
	}
	// The sixth attempt is refused even with the right password, and does not sign in.
	expectThrottled(t, b.signIn(editorEmail, editorPassword))
	expectSignInPage(t, b.get("/admin/"))
	// The account is locked whatever the case or spaces of its address.
	expectThrottled(t, site.newBrowser(t, "en").signIn(" EDITOR@perm.example", editorPassword))

	// Another account from the same address still signs in.
	other := site.newBrowser(t, "en")
	other.mustSignIn(adminEmail, adminPassword)

	// Both refusals are counted, in one row: they came from one address within a minute.
	if n := queryInt(t, db, `SELECT coalesce(sum(repeats), 0) FROM login_attempts WHERE outcome = 'throttled'`); n != 2 {
		t.Errorf("%d throttled attempts recorded, want 2", n)
	}
	if n := queryInt(t, db, `SELECT count(*) FROM login_attempts WHERE outcome = 'throttled'`); n != 1 {
		t.Errorf("throttled attempts take %d rows, want 1", n)
	}

	// Fifteen minutes on, the account may try again.
	exec(t, db, `UPDATE login_attempts SET at = at - interval '16 minutes'`)
	site.newBrowser(t, "en").mustSignIn(editorEmail, editorPassword)
}

func TestThrottleByAddress(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	addEditor(t, db)
	addAdmin(t, db)
	site := startSite(t, db)

	// Nineteen failures from one address, spread over accounts so that none is locked itself.
	for i := 1; i < store.AddressFailures; i++ {
		b := site.newBrowser(t, "en")
		expectStatus(t, b.signIn(fmt.Sprintf("guess%d@perm.example", i), "Some guessed password"), http.StatusUnauthorized)
	}
	before := site.newBrowser(t, "en")
	before.mustSignIn(editorEmail, editorPassword)

	// The twentieth locks the address: every account, with its right password.
	expectStatus(t, site.newBrowser(t, "en").signIn("guess20@perm.example", "Some guessed password"), http.StatusUnauthorized)
	for _, who := range []struct{ email, password string }{{editorEmail, editorPassword}, {adminEmail, adminPassword}} {
		b := site.newBrowser(t, "en")
		expectThrottled(t, b.signIn(who.email, who.password))
		expectSignInPage(t, b.get("/admin/"))
	}
	// A session begun before the lock goes on: the throttle is about signing in.
	expectStatus(t, before.get("/admin/"), http.StatusOK)

	exec(t, db, `UPDATE login_attempts SET at = at - interval '16 minutes'`)
	site.newBrowser(t, "en").mustSignIn(adminEmail, adminPassword)
}

func TestThrottleMessageInRussian(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	addStaff(t, db, "Редактор", "ru@perm.example", content.Editor, editorPassword)
	b := startSite(t, db).newBrowser(t, "")
	for i := 0; i < store.AccountFailures; i++ {
		expectStatus(t, b.signIn("ru@perm.example", "Неверный пароль номер "+fmt.Sprint(i)), http.StatusUnauthorized)
	}
	res := b.signIn("ru@perm.example", editorPassword)
	expectStatus(t, res, http.StatusTooManyRequests)
	if msg := squash(res.doc.Find(".error-summary").Text()); !strings.Contains(msg, adminRU.Throttled) {
		t.Errorf("message %q, want %q", msg, adminRU.Throttled)
	}
}
