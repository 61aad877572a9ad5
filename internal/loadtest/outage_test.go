package loadtest

import (
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// answers counts what the site answered under load.
type answers struct {
	mu         sync.Mutex
	byStatus   map[int]int
	noRetry    int       // 503s without Retry-After
	lastFailed time.Time // the last answer that was not 200
	lastOK     time.Time
}

func (a *answers) record(status int, retryAfter string) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.byStatus[status]++
	now := time.Now()
	if status == http.StatusOK {
		a.lastOK = now
		return
	}
	a.lastFailed = now
	if status == http.StatusServiceUnavailable && retryAfter == "" {
		a.noRetry++
	}
}

func (a *answers) snapshot() (map[int]int, int, time.Time, time.Time) {
	a.mu.Lock()
	defer a.mu.Unlock()
	out := make(map[int]int, len(a.byStatus))
	for k, v := range a.byStatus {
		out[k] = v
	}
	return out, a.noRetry, a.lastFailed, a.lastOK
}

// The local database killed while visitors keep coming: the site answers 503 with a time to come
// back (not 500), the supervisor brings the database back while the process goes on, pages are
// served again from the same process, and the log holds a few lines, not one per request. While
// the database was down, one ERROR line was written for every request: half a million in 45 s.
func TestDatabaseKilledUnderLoad(t *testing.T) {
	// Not t.TempDir, whose parent only we may enter: the database may run as the postgres user.
	dir, err := os.MkdirTemp("", "twincities-outage-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	srv := startServer(t, "DATA_DIR", dir)
	pid := srv.cmd.Process.Pid

	got := &answers{byStatus: map[int]int{}}
	var stop atomic.Bool
	var wg sync.WaitGroup
	paths := []string{"/ru/", "/en/twin-cities", "/ru/twin-cities/duisburg", "/en/awards", "/ru/memberships"}
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			client := &http.Client{Timeout: 30 * time.Second}
			for j := 0; !stop.Load(); j++ {
				res, err := client.Get(srv.URL + paths[(i+j)%len(paths)])
				if err != nil {
					t.Errorf("the server did not answer: %v", err)
					return
				}
				io.Copy(io.Discard, res.Body)
				res.Body.Close()
				got.record(res.StatusCode, res.Header.Get("Retry-After"))
			}
		}()
	}
	defer func() { stop.Store(true); wg.Wait() }()

	waitFor(t, 30*time.Second, "pages served under load", func() bool {
		counts, _, _, _ := got.snapshot()
		return counts[http.StatusOK] > 50
	})
	logBefore := len(strings.Split(srv.log.String(), "\n"))
	postmaster := postmasterPID(t, dir)
	killed := time.Now()
	if err := syscall.Kill(postmaster, syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	waitFor(t, 30*time.Second, "503s while the database is down", func() bool {
		counts, _, _, _ := got.snapshot()
		return counts[http.StatusServiceUnavailable] > 0
	})
	// Back: a page served well after the last failure, by the same process.
	waitFor(t, 90*time.Second, "pages served again", func() bool {
		_, _, lastFailed, lastOK := got.snapshot()
		return lastOK.After(lastFailed.Add(time.Second))
	})
	recovered := time.Since(killed)
	stop.Store(true)
	wg.Wait()

	if srv.cmd.Process.Pid != pid || srv.cmd.ProcessState != nil {
		t.Fatal("the server process was replaced")
	}
	if now := postmasterPID(t, dir); now == postmaster {
		t.Errorf("the database server's PID is still %d: it was not restarted", now)
	}
	counts, noRetry, _, _ := got.snapshot()
	for status, n := range counts {
		if status != http.StatusOK && status != http.StatusServiceUnavailable {
			t.Errorf("%d answers with status %d; want only 200 and 503", n, status)
		}
	}
	if noRetry > 0 {
		t.Errorf("%d answers of 503 without Retry-After", noRetry)
	}
	var problems []string
	for _, line := range strings.Split(srv.log.String(), "\n")[logBefore-1:] {
		if strings.Contains(line, "level=ERROR") || strings.Contains(line, "level=WARN") {
			problems = append(problems, line)
		}
	}
	// A line when the database goes, one per restart attempt, one when it is back, and one per
	// kind of failure every five seconds.
	allowed := 8 + 2*int(recovered/(5*time.Second))
	t.Logf("killed the database under load: back after %v; answers %v; %d warning and error lines in the log",
		recovered.Round(100*time.Millisecond), counts, len(problems))
	if len(problems) > allowed {
		t.Errorf("%d warning and error lines for %d requests in %v, want at most %d:\n%s", len(problems),
			counts[http.StatusServiceUnavailable], recovered.Round(time.Second), allowed, strings.Join(problems, "\n"))
	}
}

// postmasterPID is the PID of the database server of the local cluster under dataDir.
func postmasterPID(t *testing.T, dataDir string) int {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dataDir, "postgres", "postmaster.pid"))
	if err != nil {
		t.Fatal(err)
	}
	first, _, _ := strings.Cut(string(b), "\n")
	pid, err := strconv.Atoi(strings.TrimSpace(first))
	if err != nil {
		t.Fatalf("postmaster.pid: %v", err)
	}
	return pid
}

// waitFor polls cond until it holds, failing the test after limit.
func waitFor(t *testing.T, limit time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(limit)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("no %s within %v", what, limit)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
