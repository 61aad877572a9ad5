package store_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"twincities/internal/content"
	"twincities/internal/postgres/pgtest"
	"twincities/internal/store"
)

// search runs a public search (or staff's) and returns its hits' English titles.
func search(tb testing.TB, db store.TxBeginner, q store.SearchQuery) (store.SearchResult, []string) {
	tb.Helper()
	if q.Lang == "" {
		q.Lang = content.EN
	}
	res, err := store.Search(context.Background(), db, q)
	if err != nil {
		tb.Fatalf("search %q: %v", q.Text, err)
	}
	var titles []string
	for _, h := range res.Hits {
		titles = append(titles, h.Title.EN)
	}
	return res, titles
}

// The cluster's locale (C.UTF-8) must let pg_trgm take trigrams of Cyrillic letters, or
// "дуйсбур" would find nothing: seven letters give eight trigrams.
func TestTrigramsOfCyrillic(t *testing.T) {
	t.Parallel()
	db := pgtest.EmptyDB(t)
	var n int
	if err := db.QueryRow(context.Background(), `SELECT cardinality(show_trgm('дуйсбур'))`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != 8 {
		t.Errorf("show_trgm('дуйсбур') has %d trigrams, want 8", n)
	}
}

func TestSearchFindsDuisburgForgivingly(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	for _, l := range content.Langs {
		for _, q := range []string{"Duisburg", "Duisberg", "Дуйсбург", "дуйсбур", "duisburg"} {
			res, titles := search(t, db, store.SearchQuery{Text: q, Lang: l, Kind: content.EntityCity})
			if len(titles) == 0 || titles[0] != "Duisburg" {
				t.Errorf("%s: %q found cities %v, want Duisburg first", l, q, titles)
				continue
			}
			if h := res.Hits[0]; h.Path != "/twin-cities/duisburg" || h.State != store.SearchPublished {
				t.Errorf("%q: hit %+v, want the path /twin-cities/duisburg, published", q, h)
			}
		}
	}
	if _, titles := search(t, db, store.SearchQuery{Text: "Quingdao", Kind: content.EntityCity}); !slices.Contains(titles, "Qingdao") {
		t.Errorf("Quingdao found %v, want Qingdao", titles)
	}
}

func TestSearchFindsTheCertificateOfMerit(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	for _, l := range content.Langs {
		res, titles := search(t, db, store.SearchQuery{Text: "certificate", Lang: l})
		i := slices.Index(titles, "Certificate of Merit to the cities of Perm and Duisburg")
		if i < 0 {
			t.Fatalf("%s: certificate found %v", l, titles)
		}
		if h := res.Hits[i]; h.Kind != content.EntityAward || !strings.HasPrefix(h.Path, "/awards#award-") {
			t.Errorf("the award's hit %+v", h)
		}
		if res.Counts[content.EntityAward] < 1 {
			t.Errorf("counts %v", res.Counts)
		}
	}
	// In Russian, by a form of the word the title does not hold.
	if _, titles := search(t, db, store.SearchQuery{Text: "грамоты", Lang: content.RU}); !slices.Contains(titles, "Certificate of Merit to the cities of Perm and Duisburg") {
		t.Errorf("грамоты found %v", titles)
	}
}

func TestSearchQuotesAndMinus(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), pgtest.EmptyDB(t)
	for _, title := range []string{"Friendship week in Duisburg", "Week of friendship", "Duisburg choir"} {
		e := content.Event{Date: content.YearDate(2010), Title: content.Text{RU: "Событие", EN: title}, Published: true}
		if err := store.Events.Create(ctx, db, &e, store.SystemActor); err != nil {
			t.Fatal(err)
		}
	}
	for q, want := range map[string][]string{
		`friendship week`:               {"Friendship week in Duisburg", "Week of friendship"},
		`"friendship week"`:             {"Friendship week in Duisburg"},
		`friendship -duisburg`:          {"Week of friendship"},
		`duisburg -"friendship"`:        {"Duisburg choir"},
		`choir or "week of friendship"`: {"Duisburg choir", "Week of friendship"},
	} {
		_, got := search(t, db, store.SearchQuery{Text: q})
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("%s found %v, want %v", q, got, want)
		}
	}
}

func TestSearchLeavesOutWhatThePublicDoesNotSee(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), pgtest.SeededDB(t)
	draft := content.Award{Date: content.YearDate(2020), Title: content.Text{RU: "Зубробизон", EN: "Zubrobison draft"}}
	trashed := content.Award{Date: content.YearDate(2020), Published: true,
		Title:     content.Text{RU: "Зубробизон", EN: "Zubrobison trashed"},
		AwardedBy: content.Text{RU: "Кто-то", EN: "Someone"}}
	for _, a := range []*content.Award{&draft, &trashed} {
		if err := store.Awards.Create(ctx, db, a, store.SystemActor); err != nil {
			t.Fatal(err)
		}
	}
	if err := store.Awards.Delete(ctx, db, trashed.ID, store.SystemActor); err != nil {
		t.Fatal(err)
	}
	if res, titles := search(t, db, store.SearchQuery{Text: "zubrobison"}); len(titles) != 0 || res.Total() != 0 {
		t.Errorf("the public's search found %v (counts %v)", titles, res.Counts)
	}
	res, titles := search(t, db, store.SearchQuery{Text: "zubrobison", Staff: true})
	slices.Sort(titles)
	if !slices.Equal(titles, []string{"Zubrobison draft", "Zubrobison trashed"}) {
		t.Fatalf("staff search found %v", titles)
	}
	states := map[string]string{}
	for _, h := range res.Hits {
		states[h.Title.EN] = h.State
	}
	if states["Zubrobison draft"] != store.SearchDraft || states["Zubrobison trashed"] != store.SearchTrash {
		t.Errorf("states %v", states)
	}
}

func TestSearchPagesAndCounts(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), pgtest.EmptyDB(t)
	for range 25 {
		e := content.Event{Date: content.YearDate(2010), Title: content.Text{RU: "Выставка", EN: "Exhibition"}, Published: true}
		if err := store.Events.Create(ctx, db, &e, store.SystemActor); err != nil {
			t.Fatal(err)
		}
	}
	res, first := search(t, db, store.SearchQuery{Text: "exhibition", Limit: 20})
	_, second := search(t, db, store.SearchQuery{Text: "exhibition", Limit: 20, Offset: 20})
	if len(first) != 20 || len(second) != 5 || res.Counts[content.EntityEvent] != 25 {
		t.Errorf("pages of %d and %d, counts %v", len(first), len(second), res.Counts)
	}
	res, beyond := search(t, db, store.SearchQuery{Text: "exhibition", Limit: 20, Offset: 40})
	if len(beyond) != 0 || res.Counts[content.EntityEvent] != 25 {
		t.Errorf("beyond the last page: %v, counts %v", beyond, res.Counts)
	}
	res, _ = search(t, db, store.SearchQuery{Text: "exhibition", Kind: content.EntityCity})
	if len(res.Hits) != 0 || res.Counts[content.EntityEvent] != 25 {
		t.Errorf("only cities: %v, counts %v", res.Hits, res.Counts)
	}
}

// Names rank over summaries and short facts, which rank over bodies (issue 10): an award whose
// title has the word comes first, then one presented by somebody with it in the name, then one
// that mentions it in its description only; a later one first where they rank alike.
func TestSearchRanksNamesOverSummariesOverBodies(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), pgtest.EmptyDB(t)
	for _, a := range []content.Award{
		{Title: content.Text{RU: "Грамота", EN: "Body"}, Description: content.Text{RU: "Вручена на фестивале", EN: "Presented at the festival"}},
		{Title: content.Text{RU: "Диплом", EN: "Summary"}, AwardedBy: content.Text{RU: "Дирекция фестиваля", EN: "The festival's board"}},
		{Title: content.Text{RU: "Приз фестиваля", EN: "Festival prize"}},
		{Title: content.Text{RU: "Медаль", EN: "Later body"}, Description: content.Text{RU: "Фестиваль", EN: "Festival"}},
	} {
		a.Date, a.Published = content.YearDate(2015), true
		if a.AwardedBy.RU == "" {
			a.AwardedBy = content.Text{RU: "Город Пермь", EN: "The City of Perm"}
		}
		if err := store.Awards.Create(ctx, db, &a, store.SystemActor); err != nil {
			t.Fatal(err)
		}
	}
	for _, l := range content.Langs {
		q := map[content.Lang]string{content.RU: "фестиваль", content.EN: "festival"}[l]
		_, titles := search(t, db, store.SearchQuery{Text: q, Lang: l})
		if want := []string{"Festival prize", "Summary", "Later body", "Body"}; !slices.Equal(titles, want) {
			t.Errorf("%s: %q found %v, want %v", l, q, titles, want)
		}
	}
}

func TestSearchSuggestsTheNearestName(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	// Too far from any name to be found, near enough to be suggested, in the language typed.
	for l, want := range map[content.Lang]string{content.EN: "Duisburg", content.RU: "Duisburg"} {
		res, _ := search(t, db, store.SearchQuery{Text: "Dusiburgg", Lang: l})
		if res.Total() != 0 || !slices.Contains(res.Suggestions, want) {
			t.Errorf("%s: Dusiburgg: %d hits, suggestions %v, want %s", l, res.Total(), res.Suggestions, want)
		}
	}
	// A search that finds something suggests nothing.
	if res, _ := search(t, db, store.SearchQuery{Text: "Duisburg"}); len(res.Suggestions) != 0 {
		t.Errorf("suggestions %v", res.Suggestions)
	}
}

func TestSearchSnippetIsPlainText(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), pgtest.EmptyDB(t)
	e := content.Event{Date: content.YearDate(2010), Published: true,
		Title: content.Text{RU: "Событие", EN: "Concert"},
		Text:  content.Text{RU: "Текст", EN: "A **concert** with <script>alert(1)</script> and [a link](https://example.org/x)."}}
	if err := store.Events.Create(ctx, db, &e, store.SystemActor); err != nil {
		t.Fatal(err)
	}
	res, _ := search(t, db, store.SearchQuery{Text: "concert"})
	if len(res.Hits) != 1 {
		t.Fatalf("hits %v", res.Hits)
	}
	parts := store.SplitSnippet(res.Hits[0].Snippet)
	var text strings.Builder
	marked := 0
	for _, p := range parts {
		text.WriteString(p.Text)
		if p.Mark {
			marked++
			if !strings.EqualFold(p.Text, "concert") {
				t.Errorf("marked %q", p.Text)
			}
		}
	}
	// ts_headline drops what its parser takes for tags; the rest is text, and the template
	// escapes it (see the web tests).
	if marked != 1 || !strings.Contains(text.String(), "alert(1)") || strings.Contains(text.String(), "https://") ||
		strings.ContainsAny(text.String(), "*"+store.SnippetStart+store.SnippetStop) {
		t.Errorf("snippet parts %+v", parts)
	}
}

func TestSplitSnippet(t *testing.T) {
	t.Parallel()
	s := "a " + store.SnippetStart + "b" + store.SnippetStop + " c " + store.SnippetStop + store.SnippetStart + "d"
	got := store.SplitSnippet(s)
	want := []store.SnippetPart{{Text: "a "}, {Text: "b", Mark: true}, {Text: " c "}, {Text: "d", Mark: true}}
	if !slices.Equal(got, want) {
		t.Errorf("SplitSnippet = %+v, want %+v", got, want)
	}
}

func TestSearchTerms(t *testing.T) {
	t.Parallel()
	for q, want := range map[string]int{"": 0, "a b": 2, `"a b" c -d`: 3, `"unclosed phrase`: 1} {
		if got := store.SearchTerms(q); got != want {
			t.Errorf("SearchTerms(%q) = %d, want %d", q, got, want)
		}
	}
}
