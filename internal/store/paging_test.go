package store_test

import (
	"context"
	"slices"
	"testing"

	"twincities/internal/content"
	"twincities/internal/postgres/pgtest"
	"twincities/internal/seed"
	"twincities/internal/store"
)

// pagingScale is the scale of the generated data the paged lists are checked at: several pages
// of pagingSize, quick to generate.
const (
	pagingScale = 60
	pagingSize  = 7
)

// pagedDB is a database of generated entries, some of them drafts, some in the trash and, of the
// cities, some ended or suspended, so that a page of a public list has something to leave out and
// the current cities something to come before.
func pagedDB(t *testing.T) store.DBTX {
	t.Helper()
	ctx, db := context.Background(), pgtest.SeededDB(t)
	if _, err := seed.Generate(ctx, db, pagingScale); err != nil {
		t.Fatal(err)
	}
	for _, sql := range []string{
		`UPDATE cities SET status = 'ended' WHERE id % 3 = 0`,
		`UPDATE cities SET status = 'suspended' WHERE id % 5 = 0`,
		`UPDATE cities SET sort_order = id % 4`,
		`UPDATE cities SET published = false WHERE id % 7 = 0`,
		`UPDATE cities SET deleted_at = now() WHERE id % 11 = 0`,
		`UPDATE awards SET published = false WHERE id % 7 = 0`,
		`UPDATE awards SET deleted_at = now() WHERE id % 11 = 0`,
		`UPDATE organizations SET published = false WHERE id % 7 = 0`,
		`UPDATE organizations SET deleted_at = now() WHERE id % 11 = 0`,
	} {
		if _, err := db.Exec(ctx, sql); err != nil {
			t.Fatalf("%s: %v", sql, err)
		}
	}
	return db
}

// checkPages reads every page of a list, and one past the last, and compares each with the same
// slice of the whole list; the count must be the whole list's length.
func checkPages[T any](t *testing.T, name string, all []T, total int, page func(limit, offset int) ([]T, error), id func(T) int64) {
	t.Helper()
	if total != len(all) {
		t.Errorf("%s: count %d, the whole list has %d", name, total, len(all))
	}
	if len(all) < 3*pagingSize {
		t.Fatalf("%s: only %d entries, too few to page", name, len(all))
	}
	for offset := 0; offset <= len(all); offset += pagingSize {
		got, err := page(pagingSize, offset)
		if err != nil {
			t.Fatal(err)
		}
		want := all[offset:min(len(all), offset+pagingSize)]
		gotIDs, wantIDs := make([]int64, len(got)), make([]int64, len(want))
		for i := range got {
			gotIDs[i] = id(got[i])
		}
		for i := range want {
			wantIDs[i] = id(want[i])
		}
		if !slices.Equal(gotIDs, wantIDs) {
			t.Errorf("%s: page at %d is %v, want %v", name, offset, gotIDs, wantIDs)
		}
	}
}

// A page of a public list read from the database (issue 12) is exactly the slice of the whole list
// the public saw before: the same entries, drafts and the trash left out, in the same order, the
// current cities first; the count is the whole list's.
func TestPagedListsAreSlicesOfTheWholeList(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), pagedDB(t)

	t.Run("cities", func(t *testing.T) {
		for _, kind := range []content.CityKind{content.Twin, content.Partner, ""} {
			q := store.CityQuery{Kind: kind, Filter: store.Public}
			all, err := store.ListCities(ctx, db, q)
			if err != nil {
				t.Fatal(err)
			}
			// The public lists' order: the current first, each part in ListCities' order.
			var current, former []content.City
			for _, c := range all {
				if !c.Published || c.DeletedAt != nil || (kind != "" && c.Kind != kind) {
					t.Fatalf("%s: %s listed as public", kind, c.Slug)
				}
				if c.IsCurrent() {
					current = append(current, c)
				} else {
					former = append(former, c)
				}
			}
			if len(current) == 0 || len(former) == 0 {
				t.Fatalf("%s: %d current and %d former cities, want some of each", kind, len(current), len(former))
			}
			q.CurrentFirst = true
			total, err := store.CountCities(ctx, db, q)
			if err != nil {
				t.Fatal(err)
			}
			checkPages(t, "cities "+string(kind), append(current, former...), total, func(limit, offset int) ([]content.City, error) {
				q.Limit, q.Offset = limit, offset
				return store.ListCities(ctx, db, q)
			}, func(c content.City) int64 { return c.ID })
		}
	})

	t.Run("awards", func(t *testing.T) {
		q := store.AwardQuery{Filter: store.Public}
		all, err := store.ListAwards(ctx, db, q)
		if err != nil {
			t.Fatal(err)
		}
		total, err := store.CountAwards(ctx, db, q)
		if err != nil {
			t.Fatal(err)
		}
		var unseen int
		if err := db.QueryRow(ctx, `SELECT count(*) FROM awards WHERE NOT published OR deleted_at IS NOT NULL`).Scan(&unseen); err != nil || unseen == 0 {
			t.Fatalf("%d awards drafted or trashed (%v), want some", unseen, err)
		}
		checkPages(t, "awards", all, total, func(limit, offset int) ([]content.Award, error) {
			q.Limit, q.Offset = limit, offset
			return store.ListAwards(ctx, db, q)
		}, func(a content.Award) int64 { return a.ID })
	})

	t.Run("organizations", func(t *testing.T) {
		all, err := store.ListOrganizations(ctx, db, store.Public)
		if err != nil {
			t.Fatal(err)
		}
		for _, o := range all {
			if !o.Published || o.DeletedAt != nil {
				t.Fatalf("%s listed as public", o.Slug)
			}
		}
		total, err := store.CountOrganizations(ctx, db, store.Public)
		if err != nil {
			t.Fatal(err)
		}
		checkPages(t, "organizations", all, total, func(limit, offset int) ([]content.Organization, error) {
			return store.PageOrganizations(ctx, db, store.Public, limit, offset)
		}, func(o content.Organization) int64 { return o.ID })
	})

	t.Run("city names of a page of awards", func(t *testing.T) {
		all, err := store.ListCities(ctx, db, store.CityQuery{Filter: store.Public})
		if err != nil {
			t.Fatal(err)
		}
		order := map[int64]int{}
		for i, c := range all {
			order[c.ID] = i
		}
		q := store.AwardQuery{Filter: store.Public, Limit: 10, Offset: 30}
		page, err := store.ListAwards(ctx, db, q)
		if err != nil || len(page) != q.Limit {
			t.Fatalf("%d awards (%v), want a page of %d", len(page), err, q.Limit)
		}
		// An award of a city the public does not see: its city is not named.
		var hidden int64
		if err := db.QueryRow(ctx, `UPDATE awards SET city_id = (SELECT min(id) FROM cities WHERE NOT published OR deleted_at IS NOT NULL)
			WHERE id = $1 RETURNING city_id`, page[0].ID).Scan(&hidden); err != nil {
			t.Fatal(err)
		}
		page[0].CityID = &hidden
		// The public cities of the page's awards, each once, in ListCities' order.
		var want []content.City
		for _, a := range page {
			if a.CityID == nil {
				continue
			}
			if i, ok := order[*a.CityID]; ok && !slices.ContainsFunc(want, func(c content.City) bool { return c.ID == *a.CityID }) {
				want = append(want, all[i])
			}
		}
		slices.SortFunc(want, func(a, b content.City) int { return order[a.ID] - order[b.ID] })
		got, err := store.AwardCityNames(ctx, db, q)
		if err != nil {
			t.Fatal(err)
		}
		same := func(a, b content.City) bool {
			return a.ID == b.ID && a.Kind == b.Kind && a.Slug == b.Slug && a.Name == b.Name
		}
		if len(want) < 2 || !slices.EqualFunc(got, want, same) {
			t.Errorf("names of the cities of awards %d-%d: %v, want %v", q.Offset+1, q.Offset+q.Limit, ids(got), ids(want))
		}
	})
}
