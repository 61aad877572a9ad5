package store_test

import (
	"context"
	"strconv"
	"testing"

	"twincities/internal/content"
	"twincities/internal/postgres/pgtest"
	"twincities/internal/store"
)

// Purging Duisburg takes its timeline event with it and keeps its award without it, and the
// audit log says so: nothing changes silently.
func TestPurgeCitySettlesItsEventsAndAwards(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), pgtest.SeededDB(t)
	admin := store.Actor{Name: "test admin"}
	duisburg, err := store.CityBySlug(ctx, db, content.Twin, "duisburg", true)
	if err != nil {
		t.Fatal(err)
	}
	events, err := store.ListEvents(ctx, db, store.EventQuery{CityID: duisburg.ID})
	if err != nil || len(events) == 0 {
		t.Fatalf("Duisburg's events: %v, %v", events, err)
	}
	awards, err := store.ListAwards(ctx, db, store.AwardQuery{CityID: duisburg.ID})
	if err != nil || len(awards) == 0 {
		t.Fatalf("Duisburg's awards: %v, %v", awards, err)
	}
	if err := store.Cities.Delete(ctx, db, duisburg.ID, admin); err != nil {
		t.Fatal(err)
	}
	if err := store.Cities.Purge(ctx, db, duisburg.ID, admin); err != nil {
		t.Fatal(err)
	}
	for _, e := range events {
		if _, err := store.Events.Get(ctx, db, e.ID); err == nil {
			t.Errorf("event %d outlived its city", e.ID)
		}
		log, err := store.ListAudit(ctx, db, store.AuditQuery{Entity: content.EntityEvent,
			EntityID: strconv.FormatInt(e.ID, 10), Action: store.ActionPurge})
		if err != nil || len(log) != 1 {
			t.Errorf("event %d: %d purge lines in the audit log (%v)", e.ID, len(log), err)
		}
	}
	for _, a := range awards {
		got, err := store.Awards.Get(ctx, db, a.ID)
		if err != nil {
			t.Fatalf("award %d was deleted with the city: %v", a.ID, err)
		}
		if got.CityID != nil || got.Version != a.Version+1 {
			t.Errorf("award %d: city %v, version %d; want no city, version %d", a.ID, got.CityID, got.Version, a.Version+1)
		}
		log, err := store.ListAudit(ctx, db, store.AuditQuery{Entity: content.EntityAward, EntityID: strconv.FormatInt(a.ID, 10), Limit: 1})
		if err != nil || len(log) != 1 || log[0].Action != store.ActionUpdate || len(log[0].Changes) == 0 || log[0].Changes[0].Field != "city_id" {
			t.Errorf("award %d: the audit log does not record losing its city: %+v (%v)", a.ID, log, err)
		}
	}
}
