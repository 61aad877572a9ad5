package loadtest

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"

	"twincities/internal/postgres/pgtest"
)

// Sixty sign-in attempts at once, each for another address and account so that the throttle
// lets all of them be checked: argon2id takes 64 MiB an attempt, and with no bound the process
// peaked at 4.0 GB. Checks now take turns, one per core, and the memory stays flat.
func TestSignInBurstKeepsMemoryFlat(t *testing.T) {
	db := pgtest.SeededDB(t)
	srv := startServer(t, "DATABASE_URL", db.Config().ConnString(), "TRUST_PROXY", "true")
	before := srv.peakRSS(t)

	const n = 60
	statuses := make([]int, n)
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			form := url.Values{"email": {fmt.Sprintf("guess%d@perm.example", i)}, "password": {"A guessed password, long enough"}}
			req, err := http.NewRequest(http.MethodPost, srv.URL+"/admin/login", strings.NewReader(form.Encode()))
			if err != nil {
				t.Error(err)
				return
			}
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			req.Header.Set("X-Forwarded-For", fmt.Sprintf("198.51.100.%d", i+1))
			res, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Error(err)
				return
			}
			res.Body.Close()
			statuses[i] = res.StatusCode
		}()
	}
	close(start)
	wg.Wait()

	counts := map[int]int{}
	for _, s := range statuses {
		counts[s]++
	}
	// Each is a wrong password (401), or, on a machine too slow to check them all within the
	// wait, a calm "come back later" (503); never anything else.
	if counts[http.StatusUnauthorized]+counts[http.StatusServiceUnavailable] != n || counts[http.StatusUnauthorized] == 0 {
		t.Errorf("answers: %v, want %d wrong passwords (401), or some 503 when slow", counts, n)
	}
	peak := srv.peakRSS(t)
	t.Logf("peak memory: %d MiB before the burst, %d MiB after %d sign-in attempts at once (%v)", before>>20, peak>>20, n, counts)
	// Two checks at a time take 128 MiB; the process, its pool and its garbage take the rest.
	const budget = 400 << 20
	if peak > budget {
		t.Errorf("the server peaked at %d MiB, over the budget of %d MiB", peak>>20, budget>>20)
	}
}
