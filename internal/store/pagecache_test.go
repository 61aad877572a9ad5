package store_test

import (
	"context"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"twincities/internal/postgres/pgtest"
	"twincities/internal/store"
)

// notShownOnPublicPages are the tables no cached public page reads: a change to them need not
// drop the page cache. Every other table must carry the trigger pages_changed (migration 00022).
var notShownOnPublicPages = map[string]string{
	"audit_log":        "the feeds read the first publication from it, but feeds are not cached; a publication changes the entry's own table too",
	"drafts":           "working copies: only previews and review links show them, never cached",
	"goose_db_version": "the schema's version",
	"link_check_runs":  "the staff's link check",
	"link_checks":      "the staff's link check",
	"login_attempts":   "the sign-in throttle",
	"message_senders":  "the write form's throttle",
	"messages":         "letters to the department, read by staff only",
	"recovery_codes":   "second factor",
	"review_links":     "review links, never cached",
	"reviews":          "the review workflow, staff only",
	"revisions":        "the history, staff only",
	"schedules":        "carrying one out changes the entry's own table",
	"sessions":         "staff sessions",
	"users":            "staff accounts; no public page names them",
}

// Every table of the schema is either covered by the trigger that drops the cached pages or known
// to be read by no cached public page: a new table fails here until someone decides which.
func TestEveryTableDecidedForThePageCache(t *testing.T) {
	ctx := context.Background()
	db := pgtest.EmptyDB(t)
	rows, err := db.Query(ctx, `SELECT c.relname, EXISTS (SELECT 1 FROM pg_trigger tg
			WHERE tg.tgrelid = c.oid AND tg.tgname = 'pages_changed' AND NOT tg.tgisinternal)
		FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
		WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY 1`)
	if err != nil {
		t.Fatal(err)
	}
	var name string
	var covered bool
	var tables []string
	if _, err := pgx.ForEachRow(rows, []any{&name, &covered}, func() error {
		tables = append(tables, name)
		_, private := notShownOnPublicPages[name]
		switch {
		case covered && private:
			t.Errorf("table %s drops the page cache but is listed as not shown on public pages: one or the other", name)
		case !covered && !private:
			t.Errorf("table %s neither drops the page cache (trigger pages_changed, see migration 00022) nor is "+
				"listed in notShownOnPublicPages: decide whether public pages show its rows", name)
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	for name := range notShownOnPublicPages {
		if !slices.Contains(tables, name) {
			t.Errorf("notShownOnPublicPages lists %s, which the schema does not have", name)
		}
	}
	if !slices.Contains(tables, "cities") {
		t.Fatalf("tables %v: the query found no schema", tables)
	}
}

// A committed change to a public table notifies the listeners once, with a generation that moved;
// a rolled-back one notifies nobody.
func TestChangesNotifyOncePerTransaction(t *testing.T) {
	ctx := context.Background()
	db := pgtest.SeededDB(t)
	conn, err := db.Acquire(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Release()
	if err := store.ListenForChanges(ctx, conn.Conn()); err != nil {
		t.Fatal(err)
	}
	before, err := store.CacheGeneration(ctx, db)
	if err != nil {
		t.Fatal(err)
	}

	// Rolled back: nothing.
	tx, err := db.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec(ctx, `UPDATE cities SET updated_at = updated_at`); err != nil {
		t.Fatal(err)
	}
	tx.Rollback(ctx)
	// Two statements on two tables in one transaction: one notification.
	err = pgx.BeginFunc(ctx, db, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `UPDATE cities SET updated_at = updated_at`); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, `UPDATE awards SET updated_at = updated_at`)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	wait, cancel := context.WithTimeout(ctx, 5*time.Second)
	n, err := conn.Conn().WaitForNotification(wait)
	cancel()
	if err != nil {
		t.Fatalf("no notification after a committed change: %v", err)
	}
	g, err := strconv.ParseInt(n.Payload, 10, 64)
	if n.Channel != store.PagesChannel || err != nil || g <= before {
		t.Errorf("notification %q on %q; want a generation above %d on %q", n.Payload, n.Channel, before, store.PagesChannel)
	}
	if now, err := store.CacheGeneration(ctx, db); err != nil || now < g {
		t.Errorf("CacheGeneration = %d, %v; want at least %d", now, err, g)
	}
	wait, cancel = context.WithTimeout(ctx, 300*time.Millisecond)
	defer cancel()
	if extra, err := conn.Conn().WaitForNotification(wait); err == nil {
		t.Errorf("a second notification %q for the same transaction, or one for the rolled-back one", extra.Payload)
	}
}

// A restore, which loads rows before the triggers exist, announces itself.
func TestAnnounceChanges(t *testing.T) {
	ctx := context.Background()
	db := pgtest.EmptyDB(t)
	conn, err := db.Acquire(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Release()
	if err := store.ListenForChanges(ctx, conn.Conn()); err != nil {
		t.Fatal(err)
	}
	if err := store.AnnounceChanges(ctx, db); err != nil {
		t.Fatal(err)
	}
	wait, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	if n, err := conn.Conn().WaitForNotification(wait); err != nil || n.Channel != store.PagesChannel {
		t.Errorf("after AnnounceChanges: %v, %v; want a notification on %s", n, err, store.PagesChannel)
	}
}
