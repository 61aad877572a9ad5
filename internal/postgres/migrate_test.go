package postgres_test

import (
	"bytes"
	"context"
	"io/fs"
	"path"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/jackc/pgx/v5/pgxpool"

	"twincities/internal/postgres"
	"twincities/internal/postgres/pgtest"
	"twincities/migrations"
)

var (
	schemaTables    = []string{"cities", "events", "organizations", "awards", "pages", "recovery_codes", "settings"}
	schemaFunctions = []string{"is_web_url", "sources_are_valid", "date_fits_precision"}
)

// migrationFiles lists the migration files in version order, as goose reads them.
func migrationFiles(tb testing.TB) []string {
	tb.Helper()
	files, err := fs.Glob(migrations.FS, "*.sql")
	if err != nil {
		tb.Fatal(err)
	}
	if len(files) == 0 {
		tb.Fatal("no migration files")
	}
	return files // fs.Glob sorts, and the names start with zero-padded versions
}

// lastVersion is the version number the name of the last migration file starts with.
func lastVersion(tb testing.TB) int64 {
	tb.Helper()
	files := migrationFiles(tb)
	last := path.Base(files[len(files)-1])
	num, _, ok := strings.Cut(last, "_")
	if !ok {
		tb.Fatalf("migration file %q has no version prefix", last)
	}
	v, err := strconv.ParseInt(num, 10, 64)
	if err != nil {
		tb.Fatalf("migration file %q: %v", last, err)
	}
	return v
}

func openBare(tb testing.TB) (*pgxpool.Pool, string) {
	tb.Helper()
	url := pgtest.BareDB(tb)
	pool, err := postgres.OpenPool(context.Background(), url)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(pool.Close)
	return pool, url
}

func newMigrator(tb testing.TB, pool *pgxpool.Pool) *postgres.Migrator {
	tb.Helper()
	m, err := postgres.NewMigrator(pool, nil)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() {
		if err := m.Close(); err != nil {
			tb.Error(err)
		}
	})
	return m
}

// present returns which of names exist in the public schema, as tables or as functions.
func present(tb testing.TB, pool *pgxpool.Pool, names []string, functions bool) []string {
	tb.Helper()
	sql := `SELECT n FROM unnest($1::text[]) AS n WHERE to_regclass('public.' || n) IS NOT NULL ORDER BY n`
	if functions {
		sql = `SELECT DISTINCT p.proname::text FROM pg_proc p JOIN pg_namespace s ON s.oid = p.pronamespace
			WHERE s.nspname = 'public' AND p.proname = ANY ($1) ORDER BY 1`
	}
	rows, err := pool.Query(context.Background(), sql, names)
	if err != nil {
		tb.Fatal(err)
	}
	defer rows.Close()
	var got []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			tb.Fatal(err)
		}
		got = append(got, n)
	}
	if err := rows.Err(); err != nil {
		tb.Fatal(err)
	}
	return got
}

func checkVersion(tb testing.TB, m *postgres.Migrator, want int64) {
	tb.Helper()
	got, err := m.Version(context.Background())
	if err != nil {
		tb.Fatal(err)
	}
	if got != want {
		tb.Errorf("schema version = %d, want %d", got, want)
	}
}

func TestMigrationsUpDownUp(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pool, _ := openBare(t)
	m := newMigrator(t, pool)

	checkVersion(t, m, 0)
	if err := m.Up(ctx); err != nil {
		t.Fatal(err)
	}
	checkVersion(t, m, lastVersion(t))
	if got := present(t, pool, schemaTables, false); len(got) != len(schemaTables) {
		t.Errorf("tables after Up = %v, want all of %v", got, schemaTables)
	}
	if got := present(t, pool, schemaFunctions, true); len(got) != len(schemaFunctions) {
		t.Errorf("functions after Up = %v, want all of %v", got, schemaFunctions)
	}
	if err := m.Up(ctx); err != nil { // nothing pending: a no-op, not an error
		t.Errorf("Up on an up-to-date schema: %v", err)
	}

	if err := m.DownToZero(ctx); err != nil {
		t.Fatal(err)
	}
	checkVersion(t, m, 0)
	if got := present(t, pool, schemaTables, false); len(got) != 0 {
		t.Errorf("tables left after DownToZero: %v", got)
	}
	if got := present(t, pool, schemaFunctions, true); len(got) != 0 {
		t.Errorf("functions left after DownToZero: %v", got)
	}

	if err := m.Up(ctx); err != nil {
		t.Fatalf("Up after DownToZero: %v", err)
	}
	checkVersion(t, m, lastVersion(t))
	if got := present(t, pool, schemaTables, false); len(got) != len(schemaTables) {
		t.Errorf("tables after the second Up = %v, want all of %v", got, schemaTables)
	}
	// The schema works, not just exists.
	if _, err := pool.Exec(ctx, `INSERT INTO pages (key, title_ru, title_en) VALUES ('about', 'О сайте', 'About')`); err != nil {
		t.Errorf("insert after the second Up: %v", err)
	}
}

func TestMigrationsDownOneStep(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pool, _ := openBare(t)
	m := newMigrator(t, pool)
	if err := m.Up(ctx); err != nil {
		t.Fatal(err)
	}
	if err := m.Down(ctx); err != nil {
		t.Fatal(err)
	}
	files := migrationFiles(t)
	if len(files) == 1 {
		checkVersion(t, m, 0)
		if got := present(t, pool, schemaTables, false); len(got) != 0 {
			t.Errorf("tables left after rolling back the only migration: %v", got)
		}
	} else {
		prev, _, _ := strings.Cut(path.Base(files[len(files)-2]), "_")
		want, err := strconv.ParseInt(prev, 10, 64)
		if err != nil {
			t.Fatal(err)
		}
		checkVersion(t, m, want)
	}
}

func TestMigrationStatusWritesALinePerMigration(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pool, _ := openBare(t)
	m := newMigrator(t, pool)
	files := migrationFiles(t)

	status := func() []string {
		var buf bytes.Buffer
		if err := m.Status(ctx, &buf); err != nil {
			t.Fatal(err)
		}
		return strings.Split(strings.TrimRight(buf.String(), "\n"), "\n")
	}
	before := status()
	if len(before) != len(files) {
		t.Fatalf("status before Up has %d lines, want %d:\n%s", len(before), len(files), strings.Join(before, "\n"))
	}
	for i, line := range before {
		if !strings.Contains(line, path.Base(files[i])) || !strings.HasSuffix(line, "pending") {
			t.Errorf("status line %d before Up = %q, want %s pending", i, line, files[i])
		}
	}
	if err := m.Up(ctx); err != nil {
		t.Fatal(err)
	}
	after := status()
	if len(after) != len(files) {
		t.Fatalf("status after Up has %d lines, want %d:\n%s", len(after), len(files), strings.Join(after, "\n"))
	}
	for i, line := range after {
		if !strings.Contains(line, path.Base(files[i])) || !strings.Contains(line, "applied") || strings.Contains(line, "pending") {
			t.Errorf("status line %d after Up = %q, want %s applied", i, line, files[i])
		}
	}
}

// Two servers starting together on a new database: the session lock makes one wait for the other,
// and both end with the latest schema.
func TestConcurrentMigratorsBothSucceed(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pool, url := openBare(t)
	other, err := postgres.OpenPool(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(other.Close)
	migrators := []*postgres.Migrator{newMigrator(t, pool), newMigrator(t, other)}
	// Both look at the schema first, as a starting server does: this also creates goose's version
	// table, whose creation goose retries on its own, so that the race left is the one over the
	// migrations themselves, which only the lock prevents.
	for _, m := range migrators {
		checkVersion(t, m, 0)
	}

	errs := make([]error, len(migrators))
	start := make(chan struct{})
	var wg sync.WaitGroup
	for i, m := range migrators {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			errs[i] = m.Up(ctx)
		}()
	}
	close(start)
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("migrator %d: %v", i, err)
		}
	}
	for _, m := range migrators {
		checkVersion(t, m, lastVersion(t))
	}
	if got := present(t, pool, schemaTables, false); len(got) != len(schemaTables) {
		t.Errorf("tables after concurrent Up = %v, want all of %v", got, schemaTables)
	}
	// Each migration is recorded once, not once per migrator.
	var applied int
	if err := pool.QueryRow(ctx, `SELECT count(*) FROM goose_db_version WHERE version_id > 0`).Scan(&applied); err != nil {
		t.Fatal(err)
	}
	if applied != len(migrationFiles(t)) {
		t.Errorf("goose_db_version records %d applied migrations, want %d", applied, len(migrationFiles(t)))
	}
}
