package app_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"twincities/internal/app"
)

// dataDir is a new DATA_DIR the server user (postgres, when the tests run as root) may enter.
func dataDir(t *testing.T) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "twincities-app-test-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// postmasterLine reads line n (1-based) of the local cluster's postmaster.pid: 1 is the server's
// PID, 5 its socket directory. Empty when no server runs.
func postmasterLine(t *testing.T, dataDir string, n int) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dataDir, "postgres", "postmaster.pid"))
	if os.IsNotExist(err) {
		return ""
	}
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(b), "\n")
	if len(lines) < n {
		t.Fatalf("postmaster.pid has %d lines", len(lines))
	}
	return strings.TrimSpace(lines[n-1])
}

// command runs a staff command against the local cluster under dataDir.
func command(t *testing.T, dataDir, stdin string, args ...string) (out, log string, err error) {
	t.Helper()
	var o, l bytes.Buffer
	err = app.Run(context.Background(), args, env("DATA_DIR", dataDir), strings.NewReader(stdin), &o, &l)
	return o.String(), l.String(), err
}

// The README's "make the first administrator" with the site running, and a backup beside it; then
// the backup restored where nothing runs, by a command that starts and stops its own server.
func TestStaffCommandsWhileServing(t *testing.T) {
	t.Parallel()
	dir := dataDir(t)
	base, _, stop := serve(t, "DATA_DIR", dir)
	stop = sync.OnceValue(stop) // stopped below, and on the way out if the test fails first
	defer stop()

	out, log, err := command(t, dir, "a long enough passphrase\n",
		"user", "add", "--email", "olga@example.org", "--name", "Ольга Иванова", "--role", "admin")
	if err != nil || !strings.Contains(out, "Added Ольга Иванова <olga@example.org> as admin") {
		t.Fatalf("user add while serving: %q, %v\n%s", out, err, log)
	}
	if !strings.Contains(log, "using the local PostgreSQL server another process started") {
		t.Errorf("user add did not use serve's server:\n%s", log)
	}
	file := filepath.Join(t.TempDir(), "site.dump")
	if out, log, err := command(t, dir, "", "backup", file); err != nil || !strings.Contains(out, "Backed up") {
		t.Fatalf("backup while serving: %q, %v\n%s", out, err, log)
	}

	// Serve goes on, on the same server, and the account is in its database.
	if code, _ := httpGet(t, base+"/readyz"); code != 200 {
		t.Errorf("readyz after the staff commands: %d", code)
	}
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, "postgres://postgres@/twincities?sslmode=disable&host="+postmasterLine(t, dir, 5))
	if err != nil {
		t.Fatal(err)
	}
	var role string
	err = conn.QueryRow(ctx, `SELECT role FROM users WHERE email = 'olga@example.org'`).Scan(&role)
	conn.Close(ctx)
	if err != nil || role != "admin" {
		t.Errorf("the new account in serve's database: %q, %v", role, err)
	}
	if err := stop(); err != nil {
		t.Fatal(err)
	}

	// Where nothing runs, restore starts a server for itself and stops it after.
	other := dataDir(t)
	out, log, err = command(t, other, "", "restore", file)
	if err != nil || !strings.Contains(out, "Restored") {
		t.Fatalf("restore into a new local cluster: %q, %v\n%s", out, err, log)
	}
	if pid := postmasterLine(t, other, 1); pid != "" {
		t.Errorf("the server restore started still runs (PID %s)", pid)
	}
	out, log, err = command(t, other, "another long passphrase\n", "user", "passwd", "--email", "olga@example.org")
	if err != nil || !strings.Contains(out, "Changed the password of olga@example.org") {
		t.Errorf("the account after the restore: %q, %v\n%s", out, err, log)
	}
}

var readyzDown = regexp.MustCompile(`^database unavailable: the local PostgreSQL server stopped unexpectedly \(signal: killed\) ` +
	`at \d\d:\d\d:\d\d UTC; restart attempt \d+ (in \d+s|under way)\n$`)

func TestReadyzSaysWhyTheLocalDatabaseIsDown(t *testing.T) {
	t.Parallel()
	dir := dataDir(t)
	base, logs, stop := serve(t, "DATA_DIR", dir)
	stop = sync.OnceValue(stop) // stopped below, and on the way out if the test fails first
	defer stop()
	pid, err := strconv.Atoi(postmasterLine(t, dir, 1))
	if err != nil {
		t.Fatal(err)
	}
	// Keep the server down while we look: nobody but root may enter DATA_DIR now, and the server
	// runs as the postgres user (or, as an ordinary user, its process cannot open its files).
	if err := os.Chmod(dir, 0); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(dir, 0o755) })
	if err := syscall.Kill(pid, syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}

	var body string
	poll(t, 60*time.Second, "readyz says the server was killed", func() bool {
		var code int
		code, body = httpGet(t, base+"/readyz")
		return code == 503 && strings.Contains(body, "signal: killed")
	})
	if !readyzDown.MatchString(body) {
		t.Errorf("readyz while down: %q", body)
	}
	poll(t, 60*time.Second, "a restart attempt fails", func() bool {
		return strings.Contains(logs.String(), "did not start; trying again")
	})
	_, body = httpGet(t, base+"/readyz")
	for _, secret := range []string{"/tmp", "postgres://", "host=", dir} {
		if strings.Contains(body, secret) {
			t.Errorf("readyz shows %q: %q", secret, body)
		}
	}

	// Let it start: the next attempt brings it back, and the site answers from it.
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	poll(t, 90*time.Second, "readyz is ok again", func() bool {
		code, _ := httpGet(t, base+"/readyz")
		return code == 200
	})
	if code, page := httpGet(t, base+"/en/twin-cities"); code != 200 || !strings.Contains(page, "Duisburg") {
		t.Errorf("twin cities after the restart: %d", code)
	}

	// One line for the crash, one per attempt, numbered in order. (The site may reach the new
	// server a moment before the supervisor has seen it ready and said so.)
	poll(t, 30*time.Second, "the supervisor says the server is back", func() bool {
		return strings.Contains(logs.String(), "server is back")
	})
	text := logs.String()
	if n := strings.Count(text, "stopped unexpectedly (signal: killed); starting it again"); n != 1 {
		t.Errorf("the crash is logged %d times", n)
	}
	var attempts []int
	for _, m := range regexp.MustCompile(`(?m)(did not start; trying again|server is back)" attempt=(\d+)`).FindAllStringSubmatch(text, -1) {
		n, _ := strconv.Atoi(m[2])
		attempts = append(attempts, n)
	}
	for i, n := range attempts {
		if n != i+1 {
			t.Errorf("attempt lines numbered %v, want 1, 2, 3...", attempts)
			break
		}
	}
	if len(attempts) < 2 || !strings.Contains(text, "server is back\" attempt="+strconv.Itoa(len(attempts))) {
		t.Errorf("attempt lines %v: want failures, then the one that brought the server back:\n%s", attempts, text)
	}
	if err := stop(); err != nil {
		t.Fatal(err)
	}
}

// poll calls cond every 50ms until it holds, or fails the test after within.
func poll(t *testing.T, within time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(within)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("%s: not within %v", what, within)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
