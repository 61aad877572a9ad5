package seed_test

import (
	"context"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5/pgxpool"

	"twincities/internal/content"
	"twincities/internal/postgres/pgtest"
	"twincities/internal/seed"
	"twincities/migrations"
)

// notesInsert is the INSERT of migration 00011 that gives the lists' notes to an existing site.
func notesInsert(tb testing.TB) string {
	tb.Helper()
	sql, err := migrations.FS.ReadFile("00011_city_stories.sql")
	if err != nil {
		tb.Fatal(err)
	}
	up, _, _ := strings.Cut(string(sql), "-- +goose Down")
	_, insert, ok := strings.Cut(up, "\nINSERT INTO pages ")
	if !ok {
		tb.Fatal("migration 00011 has no INSERT INTO pages")
	}
	return "INSERT INTO pages " + insert
}

// notePages are the lists' notes in db, by key.
func notePages(tb testing.TB, db *pgxpool.Pool) map[content.PageKey]content.Page {
	tb.Helper()
	rows, err := db.Query(context.Background(), `SELECT key, title_ru, title_en, body_ru, body_en FROM pages
		WHERE key IN ('partner-cities-note', 'memberships-note')`)
	if err != nil {
		tb.Fatal(err)
	}
	defer rows.Close()
	out := map[content.PageKey]content.Page{}
	for rows.Next() {
		var p content.Page
		if err := rows.Scan(&p.Key, &p.Title.RU, &p.Title.EN, &p.Body.RU, &p.Body.EN); err != nil {
			tb.Fatal(err)
		}
		out[p.Key] = p
	}
	if err := rows.Err(); err != nil {
		tb.Fatal(err)
	}
	return out
}

// TestMigrationGivesNotesToAnExistingSite runs the INSERT of migration 00011 on a site loaded
// before the notes existed: it gets both, worded as the initial data words them; a note staff have
// since edited is left as it is; an empty database gets none, so the initial data still loads.
func TestMigrationGivesNotesToAnExistingSite(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), pgtest.SeededDB(t)
	insert := notesInsert(t)
	if _, err := db.Exec(ctx, `DELETE FROM pages WHERE key IN ('partner-cities-note', 'memberships-note')`); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(ctx, insert); err != nil {
		t.Fatalf("the migration's INSERT: %v", err)
	}
	got := notePages(t, db)
	for _, p := range seed.Pages() {
		if !p.Key.IsNote() {
			continue
		}
		if g := got[p.Key]; g.Title != p.Title || g.Body != p.Body {
			t.Errorf("%s after the migration: %+v, want the initial data's %+v %+v", p.Key, g, p.Title, p.Body)
		}
	}
	if len(got) != 2 {
		t.Errorf("%d notes after the migration", len(got))
	}

	// Run again over a note staff emptied: it stays empty.
	if _, err := db.Exec(ctx, `UPDATE pages SET body_ru = '', body_en = '' WHERE key = 'memberships-note'`); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(ctx, insert); err != nil {
		t.Fatalf("the migration's INSERT again: %v", err)
	}
	if b := notePages(t, db)[content.MembershipsNote].Body; b.RU != "" || b.EN != "" {
		t.Errorf("the migration overwrote a note staff had emptied: %+v", b)
	}

	empty := pgtest.EmptyDB(t)
	if _, err := empty.Exec(ctx, insert); err != nil {
		t.Fatalf("the migration's INSERT on an empty database: %v", err)
	}
	if n := len(notePages(t, empty)); n != 0 {
		t.Errorf("an empty database got %d notes, which would stop the initial data from loading", n)
	}
}
