package app_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"os"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"twincities/internal/app"
	"twincities/internal/postgres/pgtest"
)

// env is a fake environment for app.Run.
func env(vars ...string) func(string) string {
	m := map[string]string{"LINKCHECK": "off"} // a test never asks the real sites in the seed data
	for i := 0; i+1 < len(vars); i += 2 {
		m[vars[i]] = vars[i+1]
	}
	return func(k string) string { return m[k] }
}

func TestHelpAndUnknownCommand(t *testing.T) {
	t.Parallel()
	var out bytes.Buffer
	if err := app.Run(context.Background(), []string{"help"}, env(), strings.NewReader(""), &out, io.Discard); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"serve", "migrate up|down|status", "seed", "backup FILE", "restore FILE", "whether or not the site is running",
		"DATABASE_URL", "LISTEN_ADDR", "BASE_URL"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("help does not mention %q", want)
		}
	}
	err := app.Run(context.Background(), []string{"frobnicate"}, env(), strings.NewReader(""), io.Discard, io.Discard)
	if !errors.Is(err, app.ErrUsage) {
		t.Errorf("unknown command: err = %v, want ErrUsage", err)
	}
	err = app.Run(context.Background(), []string{"migrate", "sideways"}, env("DATABASE_URL", "postgres://localhost/x"), strings.NewReader(""), io.Discard, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "migrate up|down|status") {
		t.Errorf("bad migrate argument: err = %v", err)
	}
}

func TestBadConfigurationIsReportedBeforeAnythingStarts(t *testing.T) {
	t.Parallel()
	err := app.Run(context.Background(), nil, env("LISTEN_ADDR", "nonsense", "BASE_URL", "ftp://x"), strings.NewReader(""), io.Discard, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "LISTEN_ADDR") || !strings.Contains(err.Error(), "BASE_URL") {
		t.Errorf("err = %v, want both bad settings named", err)
	}
}

// syncBuffer is a buffer safe to write from the server's goroutine and read from the test's.
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

var servingLine = regexp.MustCompile(`serving (http://[0-9.:]+)/`)

// serve runs "twincities serve" with vars until the returned stop is called, and returns the
// address it serves on once it does.
func serve(t *testing.T, vars ...string) (base string, logs *syncBuffer, stop func() error) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	out, logs := &syncBuffer{}, &syncBuffer{}
	done := make(chan error, 1)
	go func() {
		done <- app.Run(ctx, []string{"serve"}, env(append(vars, "LISTEN_ADDR", "127.0.0.1:0")...), strings.NewReader(""), out, logs)
	}()
	deadline := time.After(60 * time.Second)
	for {
		if m := servingLine.FindStringSubmatch(out.String()); m != nil {
			return m[1], logs, func() error { cancel(); return <-done }
		}
		select {
		case err := <-done:
			cancel()
			t.Fatalf("serve stopped before serving: %v\n%s", err, logs.String())
		case <-deadline:
			cancel()
			t.Fatalf("serve did not start within a minute\n%s", logs.String())
		case <-time.After(20 * time.Millisecond):
		}
	}
}

func httpGet(t *testing.T, url string) (int, string) {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}

func TestServeMigratesLoadsDataAndShutsDownCleanly(t *testing.T) {
	t.Parallel()
	dbURL := pgtest.BareDB(t)
	base, logs, stop := serve(t, "DATABASE_URL", dbURL)
	if code, body := httpGet(t, base+"/en/twin-cities/duisburg"); code != 200 || !strings.Contains(body, "Duisburg") {
		t.Errorf("Duisburg's page: %d", code)
	}
	if code, _ := httpGet(t, base+"/readyz"); code != 200 {
		t.Errorf("readyz: %d", code)
	}
	if err := stop(); err != nil {
		t.Errorf("serve returned %v after a signal, want nil", err)
	}
	// One line per request, with method, path, status and duration.
	if !regexp.MustCompile(`msg=request method=GET path=/en/twin-cities/duisburg status=200 duration=\S+`).MatchString(logs.String()) {
		t.Errorf("no request log line in:\n%s", logs.String())
	}
	if _, err := http.Get(base + "/healthz"); err == nil {
		t.Error("the server still answers after shutdown")
	}
}

func TestSeedCommandLoadsOnceThenChangesNothing(t *testing.T) {
	t.Parallel()
	dbURL := pgtest.BareDB(t)
	run := func() string {
		var out bytes.Buffer
		if err := app.Run(context.Background(), []string{"seed"}, env("DATABASE_URL", dbURL), strings.NewReader(""), &out, io.Discard); err != nil {
			t.Fatal(err)
		}
		return out.String()
	}
	if got := run(); !strings.Contains(got, "Loaded") {
		t.Errorf("first seed said %q", got)
	}
	before := rowCount(t, dbURL)
	if got := run(); !strings.Contains(got, "nothing was changed") {
		t.Errorf("second seed said %q", got)
	}
	if after := rowCount(t, dbURL); after != before {
		t.Errorf("second seed changed the row count from %d to %d", before, after)
	}
}

func TestMigrateCommands(t *testing.T) {
	t.Parallel()
	dbURL := pgtest.BareDB(t)
	migrate := func(arg string) string {
		var out bytes.Buffer
		if err := app.Run(context.Background(), []string{"migrate", arg}, env("DATABASE_URL", dbURL), strings.NewReader(""), &out, io.Discard); err != nil {
			t.Fatalf("migrate %s: %v", arg, err)
		}
		return out.String()
	}
	if got := migrate("status"); !strings.Contains(got, "pending") {
		t.Errorf("status of a bare database: %q", got)
	}
	if got := migrate("up"); strings.Contains(got, "pending") || !strings.Contains(got, "applied") {
		t.Errorf("status after up: %q", got)
	}
	if got := migrate("down"); !strings.Contains(got, "pending") {
		t.Errorf("status after down: %q", got)
	}
}

func rowCount(t *testing.T, dbURL string) int {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var n int
	err = conn.QueryRow(ctx, `SELECT (SELECT count(*) FROM cities) + (SELECT count(*) FROM organizations)
		+ (SELECT count(*) FROM awards) + (SELECT count(*) FROM events) + (SELECT count(*) FROM pages)`).Scan(&n)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestLocalClusterIsCreatedStartedAndKeepsItsData(t *testing.T) {
	t.Parallel()
	dir, err := os.MkdirTemp("", "twincities-app-test-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	if err := os.Chmod(dir, 0o755); err != nil { // the server may run as the postgres user
		t.Fatal(err)
	}
	// First run: creates the cluster and loads the data into its empty database.
	base, logs, stop := serve(t, "DATA_DIR", dir)
	if code, _ := httpGet(t, base+"/ru/"); code != 200 {
		t.Fatalf("home page on the local cluster: %d", code)
	}
	if err := stop(); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(logs.String(), "loaded the initial data") {
		t.Fatalf("first run did not load the initial data:\n%s", logs.String())
	}
	if _, err := os.Stat(dir + "/postgres/PG_VERSION"); err != nil {
		t.Fatalf("no cluster under DATA_DIR/postgres: %v", err)
	}
	// Second run: the same cluster, with its data kept, so nothing is loaded again.
	base, logs, stop = serve(t, "DATA_DIR", dir)
	code, body := httpGet(t, base+"/en/twin-cities")
	if err := stop(); err != nil {
		t.Fatal(err)
	}
	if code != 200 || !strings.Contains(body, "Duisburg") {
		t.Errorf("second run: %d, data missing", code)
	}
	if strings.Contains(logs.String(), "loaded the initial data") {
		t.Error("second run found an empty database: the data did not persist")
	}
	if !strings.Contains(logs.String(), "stopping the local PostgreSQL cluster") {
		t.Error("the cluster was not stopped on shutdown")
	}
}
