package seed_test

import (
	"context"
	"sync"
	"testing"

	"github.com/jackc/pgx/v5/pgxpool"

	"twincities/internal/content"
	"twincities/internal/postgres/pgtest"
	"twincities/internal/seed"
	"twincities/internal/store"
)

// tables are the content tables with the column that orders their rows.
var tables = map[string]string{
	"cities": "id", "organizations": "id", "awards": "id", "events": "id", "pages": "key", "places": "id",
}

func rowCounts(tb testing.TB, db *pgxpool.Pool) map[string]int {
	tb.Helper()
	out := map[string]int{}
	for table := range tables {
		var n int
		if err := db.QueryRow(context.Background(), "SELECT count(*) FROM "+table).Scan(&n); err != nil {
			tb.Fatal(err)
		}
		out[table] = n
	}
	return out
}

// checksums fingerprints every row of every content table, so that any change shows.
func checksums(tb testing.TB, db *pgxpool.Pool) map[string]string {
	tb.Helper()
	out := map[string]string{}
	for table, order := range tables {
		var sum string
		err := db.QueryRow(context.Background(),
			"SELECT coalesce(md5(string_agg(t::text, ',' ORDER BY "+order+")), '') FROM "+table+" t").Scan(&sum)
		if err != nil {
			tb.Fatal(err)
		}
		out[table] = sum
	}
	return out
}

func wantCounts() map[string]int {
	return map[string]int{
		"cities": len(seed.Cities()), "organizations": len(seed.Organizations()), "awards": len(seed.Awards()),
		"events": len(seed.Events()), "pages": len(seed.Pages()), "places": len(seed.Places()),
	}
}

func checkCounts(tb testing.TB, db *pgxpool.Pool, want map[string]int) {
	tb.Helper()
	got := rowCounts(tb, db)
	for table, n := range want {
		if got[table] != n {
			tb.Errorf("%s holds %d rows, want %d", table, got[table], n)
		}
	}
}

func TestLoadFillsAnEmptyDatabaseOnce(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), pgtest.EmptyDB(t)
	loaded, err := seed.Load(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	if !loaded {
		t.Fatal("Load on an empty database reported it loaded nothing")
	}
	checkCounts(t, db, wantCounts())

	before := checksums(t, db)
	loaded, err = seed.Load(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	if loaded {
		t.Error("the second Load reported it loaded the data again")
	}
	after := checksums(t, db)
	for table := range tables {
		if before[table] == "" || before[table] != after[table] {
			t.Errorf("%s: checksum %q before the second Load, %q after", table, before[table], after[table])
		}
	}
}

func TestLoadLeavesStaffContentAlone(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), pgtest.EmptyDB(t)
	city := content.City{
		Kind: content.Partner, Slug: "staff-city", Country: "RU", Status: content.Active,
		Name: content.Text{RU: "Город", EN: "A city"},
	}
	if err := store.Cities.Create(ctx, db, &city, store.SystemActor); err != nil {
		t.Fatal(err)
	}
	before := checksums(t, db)
	loaded, err := seed.Load(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	if loaded {
		t.Error("Load on a database with a staff city reported it loaded the data")
	}
	checkCounts(t, db, map[string]int{"cities": 1, "organizations": 0, "awards": 0, "events": 0, "pages": 0})
	if after := checksums(t, db); after["cities"] != before["cities"] {
		t.Error("Load changed the staff city")
	}
}

// Two servers starting together on an empty database: the advisory lock lets one load the data
// and the other find it there.
func TestConcurrentLoadsLoadOnce(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), pgtest.EmptyDB(t)
	const n = 4
	var (
		wg     sync.WaitGroup
		loaded [n]bool
		errs   [n]error
		start  = make(chan struct{})
	)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			loaded[i], errs[i] = seed.Load(ctx, db)
		}()
	}
	close(start)
	wg.Wait()
	times := 0
	for i := range n {
		if errs[i] != nil {
			t.Errorf("Load %d: %v", i, errs[i])
		}
		if loaded[i] {
			times++
		}
	}
	if times != 1 {
		t.Errorf("%d of %d concurrent Loads reported loading the data, want exactly 1", times, n)
	}
	checkCounts(t, db, wantCounts())
}

func TestSeededDatabase(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), pgtest.SeededDB(t)
	checkCounts(t, db, wantCounts())

	// What the home page counts, from the facts: four current twin cities and two former ones
	// (Louisville and Oxford, ended), the four sourced partner cities, the two sourced
	// memberships and the four awards.
	counts, err := store.PublicCounts(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	if want := (store.Counts{TwinCities: 4, FormerTwinCities: 2, PartnerCities: 4, Memberships: 2, Awards: 4}); counts != want {
		t.Errorf("public counts = %+v, want %+v", counts, want)
	}

	var awardCity, eventCity string
	err = db.QueryRow(ctx, `SELECT c.kind || '/' || c.slug FROM awards a JOIN cities c ON c.id = a.city_id
		WHERE a.award_date = '2018-09-14'`).Scan(&awardCity)
	if err != nil {
		t.Fatalf("the award of 2018-09-14 and its city: %v", err)
	}
	if awardCity != "twin/duisburg" {
		t.Errorf("the award of 2018-09-14 concerns %s, want twin/duisburg", awardCity)
	}
	err = db.QueryRow(ctx, `SELECT c.kind || '/' || c.slug FROM events e JOIN cities c ON c.id = e.city_id
		WHERE e.title_en LIKE '%10-year partnership%'`).Scan(&eventCity)
	if err != nil {
		t.Fatalf("the 10-year partnership event and its city: %v", err)
	}
	if eventCity != "twin/duisburg" {
		t.Errorf("the 10-year partnership event belongs to %s, want twin/duisburg", eventCity)
	}
	var linkedAwards, cityEvents int
	err = db.QueryRow(ctx, `SELECT (SELECT count(*) FROM awards WHERE city_id IS NOT NULL),
		(SELECT count(*) FROM events WHERE city_id IS NOT NULL)`).Scan(&linkedAwards, &cityEvents)
	if err != nil {
		t.Fatal(err)
	}
	if linkedAwards != 1 || cityEvents != 1 {
		t.Errorf("%d awards and %d events linked to a city, want 1 and 1 (Duisburg's)", linkedAwards, cityEvents)
	}

	// The store reads back what the seed holds: the precisions survive the database.
	twins, err := store.ListCities(ctx, db, store.CityQuery{Kind: content.Twin, Filter: store.Public})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]content.Date{}
	for _, c := range seed.Cities() {
		want[string(c.Kind)+"/"+c.Slug] = c.Since
	}
	for _, c := range twins {
		if w := want["twin/"+c.Slug]; c.Since != w {
			t.Errorf("%s: since %#v (%s) read back, seed has %#v (%s)", c.Slug, c.Since, c.Since.Precision, w, w.Precision)
		}
	}
	drafts, err := store.ListOrganizations(ctx, db, store.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	public, err := store.ListOrganizations(ctx, db, store.Public)
	if err != nil {
		t.Fatal(err)
	}
	if len(drafts) != len(seed.Organizations()) || len(public) != 2 {
		t.Errorf("%d organisations for staff and %d public, want %d and 2", len(drafts), len(public), len(seed.Organizations()))
	}
}

// A database loaded by an earlier version, before the privacy page existed, gains that page with
// its initial text at the next start; the pages it had stay as staff left them.
func TestLoadAddsAPageALaterVersionBrought(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), pgtest.SeededDB(t)
	if _, err := db.Exec(ctx, `DELETE FROM pages WHERE key = 'privacy'`); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(ctx, `UPDATE pages SET body_ru = 'Изменено сотрудником' WHERE key = 'contacts'`); err != nil {
		t.Fatal(err)
	}
	if loaded, err := seed.Load(ctx, db); err != nil || loaded {
		t.Fatalf("Load = %v, %v; want false, nil", loaded, err)
	}
	p, err := store.PageByKey(ctx, db, content.Privacy)
	if err != nil {
		t.Fatalf("the privacy page was not added: %v", err)
	}
	for _, want := range seed.Pages() {
		if want.Key == content.Privacy && (p.Body != want.Body || p.Title != want.Title) {
			t.Error("the privacy page was added without its initial text")
		}
	}
	if c, _ := store.PageByKey(ctx, db, content.Contacts); c.Body.RU != "Изменено сотрудником" {
		t.Errorf("the contacts page changed: %q", c.Body.RU)
	}
}
