package web_test

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"twincities/internal/postgres/pgtest"
)

// TestPageCacheRecoversAfterTheServerRestarts crashes the PostgreSQL server itself (SIGKILL of
// the postmaster) under a site with a page cache, on a cluster of the test's own that is
// supervised as serve supervises the local one, so the server comes back as a new process. The
// cache must notice, listen again on the new server, and show a change made after the restart:
// a cache that kept listening on a dead connection would serve the old page for ever.
func TestPageCacheRecoversAfterTheServerRestarts(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	_, db := pgtest.OwnSeededCluster(t)
	site := startCachedSite(t, db, 8<<20)
	if body := string(rawGet(t, site, "/en/twin-cities/duisburg").body); !strings.Contains(body, "Duisburg") {
		t.Fatal("the city page does not name Duisburg")
	}

	// A throwaway cluster commits without waiting for its log (synchronous_commit off): what
	// was committed in the last moments before a crash would be lost, the initial data with it.
	// A checkpoint makes it all durable first, as a real server's commits are.
	if _, err := db.Exec(ctx, "CHECKPOINT"); err != nil {
		t.Fatal(err)
	}
	var dataDir string
	if err := db.QueryRow(ctx, "SHOW data_directory").Scan(&dataDir); err != nil {
		t.Fatal(err)
	}
	pidFile, err := os.ReadFile(filepath.Join(dataDir, "postmaster.pid"))
	if err != nil {
		t.Fatal(err)
	}
	first, _, _ := strings.Cut(string(pidFile), "\n")
	pid, err := strconv.Atoi(strings.TrimSpace(first))
	if err != nil {
		t.Fatal(err)
	}
	if err := syscall.Kill(pid, syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}

	// The supervisor's restart, and the listener's backoff, take seconds: the cluster's own test
	// allows 90 for the first.
	waitFor(t, 90*time.Second, "the cache notices the server gone", func() bool {
		return strings.Contains(site.log.String(), "not listening for changes")
	})
	waitFor(t, 90*time.Second, "the cache listens on the new server", func() bool {
		f, ok := site.figuresIfReady(t)
		return ok && f.listening
	})
	const words = "Changed after the server came back"
	waitFor(t, 30*time.Second, "the change is saved on the new server", func() bool {
		// The pool's connections to the killed server fail once each before new ones are made.
		tag, err := db.Exec(ctx, `UPDATE cities SET summary_en = $1 WHERE slug = 'duisburg'`, words)
		return err == nil && tag.RowsAffected() == 1
	})
	waitFor(t, 10*time.Second, "the page shows the change", func() bool {
		return strings.Contains(string(rawGet(t, site, "/en/twin-cities/duisburg").body), words)
	})
	// And it is cached again: a view becomes a hit. Not necessarily the next one: the page that
	// showed the change may have been stored before the change's notification arrived, which
	// then drops it once more.
	waitFor(t, 10*time.Second, "a view of the page is a hit again", func() bool {
		before := site.figures(t)
		rawGet(t, site, "/en/twin-cities/duisburg")
		return site.figures(t).hits > before.hits
	})
}

// waitFor polls cond every 50 ms until it holds, failing the test after within.
func waitFor(t *testing.T, within time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(within)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("not within %v: %s", within, what)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
