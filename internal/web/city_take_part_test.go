package web_test

import (
	"context"
	"testing"

	"twincities/internal/content"
	"twincities/internal/postgres/pgtest"
	"twincities/internal/store"
)

// A city's page offers "how to take part" in joint activities only while the relationship is
// active: an ended or suspended one has none to take part in, and says so in its notice instead.
func TestOnlyActiveRelationshipsOfferToTakePart(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), pgtest.SeededDB(t)
	h := site(t, db)
	cities, err := store.ListCities(ctx, db, store.CityQuery{Filter: store.Public})
	if err != nil {
		t.Fatal(err)
	}
	// The initial data has active and ended relationships; one is suspended here for the third state.
	seen := map[content.Status]int{}
	for i, c := range cities {
		if c.Status == content.Active && seen[content.Suspended] == 0 && i > 0 {
			c.Status = content.Suspended
			if err := store.Cities.Update(ctx, db, &c, c.Version, store.Actor{Name: "test"}); err != nil {
				t.Fatal(err)
			}
			cities[i] = c
		}
		seen[cities[i].Status]++
	}
	for _, st := range []content.Status{content.Active, content.Suspended, content.Ended} {
		if seen[st] == 0 {
			t.Fatalf("no %s relationship to check among %d cities", st, len(cities))
		}
	}
	for _, c := range cities {
		for _, l := range content.Langs {
			section := "/twin-cities/"
			if c.Kind == content.Partner {
				section = "/partner-cities/"
			}
			path := "/" + string(l) + section + c.Slug
			doc := mustGet(t, h, path).doc
			got := doc.Find("section.take-part").Length()
			if want := map[bool]int{true: 1, false: 0}[c.Status == content.Active]; got != want {
				t.Errorf("%s (%s): %d take-part sections, want %d", path, c.Status, got, want)
			}
			if c.Status != content.Active && doc.Find(".story .notice").Length() != 1 {
				t.Errorf("%s (%s): no notice of where the relationship stands", path, c.Status)
			}
		}
	}
}
