package store_test

import (
	"context"
	"testing"
	"time"

	"twincities/internal/postgres/pgtest"
	"twincities/internal/store"
)

// Every kind of entry gives its addresses to the check, published or not; the trash does not.
func TestListLinkUses(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := pgtest.EmptyDB(t)
	for _, q := range []string{
		`INSERT INTO cities (kind, slug, name_ru, name_en, country, website, perm_page_url, sources) VALUES ('twin', 'a', 'А', 'A', 'DE',
			'https://a.example/', 'https://a.example/perm', '[{"title": "S", "url": "https://shared.example/"}, {"title": "Print"}]')`,
		`INSERT INTO cities (kind, slug, country, website, deleted_at) VALUES ('twin', 'gone', 'DE', 'https://trash.example/', now())`,
		`INSERT INTO organizations (slug, kind, scope, name_en, website, sources) VALUES ('u', 'union', 'international', 'U',
			'https://u.example/', '[{"title": "S", "url": "https://shared.example/"}]')`,
		`INSERT INTO events (event_date, date_precision, title_ru, link, sources) VALUES ('2020-01-01', 'day', 'Е', 'https://e.example/',
			'[{"title": "S", "url": "https://e.example/source"}]')`,
		`INSERT INTO awards (award_date, date_precision, title_en, sources) VALUES ('2020-01-01', 'day', 'Prize',
			'[{"title": "S", "url": "https://award.example/"}]')`,
		`INSERT INTO places (slug, name_ru, website) VALUES ('office', 'Офис', 'https://place.example/')`,
	} {
		if _, err := db.Exec(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	uses, err := store.ListLinkUses(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, u := range uses {
		got = append(got, u.URL+" "+string(u.Entity)+" "+u.NameRU+"/"+u.NameEN)
	}
	want := []string{
		"https://a.example/ city А/A", "https://a.example/perm city А/A", "https://award.example/ award /Prize",
		"https://e.example/ event Е/", "https://e.example/source event Е/", "https://place.example/ place Офис/",
		"https://shared.example/ city А/A", "https://shared.example/ organization /U", "https://u.example/ organization /U",
	}
	if len(got) != len(want) {
		t.Fatalf("uses:\n%q\nwant\n%q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("use %d: %q, want %q", i, got[i], want[i])
		}
	}
}

// A failing address keeps the time it first failed, check after check, until it works again.
func TestSaveLinkChecksKeepsBrokenSince(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := pgtest.EmptyDB(t)
	day1 := time.Date(2026, 12, 1, 3, 0, 0, 0, time.UTC)
	day2, day3 := day1.Add(24*time.Hour), day1.Add(48*time.Hour)
	save := func(at time.Time, checks ...store.LinkCheck) {
		t.Helper()
		for i := range checks {
			checks[i].CheckedAt = at
		}
		if err := store.SaveLinkChecks(ctx, db, checks, at, at); err != nil {
			t.Fatal(err)
		}
	}
	if last, err := store.LastLinkCheck(ctx, db); err != nil || last != nil {
		t.Fatalf("before any check: %v, %v", last, err)
	}
	save(day1, store.LinkCheck{URL: "https://a.example/", Status: 404, Error: "status"}, store.LinkCheck{URL: "https://b.example/", OK: true, Status: 200})
	save(day2, store.LinkCheck{URL: "https://a.example/", Error: "timeout"}, store.LinkCheck{URL: "https://b.example/", Status: 500, Error: "status"})
	broken, err := store.ListBrokenLinks(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	if len(broken) != 2 || broken[0].URL != "https://a.example/" || !broken[0].FirstFailedAt.Equal(day1) || broken[0].Error != "timeout" ||
		broken[1].URL != "https://b.example/" || !broken[1].FirstFailedAt.Equal(day2) {
		t.Fatalf("broken after day 2: %+v", broken)
	}
	save(day3, store.LinkCheck{URL: "https://a.example/", OK: true, Status: 200}) // b is no longer used
	if broken, err = store.ListBrokenLinks(ctx, db); err != nil || len(broken) != 0 {
		t.Errorf("broken after day 3: %+v, %v", broken, err)
	}
	if last, err := store.LastLinkCheck(ctx, db); err != nil || last == nil || !last.Equal(day3) {
		t.Errorf("last check %v, %v; want %v", last, err, day3)
	}
	var rows int
	if err := db.QueryRow(ctx, `SELECT count(*) FROM link_checks`).Scan(&rows); err != nil || rows != 1 {
		t.Errorf("%d rows kept (%v), want 1: the unused address is dropped", rows, err)
	}
}
