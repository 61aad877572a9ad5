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

func newAward(title string, date content.Date, published bool) content.Award {
	return content.Award{
		Date: date, Published: published,
		Title:     content.Text{RU: "Награда " + title, EN: title},
		AwardedBy: content.Text{RU: "Кто-то", EN: "Someone"},
		Sources:   []content.Source{{Title: "A source"}},
	}
}

func insertAwards(tb testing.TB, db store.DBTX, awards ...*content.Award) {
	tb.Helper()
	for _, a := range awards {
		if err := store.InsertAward(context.Background(), db, a); err != nil {
			tb.Fatal(err)
		}
	}
}

func awardTitles(awards []content.Award) []string {
	out := make([]string, len(awards))
	for i, a := range awards {
		out[i] = a.Title.EN
	}
	return out
}

func listAwards(tb testing.TB, db store.DBTX, q store.AwardQuery) []string {
	tb.Helper()
	got, err := store.ListAwards(context.Background(), db, q)
	if err != nil {
		tb.Fatal(err)
	}
	return awardTitles(got)
}

func TestInsertAndReadAwardRoundTrip(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), pgtest.EmptyDB(t)
	city := newCity(content.Twin, "duisburg", true)
	if err := store.InsertCity(ctx, db, &city); err != nil {
		t.Fatal(err)
	}
	in := []*content.Award{
		{
			Date:        content.DayDate(2018, time.September, 14),
			Title:       content.Text{RU: "Почётная грамота", EN: "Certificate of Merit"},
			AwardedBy:   content.Text{RU: "МИД России", EN: "Ministry of Foreign Affairs"},
			Place:       content.Text{RU: "Берлин", EN: "Berlin"},
			Description: content.Text{RU: "За *вклад*", EN: "For the *contribution*"},
			CityID:      ptr(city.ID),
			Sources:     []content.Source{{Title: "Portal", URL: "http://example.org/47965-id"}, {Title: "Print"}},
			Published:   true,
			EditorNote:  "checked",
		},
		{
			Date:      content.MonthDate(2018, time.April),
			Title:     content.Text{RU: "Победитель номинации", EN: "Winner of the nomination"},
			AwardedBy: content.Text{RU: "Союз российских городов", EN: "Union of Russian Cities"},
			Sources:   []content.Source{{Title: "Portal"}},
			Published: true,
		},
		{
			Date:      content.YearDate(2017),
			Title:     content.Text{RU: "Лидер рейтинга"}, // a draft may lack a language
			Sources:   []content.Source{{Title: "Portal"}},
			Published: false,
		},
	}
	insertAwards(t, db, in...)
	got, err := store.ListAwards(ctx, db, store.AwardQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(in) {
		t.Fatalf("read back %d awards, want %d", len(got), len(in))
	}
	for i, want := range in { // inserted newest first, so listed in the same order
		if want.ID == 0 {
			t.Fatalf("insert did not set the ID: %+v", want)
		}
		alignTimes(t, &got[i].CreatedAt, &got[i].UpdatedAt, want.CreatedAt, want.UpdatedAt)
		if !reflect.DeepEqual(got[i], *want) {
			t.Errorf("award %d read back\n%+v\nwant\n%+v", i, got[i], *want)
		}
		if got[i].Date.String() != want.Date.String() || got[i].Date.Precision != want.Date.Precision {
			t.Errorf("award %d date read back as %#v, want %#v", i, got[i].Date, want.Date)
		}
	}
}

func TestListAwardsNewestFirstPublishedOnly(t *testing.T) {
	t.Parallel()
	db := pgtest.EmptyDB(t)
	// Inserted out of order; a year or month date counts from its first day.
	a2014 := newAward("2014-12", content.MonthDate(2014, time.December), true)
	a2018day := newAward("2018-09-14", content.DayDate(2018, time.September, 14), true)
	a2017 := newAward("2017", content.YearDate(2017), true)
	a2018month := newAward("2018-04", content.MonthDate(2018, time.April), true)
	draft := newAward("draft 2019", content.YearDate(2019), false)
	sameDay := newAward("2018-09-14 later", content.DayDate(2018, time.September, 14), true)
	insertAwards(t, db, &a2014, &a2018day, &draft, &a2017, &a2018month, &sameDay)

	want := []string{"2018-09-14 later", "2018-09-14", "2018-04", "2017", "2014-12"}
	if got := listAwards(t, db, store.AwardQuery{Filter: store.Public}); !slices.Equal(got, want) {
		t.Errorf("public awards = %v, want %v", got, want)
	}
	wantAll := append([]string{"draft 2019"}, want...)
	if got := listAwards(t, db, store.AwardQuery{}); !slices.Equal(got, wantAll) {
		t.Errorf("all awards = %v, want %v", got, wantAll)
	}
}

func TestListAwardsLimitAndCity(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), pgtest.EmptyDB(t)
	duisburg, qingdao := newCity(content.Twin, "duisburg", true), newCity(content.Twin, "qingdao", true)
	for _, c := range []*content.City{&duisburg, &qingdao} {
		if err := store.InsertCity(ctx, db, c); err != nil {
			t.Fatal(err)
		}
	}
	old := newAward("Duisburg 2010", content.YearDate(2010), true)
	old.CityID = &duisburg.ID
	recent := newAward("Duisburg 2018", content.DayDate(2018, time.September, 14), true)
	recent.CityID = &duisburg.ID
	hidden := newAward("Duisburg draft", content.YearDate(2019), false)
	hidden.CityID = &duisburg.ID
	other := newAward("Qingdao 2015", content.YearDate(2015), true)
	other.CityID = &qingdao.ID
	general := newAward("No city 2020", content.YearDate(2020), true)
	insertAwards(t, db, &old, &recent, &hidden, &other, &general)

	for _, tc := range []struct {
		name string
		q    store.AwardQuery
		want []string
	}{
		{"limit", store.AwardQuery{Filter: store.Public, Limit: 2}, []string{"No city 2020", "Duisburg 2018"}},
		{"limit above the count", store.AwardQuery{Filter: store.Public, Limit: 10},
			[]string{"No city 2020", "Duisburg 2018", "Qingdao 2015", "Duisburg 2010"}},
		{"city", store.AwardQuery{CityID: duisburg.ID, Filter: store.Public}, []string{"Duisburg 2018", "Duisburg 2010"}},
		{"city with drafts", store.AwardQuery{CityID: duisburg.ID}, []string{"Duisburg draft", "Duisburg 2018", "Duisburg 2010"}},
		{"city and limit", store.AwardQuery{CityID: duisburg.ID, Filter: store.Public, Limit: 1}, []string{"Duisburg 2018"}},
		{"other city", store.AwardQuery{CityID: qingdao.ID, Filter: store.Public}, []string{"Qingdao 2015"}},
		{"city by its address", store.AwardQuery{CityAt: store.CityAddress{Kind: duisburg.Kind, Slug: duisburg.Slug}, Filter: store.Public},
			[]string{"Duisburg 2018", "Duisburg 2010"}},
		{"no city at the address", store.AwardQuery{CityAt: store.CityAddress{Kind: qingdao.Kind, Slug: "nowhere"}, Filter: store.Public}, nil},
	} {
		if got := listAwards(t, db, tc.q); !slices.Equal(got, tc.want) {
			t.Errorf("%s: %+v lists %v, want %v", tc.name, tc.q, got, tc.want)
		}
	}
}
