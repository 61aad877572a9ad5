package web_test

import (
	"context"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"twincities/internal/content"
	"twincities/internal/i18n"
	"twincities/internal/postgres/pgtest"
	"twincities/internal/store"
)

// searchHits are the links of a search page's results: their text and where they lead.
func searchHits(p page) (titles, hrefs []string) {
	p.doc.Find(".search-results h3 a").Each(func(_ int, a *goquery.Selection) {
		titles = append(titles, squash(a.Text()))
		hrefs = append(hrefs, a.AttrOr("href", ""))
	})
	return titles, hrefs
}

func searchPath(lang, q string, extra ...string) string {
	v := url.Values{"q": {q}}
	for i := 0; i+1 < len(extra); i += 2 {
		v.Set(extra[i], extra[i+1])
	}
	return "/" + lang + "/search?" + v.Encode()
}

func TestSearchFindsDuisburgInBothLanguages(t *testing.T) {
	t.Parallel()
	b := startSite(t, pgtest.SeededDB(t)).newBrowser(t, "")
	for _, l := range content.Langs {
		for _, q := range []string{"Duisburg", "Duisberg", "Дуйсбург", "дуйсбур"} {
			p := b.get(searchPath(string(l), q))
			expectStatus(t, p, 200)
			titles, hrefs := searchHits(p)
			want := i18n.For(l).SearchKindNames[content.EntityCity]
			if g := squash(p.doc.Find(".search-group h2").First().Text()); !strings.HasPrefix(g, want) {
				t.Errorf("%s %q: first group %q, want %s", l, q, g, want)
			}
			if len(hrefs) == 0 || hrefs[0] != "/"+string(l)+"/twin-cities/duisburg" {
				t.Errorf("%s %q: hits %v %v, want Duisburg's profile first", l, q, titles, hrefs)
			}
			if p.doc.Find(`meta[name=robots][content=noindex]`).Length() != 1 {
				t.Errorf("%s %q: no noindex", l, q)
			}
		}
	}
}

func TestSearchFindsTheCertificateOfMerit(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	b := startSite(t, db).newBrowser(t, "")
	id := queryInt(t, db, `SELECT id FROM awards WHERE title_en LIKE 'Certificate of Merit%' AND award_date = '2018-09-14'`)
	for _, l := range content.Langs {
		p := b.get(searchPath(string(l), "certificate"))
		expectStatus(t, p, 200)
		_, hrefs := searchHits(p)
		want := fmt.Sprintf("/%s/awards#award-%d", l, id)
		if !slices.Contains(hrefs, want) {
			t.Errorf("%s: certificate found %v, want %s", l, hrefs, want)
		}
		// The link leads to the award on the awards page.
		awards := b.get("/" + string(l) + "/awards")
		if awards.doc.Find(fmt.Sprintf("li#award-%d", id)).Length() != 1 {
			t.Errorf("%s: the awards page has no item award-%d", l, id)
		}
		// Words of the award's description are found, and marked in its snippet.
		word := map[content.Lang]string{content.RU: "вклад", content.EN: "contribution"}[l]
		p = b.get(searchPath(string(l), word))
		if got := p.doc.Find(fmt.Sprintf(`.search-results li:has(a[href="%s"]) .search-snippet mark`, want)).Text(); !strings.EqualFold(got, word) {
			t.Errorf("%s: %s marked %q in %q", l, word, got, squash(p.doc.Find(".search-results").Text()))
		}
	}
}

func TestSearchFindsNothingUnpublishedButStaffDo(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), pgtest.SeededDB(t)
	addDrafts(t, db)
	trashed := content.Event{Date: content.YearDate(2030), Published: true, Title: content.Text{RU: "DRAFT удалённое", EN: "DRAFT trashed"}}
	if err := store.Events.Create(ctx, db, &trashed, store.SystemActor); err != nil {
		t.Fatal(err)
	}
	if err := store.Events.Delete(ctx, db, trashed.ID, store.SystemActor); err != nil {
		t.Fatal(err)
	}
	s := startSite(t, db)
	addEditor(t, db)
	public := s.newBrowser(t, "")
	for _, l := range content.Langs {
		p := public.get(searchPath(string(l), "DRAFT"))
		expectStatus(t, p, 200)
		if titles, _ := searchHits(p); len(titles) != 0 || strings.Contains(p.text(), "DRAFT") && !strings.Contains(p.doc.Find("h1").Text(), "DRAFT") {
			t.Errorf("%s: the public found %v", l, titles)
		}
	}
	staff := s.newBrowser(t, "en")
	staff.mustSignIn(editorEmail, editorPassword)
	dash := staff.mustGet("/admin/")
	if dash.doc.Find(`form[action="/admin/search"] input[name=q]`).Length() != 1 {
		t.Error("the dashboard has no search box")
	}
	p := staff.mustGet("/admin/search?q=DRAFT")
	titles, hrefs := searchHits(p)
	if len(titles) != 6 { // two cities, a union, an award, an event and the trashed event
		t.Fatalf("staff found %v", titles)
	}
	a := i18n.AdminFor(content.EN)
	i := slices.Index(titles, "DRAFT trashed")
	if i < 0 {
		t.Fatalf("staff search lacks the trashed event: %v", titles)
	}
	if want := fmt.Sprintf("/admin/go/event/%d", trashed.ID); hrefs[i] != want {
		t.Errorf("the trashed event links to %s, want %s", hrefs[i], want)
	}
	states := p.doc.Find(".search-results .search-state").Map(func(_ int, s *goquery.Selection) string { return s.Text() })
	if !slices.Contains(states, a.TrashState) || !slices.Contains(states, a.DraftState) {
		t.Errorf("states %v", states)
	}
	expectRedirect(t, staff.get(hrefs[i]), fmt.Sprintf("/admin/events/%d", trashed.ID))
	// Staff search is for staff.
	expectSignInPage(t, s.newBrowser(t, "").get("/admin/search?q=DRAFT"))
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
	b := startSite(t, db).newBrowser(t, "")
	for q, want := range map[string][]string{
		`"friendship week"`:    {"Friendship week in Duisburg"},
		`friendship -duisburg`: {"Week of friendship"},
		`friendship week`:      {"Friendship week in Duisburg", "Week of friendship"},
	} {
		got, _ := searchHits(b.get(searchPath("en", q)))
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("%s found %v, want %v", q, got, want)
		}
	}
}

func TestSearchEscapesWhatEntriesHold(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), pgtest.EmptyDB(t)
	e := content.Event{Date: content.YearDate(2010), Published: true,
		Title: content.Text{RU: "Концерт <script>alert(1)</script>", EN: "Concert <script>alert(1)</script>"},
		Text:  content.Text{RU: "Концерт", EN: "A concert & <b>more</b> <img src=x onerror=alert(2)>"}}
	if err := store.Events.Create(ctx, db, &e, store.SystemActor); err != nil {
		t.Fatal(err)
	}
	p := startSite(t, db).newBrowser(t, "").get(searchPath("en", "concert"))
	expectStatus(t, p, 200)
	results := p.doc.Find(".search-results")
	if results.Find("script, b, img").Length() != 0 {
		t.Errorf("markup of an entry reached the page: %s", excerpt(p))
	}
	if got := squash(results.Find("h3").Text()); got != "Concert <script>alert(1)</script>" {
		t.Errorf("title %q", got)
	}
	if results.Find(".search-snippet mark").Length() == 0 {
		t.Errorf("snippet %q has no highlight", results.Find(".search-snippet").Text())
	}
	if strings.Contains(p.body, "<script>alert") {
		t.Error("the page holds an unescaped script")
	}
}

func TestSearchRefusesBadInput(t *testing.T) {
	t.Parallel()
	b := startSite(t, pgtest.SeededDB(t)).newBrowser(t, "")
	long := strings.Repeat("д", store.SearchMaxLength+1)
	many := strings.Repeat("word ", store.SearchMaxTerms+1)
	for _, l := range content.Langs {
		m := i18n.For(l)
		for raw, want := range map[string]string{
			"q=" + url.QueryEscape(long):    fmt.Sprintf(m.SearchTooLong, store.SearchMaxLength),
			"q=" + url.QueryEscape(many):    fmt.Sprintf(m.SearchTooManyWords, store.SearchMaxTerms),
			"q=a%00b":                       m.BadSearch,
			"q=%FF%FE":                      m.BadSearch,
			"q=a%01b":                       m.BadSearch,
			"q=perm&page=0":                 m.SearchBadPage,
			"q=perm&page=-1":                m.SearchBadPage,
			"q=perm&page=x":                 m.SearchBadPage,
			"q=perm&page=":                  m.SearchBadPage,
			"q=perm&page=99999999999999999": m.SearchBadPage,
			"q=perm&page=400":               m.SearchBadPage, // past the last page
			"q=perm&kind=user":              m.SearchBadKind,
		} {
			p := b.get("/" + string(l) + "/search?" + raw)
			if p.status != 400 {
				t.Errorf("%s ?%.40s: %d, want 400", l, raw, p.status)
				continue
			}
			if !strings.Contains(p.text(), squash(want)) || p.doc.Find("html").AttrOr("lang", "") != string(l) {
				t.Errorf("%s ?%.40s: %q, want %q", l, raw, excerpt(p), want)
			}
		}
		// Exactly at the limits is a search.
		expectStatus(t, b.get(searchPath(string(l), strings.Repeat("д", store.SearchMaxLength))), 200)
		expectStatus(t, b.get(searchPath(string(l), strings.Repeat("word ", store.SearchMaxTerms))), 200)
	}
}

func TestSearchEmptyAndNothingFound(t *testing.T) {
	t.Parallel()
	b := startSite(t, pgtest.SeededDB(t)).newBrowser(t, "")
	for _, l := range content.Langs {
		m := i18n.For(l)
		p := b.get("/" + string(l) + "/search")
		expectStatus(t, p, 200)
		if !strings.Contains(p.text(), squash(m.SearchIntro)) || p.doc.Find(".search-examples a").Length() == 0 {
			t.Errorf("%s: the empty search page: %s", l, excerpt(p))
		}
		if p.doc.Find(`meta[name=robots]`).Length() != 0 {
			t.Errorf("%s: the empty search page asks not to be indexed", l)
		}
		// Every example finds something.
		p.doc.Find(".search-examples a").Each(func(_ int, a *goquery.Selection) {
			if titles, _ := searchHits(b.get(a.AttrOr("href", ""))); len(titles) == 0 {
				t.Errorf("%s: the example %q finds nothing", l, a.Text())
			}
		})
		p = b.get(searchPath(string(l), "Dusiburgg"))
		expectStatus(t, p, 200)
		if !strings.Contains(p.text(), squash(fmt.Sprintf(m.SearchNothing, "Dusiburgg"))) {
			t.Errorf("%s: %s", l, excerpt(p))
		}
		link := p.doc.Find(".search-suggestions + ul a").First()
		if link.Text() != "Duisburg" {
			t.Fatalf("%s: suggestions %q", l, squash(p.doc.Find(".search-suggestions").Text()))
		}
		if _, hrefs := searchHits(b.get(link.AttrOr("href", ""))); len(hrefs) == 0 || hrefs[0] != "/"+string(l)+"/twin-cities/duisburg" {
			t.Errorf("%s: the suggestion found %v", l, hrefs)
		}
	}
}

func TestSearchPagesAndKinds(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), pgtest.SeededDB(t)
	for i := range 25 {
		e := content.Event{Date: content.YearDate(2010), Published: true,
			Title: content.Text{RU: fmt.Sprintf("Зубробизон %d", i), EN: fmt.Sprintf("Zubrobison %d", i)}}
		if err := store.Events.Create(ctx, db, &e, store.SystemActor); err != nil {
			t.Fatal(err)
		}
	}
	b := startSite(t, db).newBrowser(t, "")
	p := b.get(searchPath("en", "zubrobison"))
	first, _ := searchHits(p)
	next := p.doc.Find(`.search-paging a[rel=next]`).AttrOr("href", "")
	if len(first) != 20 || next == "" {
		t.Fatalf("the first page: %d hits, next %q", len(first), next)
	}
	p = b.get(next)
	second, hrefs := searchHits(p)
	if len(second) != 5 || p.doc.Find(`.search-paging a[rel=prev]`).Length() != 1 || p.doc.Find(`.search-paging a[rel=next]`).Length() != 0 {
		t.Errorf("the second page: %v", second)
	}
	// General events are shown on the about page, where the link leads.
	if !strings.HasPrefix(hrefs[0], "/en/about#event-") {
		t.Errorf("an event links to %s", hrefs[0])
	}
	if b.get("/en/about").doc.Find(strings.TrimPrefix(hrefs[0], "/en/about")).Length() != 1 {
		t.Errorf("the about page has no %s", hrefs[0])
	}
	// The other language's address keeps the search.
	if alt := p.doc.Find(`.tools a[hreflang=ru]`).AttrOr("href", ""); alt != "/ru/search?page=2&q=zubrobison" {
		t.Errorf("the language switch leads to %q", alt)
	}
	// Counts by kind, and a kind alone.
	p = b.get(searchPath("en", "Duisburg"))
	kinds := p.doc.Find(".search-kinds a").Map(func(_ int, s *goquery.Selection) string { return squash(s.Text()) })
	if len(kinds) < 3 || !strings.HasPrefix(kinds[0], "Everything") || !slices.ContainsFunc(kinds, func(k string) bool { return strings.HasPrefix(k, "Cities 1") }) {
		t.Errorf("kinds %v", kinds)
	}
	titles, _ := searchHits(b.get(searchPath("en", "Duisburg", "kind", "city")))
	if !slices.Equal(titles, []string{"Duisburg"}) {
		t.Errorf("only cities: %v", titles)
	}
}

func TestSearchBoxInEveryPublicHeader(t *testing.T) {
	t.Parallel()
	b := startSite(t, pgtest.SeededDB(t)).newBrowser(t, "")
	for _, path := range []string{"/ru/", "/en/awards", "/ru/twin-cities/duisburg", "/en/nowhere"} {
		p := b.get(path)
		form := p.doc.Find(`form.site-search[role=search][method=get]`)
		l := p.doc.Find("html").AttrOr("lang", "")
		if form.AttrOr("action", "") != "/"+l+"/search" {
			t.Errorf("%s: the search box's form: %q", path, form.AttrOr("action", ""))
			continue
		}
		id := form.Find(`input[name=q]`).AttrOr("id", "")
		if id == "" || squash(form.Find(`label[for="`+id+`"]`).Text()) != squash(i18n.For(content.Lang(l)).SearchLabel) {
			t.Errorf("%s: the box has no label", path)
		}
		// The label is for screen readers; the empty box shows the same words to the eye.
		if got := form.Find(`input[name=q]`).AttrOr("placeholder", ""); got != i18n.For(content.Lang(l)).SearchLabel {
			t.Errorf("%s: the box's placeholder %q, want %q", path, got, i18n.For(content.Lang(l)).SearchLabel)
		}
	}
}
