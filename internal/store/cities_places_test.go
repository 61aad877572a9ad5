package store_test

import (
	"context"
	"strconv"
	"testing"
	"time"

	"twincities/internal/content"
	"twincities/internal/postgres/pgtest"
	"twincities/internal/store"
)

// The share picture's address is a hash of the map PublicCityPlaces reads for every page, and the
// picture itself is drawn from ListCities: both must see the same places, in the same order, or
// the address would name another picture than the one served. AwardCityNames, for the links of
// the awards, must see the same cities as ListCities, the draft and the trashed one left out even
// when an award is theirs.
func TestPublicCityPlacesAndNamesMatchListCities(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), pgtest.SeededDB(t)
	drafted, ended, trashed := newCity(content.Partner, "drafted", false), newCity(content.Twin, "ended", true), newCity(content.Twin, "trashed", true)
	ended.Status, ended.Location = content.Ended, nil
	for _, c := range []*content.City{&drafted, &ended, &trashed} {
		if err := store.InsertCity(ctx, db, c); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := db.Exec(ctx, `UPDATE cities SET deleted_at = now() WHERE id = $1`, trashed.ID); err != nil {
		t.Fatal(err)
	}
	want, err := store.ListCities(ctx, db, store.CityQuery{Filter: store.Public})
	if err != nil {
		t.Fatal(err)
	}
	got, err := store.PublicCityPlaces(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) || len(want) < 3 {
		t.Fatalf("%d places, %d public cities", len(got), len(want))
	}
	// An award of every city, the draft and the trashed one too, a year apart.
	for i, id := range append([]int64{drafted.ID, trashed.ID}, ids(want)...) {
		a := newAward("award "+strconv.Itoa(i), content.Date{Time: time.Date(2000+i, 1, 1, 0, 0, 0, 0, time.UTC), Precision: content.Year}, true)
		a.CityID = &id
		insertAwards(t, db, &a)
	}
	names, err := store.AwardCityNames(ctx, db, store.AwardQuery{Filter: store.Public})
	if err != nil {
		t.Fatal(err)
	}
	if len(names) != len(want) {
		t.Fatalf("%d names, %d public cities", len(names), len(want))
	}
	for i := range want {
		w, g, n := want[i], got[i], names[i]
		if n.ID != w.ID || n.Kind != w.Kind || n.Slug != w.Slug || n.Name != w.Name {
			t.Errorf("name %d: %d %s/%s %v, want %d %s/%s %v", i, n.ID, n.Kind, n.Slug, n.Name, w.ID, w.Kind, w.Slug, w.Name)
		}
		if g.Status != w.Status || (g.Location == nil) != (w.Location == nil) || g.Location != nil && *g.Location != *w.Location {
			t.Errorf("place %d: %v %v, want %s's %v %v", i, g.Status, g.Location, w.Slug, w.Status, w.Location)
		}
	}
}

// ids are the IDs of cities, in their order.
func ids(cities []content.City) []int64 {
	out := make([]int64, len(cities))
	for i, c := range cities {
		out[i] = c.ID
	}
	return out
}
