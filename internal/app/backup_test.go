package app_test

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"twincities/internal/app"
	"twincities/internal/auth"
	"twincities/internal/content"
	"twincities/internal/postgres/pgtest"
	"twincities/internal/store"
)

// run runs the twincities command line with DATABASE_URL set to dbURL.
func run(t *testing.T, dbURL string, args ...string) (string, error) {
	t.Helper()
	var out bytes.Buffer
	err := app.Run(context.Background(), args, env("DATABASE_URL", dbURL), strings.NewReader(""), &out, io.Discard)
	return out.String(), err
}

// fingerprint is what a database holds: for every table of the public schema its row count and an
// md5 over all its rows in order, and the value of every sequence (the identity columns' counters).
func fingerprint(t *testing.T, dbURL string) map[string]string {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	rows, err := conn.Query(ctx, `SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`)
	if err != nil {
		t.Fatal(err)
	}
	tables, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, table := range tables {
		var n int
		var sum string
		err := conn.QueryRow(ctx, `SELECT count(*), md5(coalesce(string_agg(t::text, E'\n' ORDER BY t::text), ''))
			FROM `+pgx.Identifier{"public", table}.Sanitize()+` t`).Scan(&n, &sum)
		if err != nil {
			t.Fatalf("%s: %v", table, err)
		}
		got["table "+table] = strconv.Itoa(n) + " rows, md5 " + sum
	}
	rows, err = conn.Query(ctx, `SELECT sequencename, coalesce(last_value::text, 'unused') FROM pg_sequences WHERE schemaname = 'public'`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var name, value string
		if err := rows.Scan(&name, &value); err != nil {
			t.Fatal(err)
		}
		got["sequence "+name] = value
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return got
}

func sameFingerprint(t *testing.T, what string, got, want map[string]string) {
	t.Helper()
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s: %s is %q, want %q", what, k, got[k], w)
		}
	}
	for k := range got {
		if _, ok := want[k]; !ok {
			t.Errorf("%s: %s should not be there", what, k)
		}
	}
}

// addStaffRows gives a seeded database what staff add beyond the initial data: an account, an
// edit with its revision and audit line, a sign-in attempt.
func addStaffRows(t *testing.T, dbURL string) {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	hash, err := auth.Hasher{Params: auth.TestParams}.Hash("a long enough passphrase")
	if err != nil {
		t.Fatal(err)
	}
	u := content.User{Email: "olga@example.org", Name: "Ольга Иванова", Role: content.Admin}
	if err := store.CreateUser(ctx, conn, &u, hash, store.Actor{Name: "command line"}); err != nil {
		t.Fatal(err)
	}
	actor := store.Actor{ID: u.ID, Name: u.Name}
	cities, err := store.ListCities(ctx, conn, store.CityQuery{})
	if err != nil || len(cities) == 0 {
		t.Fatalf("cities: %d, %v", len(cities), err)
	}
	c := cities[0]
	c.EditorNote = "checked against the treaty text, with a quote: 'and a tab\there'"
	if err := store.Cities.Update(ctx, conn, &c, c.Version, actor); err != nil {
		t.Fatal(err)
	}
	attempt, err := store.ReserveLogin(ctx, conn, u.Email, "192.0.2.7")
	if err != nil {
		t.Fatal(err)
	}
	if err := store.SettleLogin(ctx, conn, attempt, &u.ID, store.LoginSuccess); err != nil {
		t.Fatal(err)
	}
}

func TestBackupAndRestoreKeepEveryRow(t *testing.T) {
	t.Parallel()
	source := pgtest.SeededDB(t).Config().ConnString()
	addStaffRows(t, source)
	want := fingerprint(t, source)
	for _, table := range []string{"users", "revisions", "audit_log", "login_attempts", "cities", "goose_db_version"} {
		if want["table "+table] == "" || strings.HasPrefix(want["table "+table], "0 rows") {
			t.Fatalf("the source has no rows in %s: the test would prove nothing there", table)
		}
	}

	dir := t.TempDir()
	file := filepath.Join(dir, "twincities.dump")
	out, err := run(t, source, "backup", file)
	if err != nil || !strings.Contains(out, "Backed up the database to "+file) {
		t.Fatalf("backup: %q, %v", out, err)
	}
	fi, err := os.Stat(file)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("the backup's mode is %v, want 0600: it holds staff accounts", fi.Mode().Perm())
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("the backup directory holds %d files, want only the backup (no temporary file left)", len(entries))
	}

	// Into a new, empty database: everything comes back, row for row, counters included.
	fresh := pgtest.BareDB(t)
	out, err = run(t, fresh, "restore", file)
	if err != nil || !strings.Contains(out, "Restored "+file) {
		t.Fatalf("restore: %q, %v", out, err)
	}
	sameFingerprint(t, "the restored database", fingerprint(t, fresh), want)

	// Into a database with content: refused in one sentence, and nothing changes.
	_, err = run(t, source, "restore", file)
	if err == nil || !strings.Contains(err.Error(), "is not empty") || !strings.Contains(err.Error(), "nothing was changed") {
		t.Errorf("restore into a database with content: err = %v, want a refusal", err)
	}
	sameFingerprint(t, "the database a restore was refused into", fingerprint(t, source), want)

	// A file that is no backup is refused before anything is touched.
	junk := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(junk, []byte("not a dump"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := run(t, pgtest.BareDB(t), "restore", junk); err == nil || !strings.Contains(err.Error(), "not a backup") {
		t.Errorf("restore of a text file: err = %v", err)
	}
}

// DATABASE_URL in libpq's keyword=value form works as well as a URL, password and all: the
// password goes to pg_dump and pg_restore in PGPASSWORD, the rest on their command line.
func TestBackupWithAKeywordValueDatabaseURL(t *testing.T) {
	t.Parallel()
	keywordValue := func(url string) string {
		cfg, err := pgx.ParseConfig(url)
		if err != nil {
			t.Fatal(err)
		}
		// The test cluster trusts its socket, so the password is carried, not checked.
		return "host=" + cfg.Host + " port=" + strconv.Itoa(int(cfg.Port)) + " user = " + cfg.User +
			" dbname=" + cfg.Database + ` sslmode=disable password='it\'s a secret'`
	}
	source := pgtest.SeededDB(t).Config().ConnString()
	want := fingerprint(t, source)
	file := filepath.Join(t.TempDir(), "kv.dump")
	if out, err := run(t, keywordValue(source), "backup", file); err != nil {
		t.Fatalf("backup: %q, %v", out, err)
	}
	fresh := pgtest.BareDB(t)
	if out, err := run(t, keywordValue(fresh), "restore", file); err != nil {
		t.Fatalf("restore: %q, %v", out, err)
	}
	sameFingerprint(t, "the restored database", fingerprint(t, fresh), want)
}

// An older backup gets the current schema: restore migrates it up.
func TestRestoreOfAnOlderBackupMigratesItUp(t *testing.T) {
	t.Parallel()
	old := pgtest.BareDB(t)
	if _, err := run(t, old, "migrate", "up"); err != nil {
		t.Fatal(err)
	}
	if out, err := run(t, old, "migrate", "down"); err != nil || !strings.Contains(out, "pending") {
		t.Fatalf("migrate down: %q, %v", out, err)
	}
	file := filepath.Join(t.TempDir(), "old.dump")
	if _, err := run(t, old, "backup", file); err != nil {
		t.Fatal(err)
	}
	fresh := pgtest.BareDB(t)
	if _, err := run(t, fresh, "restore", file); err != nil {
		t.Fatal(err)
	}
	status, err := run(t, fresh, "migrate", "status")
	if err != nil || strings.Contains(status, "pending") {
		t.Errorf("after restoring an older backup: %q, %v; want every migration applied", status, err)
	}
}

func TestBackupAndRestoreUsage(t *testing.T) {
	t.Parallel()
	db := pgtest.BareDB(t)
	for _, args := range [][]string{{"backup"}, {"backup", "a", "b"}, {"backup", "--file=x"}, {"restore"}} {
		if _, err := run(t, db, args...); err == nil || !strings.Contains(err.Error(), "usage: twincities "+args[0]) {
			t.Errorf("%v: err = %v, want its usage", args, err)
		}
	}
	// A backup into a directory that does not exist fails, and leaves nothing behind.
	if _, err := run(t, db, "backup", filepath.Join(t.TempDir(), "missing", "x.dump")); err == nil {
		t.Error("a backup into a missing directory succeeded")
	}
}
