package store_test

import (
	"context"
	"testing"

	"twincities/internal/content"
	"twincities/internal/postgres/pgtest"
	"twincities/internal/store"
)

// Reverting to the version Delete saved (the one that says when the entry went to the trash)
// brings back its fields, not its trip to the trash: the entry, its new revision and what Revert
// returns all say it is not deleted, as the row does.
func TestRevertToTheDeletedVersionLeavesTheEntryOutOfTheTrash(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), pgtest.SeededDB(t)
	actor := store.Actor{Name: "test editor"}
	c, err := store.CityBySlug(ctx, db, content.Twin, "duisburg", true)
	if err != nil {
		t.Fatal(err)
	}
	if err := store.Cities.Delete(ctx, db, c.ID, actor); err != nil {
		t.Fatal(err)
	}
	deleted, err := store.Cities.Get(ctx, db, c.ID)
	if err != nil || deleted.DeletedAt == nil {
		t.Fatalf("after Delete: %v, %v", deleted.DeletedAt, err)
	}
	if err := store.Cities.Restore(ctx, db, c.ID, actor); err != nil {
		t.Fatal(err)
	}
	restored, err := store.Cities.Get(ctx, db, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	got, err := store.Cities.Revert(ctx, db, c.ID, deleted.Version, restored.Version, actor)
	if err != nil {
		t.Fatal(err)
	}
	if got.DeletedAt != nil {
		t.Errorf("Revert returned an entry deleted at %v", got.DeletedAt)
	}
	saved, err := store.Cities.Revision(ctx, db, c.ID, got.Version)
	if err != nil {
		t.Fatal(err)
	}
	if saved.DeletedAt != nil {
		t.Errorf("the revert's revision says deleted at %v", saved.DeletedAt)
	}
	if now, err := store.Cities.Get(ctx, db, c.ID); err != nil || now.DeletedAt != nil || now.Version != got.Version {
		t.Errorf("stored: deleted %v, version %d (Revert said %d), %v", now.DeletedAt, now.Version, got.Version, err)
	}
}
