package store_test

import (
	"testing"
	"time"

	"twincities/internal/content"
	"twincities/internal/content/contenttest"
	"twincities/internal/postgres/pgtest"
	"twincities/internal/store"
)

// A published set's times follow what the public sees: publishing, editing a public field,
// withdrawing, trashing and restoring a member, and moving a city to the other kind all date the
// change; editing a draft or a field the public never sees (the editor's note) does not; a purge
// keeps the date of the move to the trash.
func TestPublishedTimes(t *testing.T) {
	t.Parallel()
	ctx, db := t.Context(), pgtest.EmptyDB(t)
	actor := store.Actor{Name: "test"}
	times := func(kind content.CityKind) (time.Time, time.Time) {
		t.Helper()
		c, m, err := store.PublishedTimes(ctx, db, content.EntityCity, kind)
		if err != nil {
			t.Fatal(err)
		}
		return c, m
	}
	// Each step waits long enough for now() to move on.
	step := func() { time.Sleep(5 * time.Millisecond) }
	changed := func(what string, kind content.CityKind, last time.Time) time.Time {
		t.Helper()
		_, m := times(kind)
		if !m.After(last) {
			t.Errorf("%s: modified %v did not move on from %v", what, m, last)
		}
		return m
	}
	same := func(what string, kind content.CityKind, last time.Time) {
		t.Helper()
		if _, m := times(kind); !m.Equal(last) {
			t.Errorf("%s: modified moved from %v to %v", what, last, m)
		}
	}

	if c, m := times(content.Twin); !c.IsZero() || !m.IsZero() {
		t.Fatalf("an empty set is dated %v, %v", c, m)
	}
	draft := contenttest.City(content.Twin, 1)
	draft.Published = false
	if err := store.Cities.Create(ctx, db, &draft, actor); err != nil {
		t.Fatal(err)
	}
	if _, m := times(content.Twin); !m.IsZero() {
		t.Errorf("a draft dates the set: %v", m)
	}
	step()
	c := contenttest.City(content.Twin, 2)
	if err := store.Cities.Create(ctx, db, &c, actor); err != nil {
		t.Fatal(err)
	}
	created, last := times(content.Twin)
	if created.IsZero() || !created.Equal(last) {
		t.Fatalf("after the first publication: created %v, modified %v", created, last)
	}
	step()
	draft.Name.EN += " (draft)"
	if err := store.Cities.Update(ctx, db, &draft, draft.Version, actor); err != nil {
		t.Fatal(err)
	}
	same("a draft edited", content.Twin, last)
	step()
	c.EditorNote = "a note for staff"
	if err := store.Cities.Update(ctx, db, &c, c.Version, actor); err != nil {
		t.Fatal(err)
	}
	same("the editor's note edited", content.Twin, last)
	step()
	c.Name.EN += " (renamed)"
	if err := store.Cities.Update(ctx, db, &c, c.Version, actor); err != nil {
		t.Fatal(err)
	}
	last = changed("a public name edited", content.Twin, last)
	step()
	c, err := store.Cities.SetPublished(ctx, db, c.ID, c.Version, false, actor)
	if err != nil {
		t.Fatal(err)
	}
	last = changed("withdrawn", content.Twin, last)
	step()
	if c, err = store.Cities.SetPublished(ctx, db, c.ID, c.Version, true, actor); err != nil {
		t.Fatal(err)
	}
	last = changed("published again", content.Twin, last)
	step()
	_, partnerBefore := times(content.Partner)
	c.Kind, c.Country = content.Partner, "RU"
	if err := store.Cities.Update(ctx, db, &c, c.Version, actor); err != nil {
		t.Fatal(err)
	}
	changed("moved to the partner cities", content.Twin, last)
	if _, m := times(content.Partner); !m.After(partnerBefore) {
		t.Errorf("the partner cities are not dated by a city that joined them: %v", m)
	}
	step()
	if err := store.Cities.Delete(ctx, db, c.ID, actor); err != nil {
		t.Fatal(err)
	}
	_, trashed := times(content.Partner)
	step()
	if err := store.Cities.Purge(ctx, db, c.ID, actor); err != nil {
		t.Fatal(err)
	}
	if _, m := times(content.Partner); !m.Equal(trashed) {
		t.Errorf("after the purge modified is %v, want the move to the trash at %v", m, trashed)
	}
}
