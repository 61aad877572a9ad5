package store_test

import (
	"context"
	"reflect"
	"slices"
	"testing"
	"time"

	"twincities/internal/content"
	"twincities/internal/postgres/pgtest"
	"twincities/internal/store"
)

func newEvent(title string, date content.Date, cityID *int64, published bool) content.Event {
	return content.Event{
		Date: date, CityID: cityID, Published: published,
		Title:   content.Text{RU: "Событие " + title, EN: title},
		Sources: []content.Source{{Title: "A source"}},
	}
}

func insertEvents(tb testing.TB, db store.DBTX, events ...*content.Event) {
	tb.Helper()
	for _, e := range events {
		if err := store.InsertEvent(context.Background(), db, e); err != nil {
			tb.Fatal(err)
		}
	}
}

func listEvents(tb testing.TB, db store.DBTX, q store.EventQuery) []string {
	tb.Helper()
	got, err := store.ListEvents(context.Background(), db, q)
	if err != nil {
		tb.Fatal(err)
	}
	out := make([]string, len(got))
	for i, e := range got {
		out[i] = e.Title.EN
	}
	return out
}

func TestInsertAndReadEventRoundTrip(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), pgtest.EmptyDB(t)
	city := newCity(content.Twin, "duisburg", true)
	if err := store.InsertCity(ctx, db, &city); err != nil {
		t.Fatal(err)
	}
	in := []*content.Event{
		{
			CityID: ptr(city.ID), Date: content.YearDate(2017),
			Title:      content.Text{RU: "Совместный проект", EN: "Joint project"},
			Text:       content.Text{RU: "Текст **проекта**", EN: "The *project*"},
			Link:       "https://example.org/project",
			Sources:    []content.Source{{Title: "Portal", URL: "http://example.org/47965-id"}},
			Published:  true,
			EditorNote: "note",
		},
		{
			Date:      content.MonthDate(2019, time.June),
			Title:     content.Text{RU: "Открыт зал", EN: "Hall opened"},
			Sources:   []content.Source{{Title: "Portal"}, {Title: "59i.ru"}},
			Published: true,
		},
		{
			Date:    content.DayDate(2021, time.June, 18),
			Title:   content.Text{EN: "Draft in English only"},
			Sources: []content.Source{{Title: "Portal", URL: "https://example.org/55781-id"}},
		},
	}
	insertEvents(t, db, in...)
	got, err := store.ListEvents(ctx, db, store.EventQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(in) {
		t.Fatalf("read back %d events, want %d", len(got), len(in))
	}
	for i, want := range in { // inserted oldest first, so listed in the same order
		if want.ID == 0 {
			t.Fatalf("insert did not set the ID: %+v", want)
		}
		alignTimes(t, &got[i].CreatedAt, &got[i].UpdatedAt, want.CreatedAt, want.UpdatedAt)
		if !reflect.DeepEqual(got[i], *want) {
			t.Errorf("event %d read back\n%+v\nwant\n%+v", i, got[i], *want)
		}
		if got[i].Date.String() != want.Date.String() || got[i].Date.Precision != want.Date.Precision {
			t.Errorf("event %d date read back as %#v, want %#v", i, got[i].Date, want.Date)
		}
	}
}

func TestListEventsOldestFirstByCity(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), pgtest.EmptyDB(t)
	duisburg, qingdao := newCity(content.Twin, "duisburg", true), newCity(content.Twin, "qingdao", true)
	for _, c := range []*content.City{&duisburg, &qingdao} {
		if err := store.InsertCity(ctx, db, c); err != nil {
			t.Fatal(err)
		}
	}
	d2018 := newEvent("Duisburg 2018", content.DayDate(2018, time.September, 14), &duisburg.ID, true)
	d2007 := newEvent("Duisburg 2007", content.DayDate(2007, time.October, 15), &duisburg.ID, true)
	dDraft := newEvent("Duisburg draft", content.YearDate(2010), &duisburg.ID, false)
	q2006 := newEvent("Qingdao 2006", content.MonthDate(2006, time.November), &qingdao.ID, true)
	g2021 := newEvent("General 2021", content.DayDate(2021, time.June, 18), nil, true)
	g2019 := newEvent("General 2019", content.MonthDate(2019, time.June), nil, true)
	gDraft := newEvent("General draft", content.YearDate(2020), nil, false)
	g2019b := newEvent("General 2019 later", content.MonthDate(2019, time.June), nil, true)
	insertEvents(t, db, &d2018, &g2021, &dDraft, &q2006, &g2019, &d2007, &gDraft, &g2019b)

	for _, tc := range []struct {
		name string
		q    store.EventQuery
		want []string
	}{
		{"every public event", store.EventQuery{Filter: store.Public},
			[]string{"Qingdao 2006", "Duisburg 2007", "Duisburg 2018", "General 2019", "General 2019 later", "General 2021"}},
		{"every event", store.EventQuery{},
			[]string{"Qingdao 2006", "Duisburg 2007", "Duisburg draft", "Duisburg 2018", "General 2019", "General 2019 later", "General draft", "General 2021"}},
		{"general", store.EventQuery{General: true, Filter: store.Public},
			[]string{"General 2019", "General 2019 later", "General 2021"}},
		{"general with drafts", store.EventQuery{General: true},
			[]string{"General 2019", "General 2019 later", "General draft", "General 2021"}},
		{"city", store.EventQuery{CityID: duisburg.ID, Filter: store.Public}, []string{"Duisburg 2007", "Duisburg 2018"}},
		{"city with drafts", store.EventQuery{CityID: duisburg.ID}, []string{"Duisburg 2007", "Duisburg draft", "Duisburg 2018"}},
		{"other city", store.EventQuery{CityID: qingdao.ID, Filter: store.Public}, []string{"Qingdao 2006"}},
		{"city by its address", store.EventQuery{CityAt: store.CityAddress{Kind: duisburg.Kind, Slug: duisburg.Slug}, Filter: store.Public},
			[]string{"Duisburg 2007", "Duisburg 2018"}},
		{"no city at the address", store.EventQuery{CityAt: store.CityAddress{Kind: duisburg.Kind, Slug: "nowhere"}, Filter: store.Public}, nil},
	} {
		if got := listEvents(t, db, tc.q); !slices.Equal(got, tc.want) {
			t.Errorf("%s: %+v lists %v, want %v", tc.name, tc.q, got, tc.want)
		}
	}
}
