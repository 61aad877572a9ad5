package web_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"twincities/internal/content"
	"twincities/internal/postgres/pgtest"
	"twincities/internal/store"
)

// A city's page reads its timeline, awards and news by the city's address, in the round trip
// that reads the city (issue 12): it shows each city's own published entries, all of them, and
// none of another city's.
func TestCityPageShowsItsOwnEntries(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), pgtest.SeededDB(t)
	public, err := store.ListCities(ctx, db, store.CityQuery{Kind: content.Twin, Filter: store.Public})
	if err != nil || len(public) < 2 {
		t.Fatalf("%d public twin cities (%v), want two", len(public), err)
	}
	// Each city gets an event, an award and a news item of its own, besides what the initial data
	// gives it.
	actor := store.Actor{Name: "test"}
	for i, c := range public[:2] {
		e := content.Event{Date: content.YearDate(2010 + i), Published: true, CityID: &c.ID,
			Title: content.Text{RU: "Визит в " + c.Name.RU, EN: "A visit to " + c.Name.EN}, Sources: []content.Source{{Title: "A source"}}}
		if err := store.Events.Create(ctx, db, &e, actor); err != nil {
			t.Fatal(err)
		}
		a := content.Award{Date: content.YearDate(2020 + i), Published: true, CityID: &c.ID,
			Title:     content.Text{RU: "Награда " + c.Name.RU, EN: "Award of " + c.Name.EN},
			AwardedBy: content.Text{RU: "Жюри", EN: "The jury"}, Sources: []content.Source{{Title: "A source"}}}
		if err := store.Awards.Create(ctx, db, &a, actor); err != nil {
			t.Fatal(err)
		}
		n := content.News{Slug: "news-" + c.Slug, Date: content.DayDate(2026, time.March, 1+i), Published: true, CityIDs: []int64{c.ID},
			Title: content.Text{RU: "Новость " + c.Name.RU, EN: "News of " + c.Name.EN},
			Lead:  content.Text{RU: "Коротко", EN: "In short"}}
		if err := store.News.Create(ctx, db, &n, actor); err != nil {
			t.Fatal(err)
		}
	}
	h := site(t, db)
	for _, c := range public[:2] {
		events, err := store.ListEvents(ctx, db, store.EventQuery{CityID: c.ID, Filter: store.Public})
		if err != nil {
			t.Fatal(err)
		}
		awards, err := store.ListAwards(ctx, db, store.AwardQuery{CityID: c.ID, Filter: store.Public})
		if err != nil {
			t.Fatal(err)
		}
		news, err := store.ListNews(ctx, db, store.NewsQuery{CityID: c.ID, Filter: store.Public})
		if err != nil {
			t.Fatal(err)
		}
		page := mustGet(t, h, "/en/twin-cities/"+c.Slug)
		for _, part := range []struct {
			name, sel string
			want      []string
		}{
			{"timeline", "ol.timeline h3", titles(events, func(e content.Event) string { return e.Title.EN })},
			{"awards", "ul.award-list h3", titles(awards, func(a content.Award) string { return a.Title.EN })},
			{"news", "ul.news-list h3", titles(news, func(n content.News) string { return n.Title.EN })},
		} {
			if got := texts(page.doc, part.sel); len(part.want) == 0 || !slices.Equal(got, part.want) {
				t.Errorf("%s's page: %s %q, want its own %q", c.Slug, part.name, got, part.want)
			}
		}
	}
}

// titles are the titles of entries, in their order.
func titles[T any](entries []T, title func(T) string) []string {
	out := make([]string, len(entries))
	for i, e := range entries {
		out[i] = title(e)
	}
	return out
}
