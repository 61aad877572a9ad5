package postgres_test

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"twincities/internal/postgres"
)

// These tests run clusters of their own, beside pgtest's shared one, because they kill, stop and
// restart them.

// syncBuffer collects log output written from the supervisor's goroutine.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// clusterDir returns a data directory path in a new temporary directory the server user can enter.
func clusterDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.Chmod(dir, 0o755); err != nil { // the server may run as the postgres user
		t.Fatal(err)
	}
	// t.TempDir's parent is private to the test binary; the server user must pass through it.
	if err := os.Chmod(filepath.Dir(dir), 0o755); err != nil {
		t.Fatal(err)
	}
	return filepath.Join(dir, "pg")
}

// startCluster starts a durable cluster (not Throwaway: with synchronous_commit off, a kill right
// after a commit could lose it, and these tests kill servers).
func startCluster(t *testing.T, dataDir string, log *syncBuffer) *postgres.Cluster {
	t.Helper()
	c, err := postgres.StartCluster(context.Background(), postgres.ClusterOptions{
		DataDir: dataDir, Log: slog.New(slog.NewTextHandler(log, nil))})
	if err != nil {
		t.Fatalf("start cluster: %v\n%s", err, log.String())
	}
	t.Cleanup(func() { c.Stop() })
	return c
}

// postmasterPID reads the server's PID from the first line of its postmaster.pid; 0 when there is
// no file.
func postmasterPID(t *testing.T, dataDir string) int {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dataDir, "postmaster.pid"))
	if errors.Is(err, fs.ErrNotExist) {
		return 0
	}
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

// alive reports whether process pid exists and has not exited.
func alive(pid int) bool {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return false
	}
	i := bytes.LastIndexByte(b, ')')
	return i < 0 || i+2 >= len(b) || (b[i+2] != 'Z' && b[i+2] != 'X')
}

// eventually polls cond every 20ms until it holds or the deadline passes.
func eventually(t *testing.T, within time.Duration, what string, cond func() bool) time.Duration {
	t.Helper()
	start := time.Now()
	for !cond() {
		if time.Since(start) > within {
			t.Fatalf("%s: not within %v", what, within)
		}
		time.Sleep(20 * time.Millisecond)
	}
	return time.Since(start)
}

func query(ctx context.Context, db interface {
	QueryRow(context.Context, string, ...any) pgx.Row
}, sql string) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	var s string
	err := db.QueryRow(ctx, sql).Scan(&s)
	return s, err
}

func TestSupervisedClusterComesBackAfterAKill(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	dataDir := clusterDir(t)
	var log syncBuffer
	c := startCluster(t, dataDir, &log)
	c.Supervise()
	if err := c.EnsureDatabase(ctx, "app"); err != nil {
		t.Fatal(err)
	}
	pool, err := c.OpenPool(ctx, "app")
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	if _, err := pool.Exec(ctx, `CREATE TABLE kept (v text); INSERT INTO kept VALUES ('before the kill')`); err != nil {
		t.Fatal(err)
	}
	if s := c.Status(); s != "" {
		t.Errorf("Status of a running server = %q, want empty", s)
	}

	first := postmasterPID(t, dataDir)
	if err := syscall.Kill(first, syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	killedAt := time.Now()
	// The same pool, never recreated, answers from a new server once the supervisor has restarted
	// it. (A backend of the killed server may answer for a moment longer, hence the start time.)
	took := eventually(t, 90*time.Second, "the pool answers from a new server after the kill", func() bool {
		v, err := query(ctx, pool, `SELECT v || (pg_postmaster_start_time() > '`+killedAt.Format(time.RFC3339Nano)+`')::text FROM kept`)
		return err == nil && v == "before the killtrue"
	})
	t.Logf("the pool answered again %v after SIGKILL of the postmaster", took.Round(time.Millisecond))
	// The pool may reach the new server a moment before the supervisor has seen it ready.
	eventually(t, 30*time.Second, "Status is empty again", func() bool { return c.Status() == "" })
	second := postmasterPID(t, dataDir)
	if second == first || second == 0 || !alive(second) {
		t.Errorf("postmaster after the restart: PID %d (before: %d)", second, first)
	}
	if !c.Owned() {
		t.Error("the restarted server is not this process's own")
	}
	logs := log.String()
	if n := strings.Count(logs, "stopped unexpectedly (signal: killed)"); n != 1 {
		t.Errorf("the crash is logged %d times, want once:\n%s", n, logs)
	}
	if !strings.Contains(logs, "the local PostgreSQL server is back") {
		t.Errorf("no line about the server coming back:\n%s", logs)
	}

	// Stop still stops: the server goes, and no supervisor brings it back.
	if err := c.Stop(); err != nil {
		t.Fatalf("Stop after a restart: %v", err)
	}
	if alive(second) {
		t.Errorf("postmaster %d still runs after Stop", second)
	}
	if pid := postmasterPID(t, dataDir); pid != 0 {
		t.Errorf("postmaster.pid names %d after Stop: a server was started again", pid)
	}
	if _, err := query(ctx, pool, `SELECT 'x'`); err == nil {
		t.Error("the pool still answers after Stop")
	}
}

// A staff command and serve starting at the same moment on one directory: both get the one
// server. Then a serve attached to a command's server keeps working after the command stops it.
func TestClusterIsSharedAndTakenOver(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	dataDir := clusterDir(t)
	var log syncBuffer

	// Throwaway: nothing is killed here, and initdb without fsync is quicker.
	var wg sync.WaitGroup
	clusters := make([]*postgres.Cluster, 2)
	errs := make([]error, 2)
	for i := range clusters {
		wg.Add(1)
		go func() {
			defer wg.Done()
			clusters[i], errs[i] = postgres.StartCluster(ctx, postgres.ClusterOptions{
				DataDir: dataDir, Throwaway: true, Log: slog.New(slog.NewTextHandler(&log, nil))})
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("start %d: %v\n%s", i, err, log.String())
		}
		t.Cleanup(func() { clusters[i].Stop() })
	}
	owner, user := clusters[0], clusters[1]
	if !owner.Owned() {
		owner, user = user, owner
	}
	if !owner.Owned() || user.Owned() {
		t.Fatalf("owned: %v and %v, want exactly one", clusters[0].Owned(), clusters[1].Owned())
	}
	for _, c := range clusters {
		if dir, err := query(ctx, pgxConn(t, c.URL("postgres")), `SHOW data_directory`); err != nil || !strings.HasSuffix(dir, "/pg") {
			t.Errorf("data_directory = %q, %v", dir, err)
		}
	}
	// Both make sure of the application's database at the same moment, as serve and a command
	// starting together do: whoever creates it second finds it made.
	start := make(chan struct{})
	for i, c := range clusters {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			errs[i] = c.EnsureDatabase(ctx, "app")
		}()
	}
	close(start)
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("EnsureDatabase %d: %v", i, err)
		}
	}
	// The one that attached leaves the server running when it stops.
	if err := user.Stop(); err != nil {
		t.Fatal(err)
	}
	if _, err := query(ctx, pgxConn(t, owner.URL("postgres")), `SELECT 'x'`); err != nil {
		t.Errorf("the server stopped with the process that only used it: %v", err)
	}
	if err := owner.Stop(); err != nil {
		t.Fatal(err)
	}
	if pid := postmasterPID(t, dataDir); pid != 0 {
		t.Fatalf("postmaster.pid names %d after its owner stopped", pid)
	}

	// A command starts the server; serve attaches and supervises; the command stops its server.
	command := startCluster(t, dataDir, &log)
	serve := startCluster(t, dataDir, &log)
	if !command.Owned() || serve.Owned() {
		t.Fatalf("owned: command %v, serve %v", command.Owned(), serve.Owned())
	}
	serve.Supervise()
	if err := serve.EnsureDatabase(ctx, "app"); err != nil {
		t.Fatal(err)
	}
	pool, err := serve.OpenPool(ctx, "app")
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	if _, err := pool.Exec(ctx, `CREATE TABLE kept (v text); INSERT INTO kept VALUES ('kept')`); err != nil {
		t.Fatal(err)
	}
	if err := command.Stop(); err != nil {
		t.Fatal(err)
	}
	took := eventually(t, 90*time.Second, "serve's pool answers after the command stopped its server", func() bool {
		v, err := query(ctx, pool, `SELECT v FROM kept`)
		return err == nil && v == "kept"
	})
	t.Logf("serve took the server over in %v", took.Round(time.Millisecond))
	if !serve.Owned() {
		t.Error("serve did not start a server of its own")
	}
	if !strings.Contains(log.String(), "server that another process started (PID") {
		t.Errorf("the takeover is not logged:\n%s", log.String())
	}
	if err := serve.Stop(); err != nil {
		t.Fatal(err)
	}
	if pid := postmasterPID(t, dataDir); pid != 0 {
		t.Errorf("postmaster.pid names %d after serve stopped", pid)
	}
}

func pgxConn(t *testing.T, url string) *pgx.Conn {
	t.Helper()
	conn, err := pgx.Connect(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close(context.Background()) })
	return conn
}

// A postmaster.pid left by a crash names a process that is gone, or, after a reboot, one that is
// something else now: either way the cluster starts, and with its data.
func TestStalePostmasterPIDAfterACrash(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	dataDir := clusterDir(t)
	var log syncBuffer

	// A real crash: the postmaster is killed and its file stays behind. The next start (a staff
	// command, unsupervised) waits for the old processes to let go of the shared memory.
	c := startCluster(t, dataDir, &log)
	if err := c.EnsureDatabase(ctx, "app"); err != nil {
		t.Fatal(err)
	}
	if _, err := pgxConn(t, c.URL("app")).Exec(ctx, `CREATE TABLE kept (v text); INSERT INTO kept VALUES ('kept')`); err != nil {
		t.Fatal(err)
	}
	killed := postmasterPID(t, dataDir)
	if err := syscall.Kill(killed, syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	eventually(t, 30*time.Second, "the killed postmaster exits", func() bool { return !alive(killed) })
	if pid := postmasterPID(t, dataDir); pid != killed {
		t.Fatalf("postmaster.pid names %d after the kill, want the killed %d", pid, killed)
	}
	start := time.Now()
	again := startCluster(t, dataDir, &log)
	t.Logf("started again %v after the kill", time.Since(start).Round(time.Millisecond))
	if v, err := query(ctx, pgxConn(t, again.URL("app")), `SELECT v FROM kept`); err != nil || v != "kept" {
		t.Errorf("after the crash: %q, %v", v, err)
	}
	c.Stop()
	if err := again.Stop(); err != nil {
		t.Fatal(err)
	}

	// After a reboot: the file names a live process that is no PostgreSQL server (this test).
	fakePIDFile(t, dataDir, os.Getpid())
	c = startCluster(t, dataDir, &log)
	if v, err := query(ctx, pgxConn(t, c.URL("app")), `SELECT v FROM kept`); err != nil || v != "kept" {
		t.Errorf("after a stale file naming a live process: %q, %v", v, err)
	}
	if !strings.Contains(log.String(), "removed a stale postmaster.pid") {
		t.Errorf("the stale file is not logged:\n%s", log.String())
	}
	if err := c.Stop(); err != nil {
		t.Fatal(err)
	}
}

// fakePIDFile writes a postmaster.pid naming pid, owned like the data directory, as a server
// would have left it.
func fakePIDFile(t *testing.T, dataDir string, pid int) {
	t.Helper()
	path := filepath.Join(dataDir, "postmaster.pid")
	content := strconv.Itoa(pid) + "\n" + dataDir + "\n1700000000\n5432\n/tmp/twincities-pg-gone\n\n  9987075         4\nready   \n"
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(dataDir)
	if err != nil {
		t.Fatal(err)
	}
	st := fi.Sys().(*syscall.Stat_t)
	if err := os.Chown(path, int(st.Uid), int(st.Gid)); err != nil {
		t.Fatal(err)
	}
}
