package store_test

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"twincities/internal/content"
	"twincities/internal/postgres/pgtest"
	"twincities/internal/store"
)

func newNews(slug string, date content.Date, published bool, cities ...int64) content.News {
	return content.News{
		Slug: slug, Date: date, Published: published, CityIDs: cities,
		Title:   content.Text{RU: "Новость " + slug, EN: "News " + slug},
		Lead:    content.Text{RU: "Вводный абзац " + slug, EN: "Lead " + slug},
		Body:    content.Text{RU: "Текст *" + slug + "*", EN: "Text *" + slug + "*"},
		Sources: []content.Source{{Title: "A source", URL: "https://example.org/" + slug}},
	}
}

func newsSlugs(items []content.News) []string {
	out := make([]string, len(items))
	for i, n := range items {
		out[i] = n.Slug
	}
	return out
}

// A news item keeps every field, its cities among them, through Create and Get; the list is newest
// first, pages with Limit and Offset, counts what it selects, and narrows to a city's items.
func TestNewsRoundTripListAndCount(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), pgtest.EmptyDB(t)
	actor := store.Actor{Name: "test editor"}
	a, b := newCity(content.Twin, "duisburg", true), newCity(content.Partner, "oxford", true)
	for _, c := range []*content.City{&a, &b} {
		if err := store.InsertCity(ctx, db, c); err != nil {
			t.Fatal(err)
		}
	}
	items := []content.News{
		newNews("first", content.DayDate(2025, time.March, 1), true, b.ID, a.ID),
		newNews("second", content.DayDate(2025, time.April, 2), true, a.ID),
		newNews("third", content.MonthDate(2025, time.May), true),
		newNews("draft", content.DayDate(2026, time.January, 1), false, a.ID),
	}
	for i := range items {
		if err := store.News.Create(ctx, db, &items[i], actor); err != nil {
			t.Fatal(err)
		}
	}
	got, err := store.News.Get(ctx, db, items[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if want := []int64{min(a.ID, b.ID), max(a.ID, b.ID)}; !slices.Equal(got.CityIDs, want) {
		t.Errorf("cities %v, want %v (sorted)", got.CityIDs, want)
	}
	if got.Title != items[0].Title || got.Lead != items[0].Lead || got.Body != items[0].Body || got.Date != items[0].Date ||
		!slices.Equal(got.Sources, items[0].Sources) || got.Slug != "first" || !got.Published || got.Version != 1 {
		t.Errorf("stored %+v, want %+v", got, items[0])
	}

	list := func(q store.NewsQuery) []string {
		t.Helper()
		found, err := store.ListNews(ctx, db, q)
		if err != nil {
			t.Fatal(err)
		}
		return newsSlugs(found)
	}
	if got, want := list(store.NewsQuery{Filter: store.Public}), []string{"third", "second", "first"}; !slices.Equal(got, want) {
		t.Errorf("public list %v, want %v", got, want)
	}
	if got, want := list(store.NewsQuery{Filter: store.Public, Limit: 2, Offset: 1}), []string{"second", "first"}; !slices.Equal(got, want) {
		t.Errorf("page %v, want %v", got, want)
	}
	if got, want := list(store.NewsQuery{CityID: a.ID, Filter: store.Public}), []string{"second", "first"}; !slices.Equal(got, want) {
		t.Errorf("city's news %v, want %v", got, want)
	}
	if got, want := list(store.NewsQuery{CityID: a.ID}), []string{"draft", "second", "first"}; !slices.Equal(got, want) {
		t.Errorf("staff's city list %v, want %v", got, want)
	}
	if got, want := list(store.NewsQuery{CityAt: store.CityAddress{Kind: a.Kind, Slug: a.Slug}, Filter: store.Public}), []string{"second", "first"}; !slices.Equal(got, want) {
		t.Errorf("city's news by its address %v, want %v", got, want)
	}
	if got := list(store.NewsQuery{CityAt: store.CityAddress{Kind: a.Kind, Slug: "nowhere"}, Filter: store.Public}); len(got) != 0 {
		t.Errorf("news of a city at no address: %v, want none", got)
	}
	for q, want := range map[*store.NewsQuery]int{{Filter: store.Public}: 3, {}: 4, {CityID: b.ID, Filter: store.Public}: 1} {
		if n, err := store.CountNews(ctx, db, *q); err != nil || n != want {
			t.Errorf("count %+v: %d, %v; want %d", *q, n, err, want)
		}
	}
	if _, err := store.NewsBySlug(ctx, db, "draft", true); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("the public found a draft: %v", err)
	}
	if _, err := store.NewsBySlug(ctx, db, "draft", false); err != nil {
		t.Errorf("staff: %v", err)
	}
}

// A published item needs its title and lead in both languages; a slug is taken once; a city that
// does not exist is the form's problem, not a server error.
func TestNewsValidation(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), pgtest.EmptyDB(t)
	actor := store.Actor{Name: "test editor"}
	half := newNews("half", content.DayDate(2025, time.March, 1), true)
	half.Lead.EN = ""
	err := store.News.Create(ctx, db, &half, actor)
	if v := content.AsValidation(err); v == nil || v.For("lead_en") == "" {
		t.Errorf("a published item without an English lead: %v", err)
	}
	one := newNews("same", content.DayDate(2025, time.March, 1), false)
	if err := store.News.Create(ctx, db, &one, actor); err != nil {
		t.Fatal(err)
	}
	two := newNews("same", content.DayDate(2025, time.March, 2), false)
	if v := content.AsValidation(store.News.Create(ctx, db, &two, actor)); v == nil || v.For("slug") != content.ProblemTaken {
		t.Errorf("a taken slug: %v", v)
	}
	ghost := newNews("ghost", content.DayDate(2025, time.March, 1), false, 999999)
	if v := content.AsValidation(store.News.Create(ctx, db, &ghost, actor)); v == nil || v.For("city_ids") != content.ProblemChoice {
		t.Errorf("a city that does not exist: %v", v)
	}
}

// News goes through the workflow as the other kinds do: an update with its cities changed is a
// revision that Revert brings back, cities included; the trash and Restore; a draft beside the
// published item changes nothing public until it is published; Purge removes it with its history.
func TestNewsWorkflowRevertDraftAndTrash(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), pgtest.EmptyDB(t)
	actor := store.Actor{Name: "test editor"}
	a, b := newCity(content.Twin, "duisburg", true), newCity(content.Twin, "louisville", true)
	for _, c := range []*content.City{&a, &b} {
		if err := store.InsertCity(ctx, db, c); err != nil {
			t.Fatal(err)
		}
	}
	n := newNews("visit", content.DayDate(2025, time.June, 3), true, a.ID)
	if err := store.News.Create(ctx, db, &n, actor); err != nil {
		t.Fatal(err)
	}
	changed := n
	changed.CityIDs = []int64{b.ID}
	changed.Title.EN = "A visit"
	if err := store.News.Update(ctx, db, &changed, 1, actor); err != nil {
		t.Fatal(err)
	}
	reverted, err := store.News.Revert(ctx, db, n.ID, 1, changed.Version, actor)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(reverted.CityIDs, []int64{a.ID}) || reverted.Title.EN != "News visit" {
		t.Errorf("reverted to %v %q", reverted.CityIDs, reverted.Title.EN)
	}
	if got, _ := store.ListNews(ctx, db, store.NewsQuery{CityID: b.ID}); len(got) != 0 {
		t.Errorf("the city taken out by Revert still lists %v", newsSlugs(got))
	}

	draft := reverted
	draft.Title.EN = "Changed in the draft"
	draft.CityIDs = []int64{a.ID, b.ID}
	if err := store.News.SaveDraft(ctx, db, &draft, reverted.Version, 0, actor); err != nil {
		t.Fatal(err)
	}
	public, err := store.NewsBySlug(ctx, db, "visit", true)
	if err != nil || public.Title.EN != "News visit" || len(public.CityIDs) != 1 {
		t.Errorf("the draft changed the public item: %+v, %v", public, err)
	}
	d, ok, err := store.News.Draft(ctx, db, n.ID)
	if err != nil || !ok {
		t.Fatalf("draft: %v, %v", ok, err)
	}
	if err := store.News.PublishDraft(ctx, db, &d.Entry, reverted.Version, d.Revision, actor); err != nil {
		t.Fatal(err)
	}
	if public, _ = store.NewsBySlug(ctx, db, "visit", true); public.Title.EN != "Changed in the draft" || len(public.CityIDs) != 2 {
		t.Errorf("after publishing the draft: %q, %v", public.Title.EN, public.CityIDs)
	}

	if err := store.News.Delete(ctx, db, n.ID, actor); err != nil {
		t.Fatal(err)
	}
	if got, _ := store.ListNews(ctx, db, store.NewsQuery{Filter: store.Public}); len(got) != 0 {
		t.Errorf("the public list shows an item in the trash: %v", newsSlugs(got))
	}
	if trash, _ := store.ListNews(ctx, db, store.NewsQuery{Filter: store.Filter{Trash: true}}); len(trash) != 1 {
		t.Errorf("trash: %v", newsSlugs(trash))
	}
	if err := store.News.Restore(ctx, db, n.ID, actor); err != nil {
		t.Fatal(err)
	}
	if err := store.News.Delete(ctx, db, n.ID, actor); err != nil {
		t.Fatal(err)
	}
	if err := store.News.Purge(ctx, db, n.ID, actor); err != nil {
		t.Fatal(err)
	}
	if _, err := store.News.Get(ctx, db, n.ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("after Purge: %v", err)
	}
	if revs, _ := store.News.Revisions(ctx, db, n.ID); len(revs) != 0 {
		t.Errorf("revisions after Purge: %d", len(revs))
	}
}

// Purging a city takes it out of its news items, each as a new version that says so, and keeps
// the items.
func TestPurgingACityUnlinksItsNews(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), pgtest.EmptyDB(t)
	actor := store.Actor{Name: "test editor"}
	a, b := newCity(content.Twin, "duisburg", true), newCity(content.Twin, "louisville", true)
	for _, c := range []*content.City{&a, &b} {
		if err := store.InsertCity(ctx, db, c); err != nil {
			t.Fatal(err)
		}
	}
	n := newNews("visit", content.DayDate(2025, time.June, 3), true, a.ID, b.ID)
	if err := store.News.Create(ctx, db, &n, actor); err != nil {
		t.Fatal(err)
	}
	if err := store.Cities.Delete(ctx, db, a.ID, actor); err != nil {
		t.Fatal(err)
	}
	if err := store.Cities.Purge(ctx, db, a.ID, actor); err != nil {
		t.Fatal(err)
	}
	got, err := store.News.Get(ctx, db, n.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got.CityIDs, []int64{b.ID}) || got.Version != 2 {
		t.Errorf("after the purge: cities %v, version %d", got.CityIDs, got.Version)
	}
	if revs, _ := store.News.Revisions(ctx, db, n.ID); len(revs) != 2 {
		t.Errorf("revisions: %d, want 2", len(revs))
	}
}

// Search finds a published news item by a word of its lead, leads to its page, and keeps drafts
// to staff.
func TestSearchFindsNews(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), pgtest.EmptyDB(t)
	actor := store.Actor{Name: "test editor"}
	pub := newNews("exhibition", content.DayDate(2025, time.June, 3), true)
	pub.Lead.EN = "An exhibition of watercolours opened"
	hidden := newNews("hidden", content.DayDate(2025, time.June, 4), false)
	hidden.Lead.EN = "More watercolours"
	for _, n := range []*content.News{&pub, &hidden} {
		if err := store.News.Create(ctx, db, n, actor); err != nil {
			t.Fatal(err)
		}
	}
	res, err := store.Search(ctx, db, store.SearchQuery{Text: "watercolours", Lang: content.EN, Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) != 1 || res.Hits[0].Kind != content.EntityNews || res.Hits[0].Path != "/news/exhibition" {
		t.Errorf("public search: %+v", res.Hits)
	}
	res, err = store.Search(ctx, db, store.SearchQuery{Text: "watercolours", Lang: content.EN, Limit: 10, Staff: true})
	if err != nil || res.Counts[content.EntityNews] != 2 {
		t.Errorf("staff search: %v, %v", res.Counts, err)
	}
}
