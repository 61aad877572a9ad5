package store_test

import (
	"context"
	"errors"
	"reflect"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"twincities/internal/content"
	"twincities/internal/postgres/pgtest"
	"twincities/internal/store"
)

// TestReadsAnswerAsTheFunctionsInOneBatch queues the home page's reads and the page frame's, and
// checks that each lands what the store function of the same name returns, that a missing entry
// is reported as not found without failing the others, and that the lot went to PostgreSQL as
// one batch and nothing else (issue 12: one round trip for a page).
func TestReadsAnswerAsTheFunctionsInOneBatch(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := pgtest.SeededDB(t)
	pool, trips := pgtest.TracedPool(t, db)
	today := time.Date(2026, time.December, 1, 0, 0, 0, 0, time.UTC)

	var (
		rs          store.Reads
		counts      store.Counts
		cities      []content.City
		places      []content.City
		last        = map[int64]content.Date{}
		upcoming    []content.Event
		awards      []content.Award
		awardCount  int
		news        []content.News
		about       content.Page
		hasAbout    bool
		dept        content.Place
		hasDept     bool
		nowhere     content.Place
		hasNowhere  = true
		cityQuery   = store.CityQuery{Filter: store.Public, Limit: 3, Offset: 1}
		awardsQuery = store.AwardQuery{Filter: store.Public, Limit: 2}
	)
	rs.PublicCounts(&counts)
	rs.ListCities(cityQuery, &cities)
	rs.PublicCityPlaces(&places)
	rs.LastActivities(today, last)
	rs.UpcomingEvents(today, 5, &upcoming)
	rs.ListAwards(awardsQuery, &awards)
	rs.CountAwards(awardsQuery, &awardCount)
	rs.ListNews(store.NewsQuery{Filter: store.Public, Limit: 3}, &news)
	rs.PlaceBySlug("no-such-place", true, &nowhere, &hasNowhere)
	rs.PageByKey(content.About, &about, &hasAbout)
	rs.PlaceBySlug(content.DepartmentSlug, false, &dept, &hasDept) // a draft in the initial data
	if err := rs.Send(ctx, pool); err != nil {
		t.Fatal(err)
	}
	if queries, batches := trips.Take(); batches != 1 || len(queries) != 0 {
		t.Errorf("Send sent %d batches and %d single queries %q, want one batch", batches, len(queries), queries)
	}
	if hasNowhere {
		t.Error("a place that does not exist was found")
	}
	if !hasAbout || !hasDept {
		t.Fatalf("found the about page: %v, the department: %v; the initial data has both", hasAbout, hasDept)
	}

	same := func(name string, got, want any, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s from the batch differs from the function's:\n got %+v\nwant %+v", name, got, want)
		}
	}
	wantCounts, err := store.PublicCounts(ctx, db)
	same("PublicCounts", counts, wantCounts, err)
	wantCities, err := store.ListCities(ctx, db, cityQuery)
	same("ListCities", cities, wantCities, err)
	wantPlaces, err := store.PublicCityPlaces(ctx, db)
	same("PublicCityPlaces", places, wantPlaces, err)
	wantLast, err := store.LastActivities(ctx, db, today)
	same("LastActivities", last, wantLast, err)
	wantUpcoming, err := store.UpcomingEvents(ctx, db, today, 5)
	same("UpcomingEvents", upcoming, wantUpcoming, err)
	wantAwards, err := store.ListAwards(ctx, db, awardsQuery)
	same("ListAwards", awards, wantAwards, err)
	wantAwardCount, err := store.CountAwards(ctx, db, awardsQuery)
	same("CountAwards", awardCount, wantAwardCount, err)
	wantNews, err := store.ListNews(ctx, db, store.NewsQuery{Filter: store.Public, Limit: 3})
	same("ListNews", news, wantNews, err)
	wantAbout, err := store.PageByKey(ctx, db, content.About)
	same("PageByKey", about, wantAbout, err)
	wantDept, err := store.PlaceBySlug(ctx, db, content.DepartmentSlug, false)
	same("PlaceBySlug", dept, wantDept, err)
	if _, err := store.PlaceBySlug(ctx, db, "no-such-place", true); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("PlaceBySlug of a place that does not exist: %v, want ErrNotFound", err)
	}
	if len(cities) != 3 || len(awards) == 0 || len(places) < len(cities) || counts.TwinCities == 0 {
		t.Errorf("the initial data gave %d cities, %d awards, %d places, %d twin cities: too little to compare",
			len(cities), len(awards), len(places), counts.TwinCities)
	}
}

// TestReadsFailureLeavesThePoolUsable sends a batch whose middle read PostgreSQL refuses (a slug
// that is not UTF-8) and checks that Send reports it, and that the pool's only connection is then
// fit for the next batch: the failure leaves the batch's transaction open and aborted on the
// connection, and handing it on so would fail every read of the next page, and closing it would
// cost every failure a new connection.
func TestReadsFailureLeavesThePoolUsable(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := pgtest.SeededDB(t)
	cfg := db.Config().Copy()
	cfg.MaxConns = 1 // the next batch gets the very connection the failure used
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(pool.Close)
	var (
		bad, again      store.Reads
		counts          store.Counts
		odd, dept       content.Place
		hasOdd, hasDept bool
	)
	bad.PublicCounts(&counts)
	bad.PlaceBySlug(string([]byte{'a', 0xff, 0xfe}), true, &odd, &hasOdd)
	bad.PlaceBySlug(content.DepartmentSlug, false, &dept, &hasDept)
	if err := bad.Send(ctx, pool); err == nil {
		t.Fatal("a batch with a slug that is not UTF-8 passed; want PostgreSQL's refusal")
	}
	again.PlaceBySlug(content.DepartmentSlug, false, &dept, &hasDept)
	// A connection never handed back would make the next batch wait for ever: a deadline ends it.
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := again.Send(ctx, pool); err != nil || !hasDept {
		t.Fatalf("the batch after a failed one: %v (department found: %v), want the department", err, hasDept)
	}
	// And a next that ends the snapshot early (a city not found) leaves it as fit.
	var early store.Reads
	early.PublicCounts(&counts)
	if err := early.SendThen(ctx, pool, func(*store.Reads) error { return store.ErrNotFound }); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("SendThen returned %v, want next's error", err)
	}
	// The connection was mended, not replaced: a page not found must not cost a new connection.
	if n := pool.Stat().NewConnsCount(); n != 1 {
		t.Errorf("%d connections opened, want the first one kept throughout", n)
	}
}

// TestSendThenKeepsOneSnapshot checks that the reads next queues see the database as the first
// ones did, though a change is committed between the two round trips; that the two are two
// batches and nothing else; and that an error from next is returned and leaves the pool usable.
func TestSendThenKeepsOneSnapshot(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := pgtest.SeededDB(t)
	pool, trips := pgtest.TracedPool(t, db)
	var (
		rs            store.Reads
		before, after store.Counts
	)
	rs.PublicCounts(&before)
	err := rs.SendThen(ctx, pool, func(then *store.Reads) error {
		if _, err := db.Exec(ctx, `UPDATE cities SET published = false WHERE published AND kind = 'twin'`); err != nil {
			return err
		}
		then.PublicCounts(&after)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if before.TwinCities == 0 || after != before {
		t.Errorf("counts %+v in the first round trip, %+v in the second: want the same, of one moment", before, after)
	}
	if queries, batches := trips.Take(); batches != 2 || len(queries) != 0 {
		t.Errorf("SendThen sent %d batches and %d single queries %q, want two batches", batches, len(queries), queries)
	}
	now, err := store.PublicCounts(ctx, db)
	if err != nil || now.TwinCities != 0 {
		t.Fatalf("after the change, %+v (%v): want no twin cities, or the test shows nothing", now, err)
	}

	stop := errors.New("the city is not there")
	var again store.Reads
	again.PublicCounts(&after)
	if err := again.SendThen(ctx, pool, func(*store.Reads) error { return stop }); !errors.Is(err, stop) {
		t.Errorf("SendThen returned %v, want next's error", err)
	}
	var last store.Reads
	last.PublicCounts(&after)
	if err := last.Send(ctx, pool); err != nil || after != now {
		t.Errorf("the batch after: %+v (%v), want %+v", after, err, now)
	}
}
