package pgtest

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"twincities/internal/postgres"
)

// OwnSeededCluster starts a throwaway cluster of the test's own, supervised as `serve` supervises
// the local one (a server that dies is started again), with one database holding the latest
// schema and Perm's initial data, and returns the cluster and a pool on that database. It is for
// tests that stop or kill the server, which the shared cluster's other tests must not feel. It
// takes a few seconds (initdb), so the shared cluster serves every other test.
func OwnSeededCluster(tb testing.TB) (*postgres.Cluster, *pgxpool.Pool) {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	dir := tb.TempDir()
	// The server may run as the postgres user: it must pass through the test's directories.
	for _, d := range []string{dir, filepath.Dir(dir)} {
		if err := os.Chmod(d, 0o755); err != nil {
			tb.Fatalf("pgtest: %v", err)
		}
	}
	cluster, err := postgres.StartCluster(ctx, postgres.ClusterOptions{DataDir: filepath.Join(dir, "pgdata"), Throwaway: true})
	if err != nil {
		tb.Fatalf("pgtest: own cluster: %v", err)
	}
	tb.Cleanup(func() { cluster.Stop() })
	cluster.Supervise()
	const name = "seeded"
	if err := makeTemplate(ctx, cluster, name, true); err != nil {
		tb.Fatalf("pgtest: own cluster: %v", err)
	}
	pool, err := postgres.OpenPool(ctx, cluster.URL(name))
	if err != nil {
		tb.Fatalf("pgtest: own cluster: %v", err)
	}
	tb.Cleanup(pool.Close) // before the cluster stops: cleanups run last-in first-out
	return cluster, pool
}
