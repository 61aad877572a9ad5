package store_test

import (
	"context"
	"testing"
	"time"

	"twincities/internal/content"
	"twincities/internal/postgres/pgtest"
	"twincities/internal/store"
)

func TestPublicCountsCountOnlyPublishedRowsPerKind(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), pgtest.EmptyDB(t)
	empty, err := store.PublicCounts(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	if empty != (store.Counts{}) {
		t.Errorf("counts of an empty database = %+v, want zeros", empty)
	}

	ended, suspended := newCity(content.Twin, "twin-ended", true), newCity(content.Partner, "partner-suspended", true)
	ended.Status, ended.StatusDate = content.Ended, content.YearDate(2022)
	suspended.Status, suspended.StatusDate = content.Suspended, content.YearDate(2022)
	endedDraft := newCity(content.Twin, "twin-ended-draft", false)
	endedDraft.Status, endedDraft.StatusDate = content.Ended, content.YearDate(2022)
	for _, c := range []content.City{
		ended, suspended, endedDraft,
		newCity(content.Twin, "twin-a", true),
		newCity(content.Twin, "twin-b", true),
		newCity(content.Twin, "twin-c", true),
		newCity(content.Twin, "twin-draft", false),
		newCity(content.Partner, "partner-a", true),
		newCity(content.Partner, "partner-draft-a", false),
		newCity(content.Partner, "partner-draft-b", false),
	} {
		if err := store.InsertCity(ctx, db, &c); err != nil {
			t.Fatal(err)
		}
	}
	insertOrganizations(t, db,
		newOrganization("union-a", content.Union, content.International, true),
		newOrganization("association-a", content.Association, content.Interregional, true),
		newOrganization("union-draft", content.Union, content.National, false),
	)
	a1 := newAward("one", content.YearDate(2017), true)
	a2 := newAward("draft", content.YearDate(2018), false)
	a3 := newAward("draft too", content.YearDate(2019), false)
	insertAwards(t, db, &a1, &a2, &a3)
	e := newEvent("event", content.YearDate(2017), nil, true) // events are not counted
	insertEvents(t, db, &e)

	got, err := store.PublicCounts(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	// Ended and suspended relationships are former ones, counted apart from the current.
	want := store.Counts{TwinCities: 3, FormerTwinCities: 1, PartnerCities: 1, FormerPartnerCities: 1, Memberships: 2, Awards: 1}
	if got != want {
		t.Errorf("counts = %+v, want %+v", got, want)
	}
}

func TestHasContent(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	has, err := store.HasContent(ctx, pgtest.EmptyDB(t))
	if err != nil {
		t.Fatal(err)
	}
	if has {
		t.Error("an empty database has content")
	}

	// Any one row of any kind of content counts, drafts included.
	for name, insert := range map[string]func(db store.DBTX) error{
		"city": func(db store.DBTX) error {
			c := newCity(content.Partner, "draft", false)
			return store.InsertCity(ctx, db, &c)
		},
		"organization": func(db store.DBTX) error {
			o := newOrganization("draft", content.Union, content.National, false)
			return store.InsertOrganization(ctx, db, &o)
		},
		"award": func(db store.DBTX) error {
			a := newAward("draft", content.YearDate(2017), false)
			return store.InsertAward(ctx, db, &a)
		},
		"event": func(db store.DBTX) error {
			e := newEvent("draft", content.MonthDate(2019, time.June), nil, false)
			return store.InsertEvent(ctx, db, &e)
		},
		"page": func(db store.DBTX) error {
			p := content.Page{Key: content.Contacts, Title: content.Text{RU: "Контакты", EN: "Contacts"}}
			return store.InsertPage(ctx, db, &p)
		},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			db := pgtest.EmptyDB(t)
			if err := insert(db); err != nil {
				t.Fatal(err)
			}
			has, err := store.HasContent(ctx, db)
			if err != nil {
				t.Fatal(err)
			}
			if !has {
				t.Errorf("a database with one %s has no content", name)
			}
		})
	}
}
