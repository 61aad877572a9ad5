// Package pgtest gives tests real PostgreSQL: one throwaway cluster per test binary, started the
// same way as the local cluster of "make run", and a fresh database per test, cloned in
// milliseconds from a template that is already migrated (and, for SeededDB, loaded with Perm's
// initial data). Tests using it can run in parallel; none sees another's rows.
//
// Fuzzing (go test -fuzz) runs the test binary again as worker processes, and TestMain runs in
// each: the workers use the cluster and templates of the process that started them instead of
// starting their own, which would take seconds of every -fuzztime.
package pgtest

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net/url"
	"os"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"twincities/internal/postgres"
	"twincities/internal/seed"
)

// The template databases every test database is cloned from.
const (
	emptyTemplate  = "template_migrated"
	seededTemplate = "template_seeded"
)

// sharedClusterEnv hands the cluster's address from a fuzzing coordinator to its workers, which
// inherit its environment.
const sharedClusterEnv = "TWINCITIES_PGTEST_CLUSTER"

var (
	// clusterURL is the connection string of the cluster's postgres database; "" before Main.
	clusterURL string
	counter    atomic.Int64
)

// Main starts the cluster and the templates, runs the tests and removes everything after. Call it
// from TestMain: func TestMain(m *testing.M) { pgtest.Main(m) }.
func Main(m *testing.M) {
	code, err := run(m)
	if err != nil {
		fmt.Fprintln(os.Stderr, "pgtest:", err)
		code = 1
	}
	os.Exit(code)
}

func run(m *testing.M) (int, error) {
	flag.Parse()
	if isSet("test.list") {
		return m.Run(), nil // listing the tests needs no database
	}
	if shared := os.Getenv(sharedClusterEnv); shared != "" && isSet("test.fuzzworker") {
		clusterURL = shared
		return m.Run(), nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	dir, err := os.MkdirTemp("", "twincities-test-")
	if err != nil {
		return 0, err
	}
	defer os.RemoveAll(dir)
	if err := os.Chmod(dir, 0o755); err != nil { // the server may run as another user (postgres)
		return 0, err
	}
	cluster, err := postgres.StartCluster(ctx, postgres.ClusterOptions{DataDir: dir + "/pgdata", Throwaway: true})
	if err != nil {
		return 0, err
	}
	defer cluster.Stop()
	if err := makeTemplate(ctx, cluster, emptyTemplate, false); err != nil {
		return 0, err
	}
	if err := makeTemplate(ctx, cluster, seededTemplate, true); err != nil {
		return 0, err
	}
	clusterURL = cluster.URL("postgres")
	if err := os.Setenv(sharedClusterEnv, clusterURL); err != nil {
		return 0, err
	}
	return m.Run(), nil
}

// isSet reports whether the testing flag name was given (a bool as true, a string not empty).
func isSet(name string) bool {
	f := flag.Lookup(name)
	return f != nil && f.Value.String() != "" && f.Value.String() != "false"
}

// makeTemplate creates a migrated database, optionally with the initial data, to clone from.
func makeTemplate(ctx context.Context, cluster *postgres.Cluster, name string, seeded bool) error {
	if err := cluster.EnsureDatabase(ctx, name); err != nil {
		return err
	}
	pool, err := postgres.OpenPool(ctx, cluster.URL(name))
	if err != nil {
		return err
	}
	defer pool.Close() // a template must have no connections when it is cloned
	m, err := postgres.NewMigrator(pool, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		return err
	}
	defer m.Close()
	if err := m.Up(ctx); err != nil {
		return err
	}
	if seeded {
		if _, err := seed.Load(ctx, pool); err != nil {
			return err
		}
	}
	return nil
}

// EmptyDB returns a pool on a new database with the latest schema and no content.
func EmptyDB(tb testing.TB) *pgxpool.Pool { return clone(tb, emptyTemplate) }

// SeededDB returns a pool on a new database with the latest schema and Perm's initial data.
func SeededDB(tb testing.TB) *pgxpool.Pool { return clone(tb, seededTemplate) }

// BareDB returns the connection string of a new database with no schema at all, for tests of the
// migrations themselves.
func BareDB(tb testing.TB) string {
	tb.Helper()
	name := newDatabase(tb, "")
	return URL(name)
}

func clone(tb testing.TB, template string) *pgxpool.Pool {
	tb.Helper()
	name := newDatabase(tb, template)
	pool, err := postgres.OpenPool(context.Background(), URL(name))
	if err != nil {
		tb.Fatalf("pgtest: %v", err)
	}
	tb.Cleanup(pool.Close) // cleanups run last-in first-out: the pool closes before the drop
	return pool
}

// newDatabase creates a database (from template, if given) and drops it when the test ends.
func newDatabase(tb testing.TB, template string) string {
	tb.Helper()
	if clusterURL == "" {
		tb.Fatal("pgtest: no cluster; call pgtest.Main from TestMain")
	}
	ctx := context.Background()
	name := fmt.Sprintf("test_%d_%d", os.Getpid(), counter.Add(1))
	conn, err := pgx.Connect(ctx, clusterURL)
	if err != nil {
		tb.Fatalf("pgtest: %v", err)
	}
	defer conn.Close(ctx)
	sql := "CREATE DATABASE " + pgx.Identifier{name}.Sanitize()
	if template != "" {
		sql += " TEMPLATE " + pgx.Identifier{template}.Sanitize()
	}
	if _, err := conn.Exec(ctx, sql); err != nil {
		tb.Fatalf("pgtest: %s: %v", sql, err)
	}
	tb.Cleanup(func() {
		ctx := context.Background()
		conn, err := pgx.Connect(ctx, clusterURL)
		if err != nil {
			tb.Errorf("pgtest: drop %s: %v", name, err)
			return
		}
		defer conn.Close(ctx)
		if _, err := conn.Exec(ctx, "DROP DATABASE "+pgx.Identifier{name}.Sanitize()+" WITH (FORCE)"); err != nil {
			tb.Errorf("pgtest: drop %s: %v", name, err)
		}
	})
	return name
}

// URL is the connection string of database name on the test cluster.
func URL(name string) string {
	u, err := url.Parse(clusterURL)
	if err != nil {
		panic("pgtest: " + err.Error()) // made by postgres.Cluster.URL: cannot happen
	}
	u.Path = "/" + name
	return u.String()
}
