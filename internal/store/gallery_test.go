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

// A city's gallery is part of its revisions: reverting to a version from before a photo was added
// takes the photo away again, and reverting to the later one brings it back, with its words and in
// its place.
func TestRevertRestoresTheGallery(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), pgtest.EmptyDB(t)
	actor := store.Actor{Name: "test editor"}
	c := contenttest.City(content.Twin, 1)
	c.Gallery = []content.Photo{storedPhoto(t, db, 1)}
	if err := store.Cities.Create(ctx, db, &c, actor); err != nil {
		t.Fatal(err)
	}
	v1 := c.Version
	withTwo := c
	withTwo.Gallery = []content.Photo{storedPhoto(t, db, 2), c.Gallery[0]}
	if err := store.Cities.Update(ctx, db, &withTwo, v1, actor); err != nil {
		t.Fatal(err)
	}

	back, err := store.Cities.Revert(ctx, db, c.ID, v1, withTwo.Version, actor)
	if err != nil {
		t.Fatal(err)
	}
	stored, err := store.Cities.Get(ctx, db, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(c.Gallery, stored.Gallery); diff != "" {
		t.Errorf("after reverting to version %d the gallery differs from that version's (-want +got):\n%s", v1, diff)
	}
	if diff := cmp.Diff(c.Gallery, back.Gallery); diff != "" {
		t.Errorf("Revert returned another gallery (-want +got):\n%s", diff)
	}

	if _, err := store.Cities.Revert(ctx, db, c.ID, withTwo.Version, back.Version, actor); err != nil {
		t.Fatal(err)
	}
	if stored, err = store.Cities.Get(ctx, db, c.ID); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(withTwo.Gallery, stored.Gallery); diff != "" {
		t.Errorf("after reverting to version %d the gallery differs from that version's (-want +got):\n%s", withTwo.Version, diff)
	}
}

// The gallery holds at most content.MaxPhotos: one more is refused as a validation error of the
// field "gallery", and nothing is written.
func TestGalleryLimit(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), pgtest.EmptyDB(t)
	c := contenttest.City(content.Twin, 1)
	for i := range content.MaxPhotos + 1 {
		c.Gallery = append(c.Gallery, storedPhoto(t, db, i+1))
	}
	err := store.Cities.Create(ctx, db, &c, store.SystemActor)
	if v := content.AsValidation(err); v == nil || v.For("gallery") != content.ProblemTooLong {
		t.Fatalf("a city with %d photos: %v, want a validation error of the gallery", len(c.Gallery), err)
	}
}
