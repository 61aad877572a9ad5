package web_test

import (
	"fmt"
	"net/http"
	"sync"
	"testing"
	"time"

	"twincities/internal/postgres/pgtest"
	"twincities/internal/store"
	"twincities/internal/web"
)

// burst signs in n times at once, each with the password the function gives for attempt i, each
// from its own browser; it returns the statuses.
func burst(t *testing.T, site *adminSite, n int, attempt func(i int) (email, password string, header []string)) []int {
	t.Helper()
	statuses := make([]int, n)
	start := make(chan struct{})
	var wg sync.WaitGroup
	for i := range n {
		b := site.newBrowser(t, "en")
		email, password, header := attempt(i)
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			statuses[i] = b.post("/admin/login", map[string][]string{"email": {email}, "password": {password}}, header...).status
		}()
	}
	close(start)
	wg.Wait()
	return statuses
}

// checked counts the attempts whose password was checked: those that ended in success or failure,
// not refused by the throttle.
func checked(t *testing.T, site *adminSite, where string, args ...any) int64 {
	t.Helper()
	return queryInt(t, site.db, `SELECT count(*) FROM login_attempts WHERE outcome IN ('success', 'failure') AND `+where, args...)
}

// Forty wrong passwords at once for one account: the throttle used to look before any of them was
// counted, so 39 were checked and the right password inside the burst signed in. Now at most five
// are checked, and the right one sent while the burst is under way is refused.
func TestBurstOnOneAccountChecksAtMostFive(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	addEditor(t, db)
	site := startSite(t, db)

	done := make(chan []int)
	go func() {
		done <- burst(t, site, 40, func(i int) (string, string, []string) {
			return editorEmail, fmt.Sprintf("Wrong guess number %d!", i), nil
		})
	}()
	// Once five attempts are on record, the account is spent: the right password is refused,
	// however the burst goes on.
	deadline := time.Now().Add(30 * time.Second)
	for checked(t, site, "email = $1", editorEmail) < store.AccountFailures {
		if time.Now().After(deadline) {
			t.Fatal("the burst never recorded five attempts")
		}
		time.Sleep(5 * time.Millisecond)
	}
	right := site.newBrowser(t, "en")
	expectThrottled(t, right.signIn(editorEmail, editorPassword))
	expectSignInPage(t, right.get("/admin/"))

	statuses := <-done
	counts := map[int]int{}
	for _, s := range statuses {
		counts[s]++
	}
	if counts[http.StatusUnauthorized] > store.AccountFailures || counts[http.StatusUnauthorized]+counts[http.StatusTooManyRequests] != 40 {
		t.Errorf("answers to the burst: %v; want at most %d refusals of the password (401), the rest throttled (429)", counts, store.AccountFailures)
	}
	if n := checked(t, site, "email = $1", editorEmail); n > store.AccountFailures {
		t.Errorf("%d passwords checked for one account, want at most %d", n, store.AccountFailures)
	}
}

// Sixty attempts at once from one address, each on another account: at most twenty are checked.
func TestBurstFromOneAddressChecksAtMostTwenty(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	site := startSite(t, db, func(d *web.Deps) { d.TrustProxy = true })
	statuses := burst(t, site, 60, func(i int) (string, string, []string) {
		return fmt.Sprintf("guess%d@perm.example", i), "A guessed password", []string{"X-Forwarded-For", "203.0.113.7"}
	})
	refused := 0
	for _, s := range statuses {
		if s == http.StatusTooManyRequests {
			refused++
		}
	}
	if n := checked(t, site, "address = $1", "203.0.113.7"); n > store.AddressFailures || refused < 60-store.AddressFailures {
		t.Errorf("%d passwords checked from one address and %d attempts throttled; want at most %d checked", n, refused, store.AddressFailures)
	}
}
