package store_test

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"

	"twincities/internal/content"
	"twincities/internal/content/contenttest"
	"twincities/internal/postgres/pgtest"
	"twincities/internal/store"
)

// A card read (CityQuery.Cards) gives the same cities, in the same order and page, as a full read,
// with every field a card and a list's structured data show equal, and leaves out the story, the
// sources, the link to Perm's page, the editor's note and every photo of the gallery but the first.
func TestListCitiesCardsReadsWhatACardShows(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), pgtest.EmptyDB(t)
	actor := store.Actor{Name: "test editor"}
	for i := 1; i <= 3; i++ {
		c := contenttest.City(content.Twin, i)
		c.Published = true
		c.Body = content.Text{RU: "История " + c.Slug, EN: "Story of " + c.Slug}
		c.PermPage = "https://www.gorodperm.ru/" + c.Slug
		c.EditorNote = "проверить дату"
		c.Sources = []content.Source{{Title: "Решение Пермской городской Думы", URL: "https://www.gorodperm.ru/" + c.Slug + "/source"}}
		if i != 2 {
			c.Gallery = []content.Photo{storedPhoto(t, db, 2*i), storedPhoto(t, db, 2*i+1)}
		}
		if err := store.Cities.Create(ctx, db, &c, actor); err != nil {
			t.Fatal(err)
		}
	}
	q := store.CityQuery{Filter: store.Public, CurrentFirst: true, Limit: 2, Offset: 1}
	full, err := store.ListCities(ctx, db, q)
	if err != nil {
		t.Fatal(err)
	}
	q.Cards = true
	cards, err := store.ListCities(ctx, db, q)
	if err != nil {
		t.Fatal(err)
	}
	if len(full) != 2 || len(cards) != len(full) {
		t.Fatalf("%d cards, %d cities: want the page of 2", len(cards), len(full))
	}
	for i, c := range cards {
		f := full[i]
		if c.Body != (content.Text{}) || c.Sources != nil || c.PermPage != "" || c.EditorNote != "" {
			t.Errorf("card %s read %q %v %q %q, what no card shows", c.Slug, c.Body, c.Sources, c.PermPage, c.EditorNote)
		}
		if len(f.Gallery) > 0 {
			if diff := cmp.Diff(f.Gallery[:1], c.Gallery); diff != "" {
				t.Errorf("card %s: the gallery is not the first photo alone (-want +got):\n%s", f.Slug, diff)
			}
		} else if c.Gallery != nil {
			t.Errorf("card %s has photos %v, the city none", f.Slug, c.Gallery)
		}
		// Everything else is the full read's.
		c.Body, c.Sources, c.PermPage, c.EditorNote, c.Gallery = f.Body, f.Sources, f.PermPage, f.EditorNote, f.Gallery
		c.CreatedAt, c.UpdatedAt = f.CreatedAt, f.UpdatedAt
		if diff := cmp.Diff(f, c); diff != "" {
			t.Errorf("card %d differs from the city (-city +card):\n%s", i, diff)
		}
	}
}
