package store_test

import (
	"context"
	"errors"
	"testing"

	"twincities/internal/content"
	"twincities/internal/postgres/pgtest"
	"twincities/internal/store"
)

// publishedCity returns a published city of the initial data, as staff open it.
func publishedCity(tb testing.TB, ctx context.Context, db store.DBTX) content.City {
	tb.Helper()
	c, err := store.CityBySlug(ctx, db, content.Twin, "duisburg", true)
	if err != nil {
		tb.Fatal(err)
	}
	if !c.Published {
		tb.Fatalf("%s is not published", c.Slug)
	}
	return c
}

// A draft may miss a language; the public row stays as it was until the draft is published,
// which checks it fully, replaces the row, records a revision and drops the draft.
func TestDraftIsKeptAsideUntilPublished(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), pgtest.SeededDB(t)
	actor := store.Actor{Name: "test editor"}
	live := publishedCity(t, ctx, db)

	d := live
	d.Summary = content.Text{RU: "Новое описание, перевода ещё нет"}
	if err := store.Cities.SaveDraft(ctx, db, &d, live.Version, 0, actor); err != nil {
		t.Fatalf("SaveDraft with English missing: %v", err)
	}
	now, err := store.Cities.Get(ctx, db, live.ID)
	if err != nil {
		t.Fatal(err)
	}
	if now.Version != live.Version || now.Summary != live.Summary {
		t.Errorf("after SaveDraft the city is at version %d with summary %q, want %d, %q", now.Version, now.Summary, live.Version, live.Summary)
	}
	saved, ok, err := store.Cities.Draft(ctx, db, live.ID)
	if err != nil || !ok {
		t.Fatalf("Draft: %v, %v", ok, err)
	}
	if saved.Entry.Summary.RU != d.Summary.RU || saved.BaseVersion != live.Version || saved.Revision != 1 || saved.UserName != actor.Name {
		t.Errorf("draft = %+v", saved)
	}

	// Publishing it as it is: refused, nothing changes.
	err = store.Cities.PublishDraft(ctx, db, &d, live.Version, saved.Revision, actor)
	if content.AsValidation(err) == nil {
		t.Fatalf("PublishDraft with English missing: %v, want a validation error", err)
	}
	if now, _ := store.Cities.Get(ctx, db, live.ID); now.Version != live.Version {
		t.Errorf("a refused publish moved the city to version %d", now.Version)
	}

	d.Summary.EN = "A new summary"
	if err := store.Cities.SaveDraft(ctx, db, &d, live.Version, saved.Revision, actor); err != nil {
		t.Fatal(err)
	}
	if err := store.Cities.PublishDraft(ctx, db, &d, live.Version, saved.Revision+1, actor); err != nil {
		t.Fatal(err)
	}
	now, err = store.Cities.Get(ctx, db, live.ID)
	if err != nil {
		t.Fatal(err)
	}
	if now.Version != live.Version+1 || now.Summary != d.Summary || !now.Published {
		t.Errorf("after PublishDraft: version %d, summary %q, published %v", now.Version, now.Summary, now.Published)
	}
	revs, err := store.Cities.Revisions(ctx, db, live.ID)
	if err != nil || len(revs) == 0 || revs[0].Version != now.Version || revs[0].Action != store.ActionDraftPublish {
		t.Errorf("newest revision: %+v, %v", revs, err)
	}
	if _, ok, err := store.Cities.Draft(ctx, db, live.ID); ok || err != nil {
		t.Errorf("the draft is still there after publishing: %v, %v", ok, err)
	}
}

// Discarding drops the draft and leaves the published city as it was; a stale discard conflicts.
func TestDiscardDraft(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), pgtest.SeededDB(t)
	actor := store.Actor{Name: "test editor"}
	live := publishedCity(t, ctx, db)
	d := live
	d.Region = content.Text{RU: "Новый регион"}
	if err := store.Cities.SaveDraft(ctx, db, &d, live.Version, 0, actor); err != nil {
		t.Fatal(err)
	}
	if err := store.Cities.SaveDraft(ctx, db, &d, live.Version, 1, actor); err != nil {
		t.Fatal(err)
	}
	if err := store.Cities.DiscardDraft(ctx, db, live.ID, 1, actor); !errors.Is(err, store.ErrConflict) {
		t.Errorf("discarding revision 1 of a draft at 2: %v, want a conflict", err)
	}
	if err := store.Cities.DiscardDraft(ctx, db, live.ID, 2, actor); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := store.Cities.Draft(ctx, db, live.ID); ok {
		t.Error("the draft is still there after discarding")
	}
	if now, _ := store.Cities.Get(ctx, db, live.ID); now.Version != live.Version || now.Region != live.Region {
		t.Errorf("discarding changed the city: version %d, region %q", now.Version, now.Region)
	}
	if err := store.Cities.DiscardDraft(ctx, db, live.ID, 2, actor); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("discarding no draft: %v, want not found", err)
	}
}

// Two people on one draft, or a draft over a published version that moved: a conflict, never a
// silent overwrite.
func TestDraftConflicts(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), pgtest.SeededDB(t)
	actor := store.Actor{Name: "test editor"}
	live := publishedCity(t, ctx, db)

	mine, theirs := live, live
	theirs.Region = content.Text{RU: "Их регион", EN: "Their region"}
	if err := store.Cities.SaveDraft(ctx, db, &theirs, live.Version, 0, actor); err != nil {
		t.Fatal(err)
	}
	mine.Region = content.Text{RU: "Мой регион", EN: "My region"}
	var conflict *store.ConflictError
	if err := store.Cities.SaveDraft(ctx, db, &mine, live.Version, 0, actor); !errors.As(err, &conflict) {
		t.Fatalf("a second new draft: %v, want a conflict", err)
	}
	if c, ok := conflict.Current.(content.City); !ok || c.Region.RU != "Их регион" {
		t.Errorf("the conflict shows %+v, want the other draft", conflict.Current)
	}
	if err := store.Cities.PublishDraft(ctx, db, &mine, live.Version, 0, actor); !errors.Is(err, store.ErrConflict) {
		t.Errorf("publishing over someone's draft: %v, want a conflict", err)
	}

	// The published version moves (someone unpublishes and publishes again): the draft made
	// from the old one cannot be published over it.
	if _, err := store.Cities.SetPublished(ctx, db, live.ID, live.Version, false, actor); err != nil {
		t.Fatal(err)
	}
	moved, err := store.Cities.SetPublished(ctx, db, live.ID, live.Version+1, true, actor)
	if err != nil {
		t.Fatal(err)
	}
	if err := store.Cities.PublishDraft(ctx, db, &theirs, live.Version, 1, actor); !errors.As(err, &conflict) {
		t.Fatalf("publishing a draft made from an old version: %v, want a conflict", err)
	}
	if c := conflict.Current.(content.City); c.Version != moved.Version {
		t.Errorf("the conflict shows version %d, want %d", c.Version, moved.Version)
	}
	if now, _ := store.Cities.Get(ctx, db, live.ID); now.Region != live.Region {
		t.Errorf("a refused publish changed the region to %q", now.Region)
	}
}
