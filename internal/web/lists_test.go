package web_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"twincities/internal/content"
	"twincities/internal/i18n"
	"twincities/internal/postgres/pgtest"
	"twincities/internal/store"
)

// addDrafts puts one draft of every kind into db, each named DRAFT so a leak is easy to see.
func addDrafts(tb testing.TB, db store.TxBeginner) {
	tb.Helper()
	ctx := context.Background()
	for _, kind := range []content.CityKind{content.Twin, content.Partner} {
		c := content.City{Kind: kind, Slug: "draft-city", Country: "FR", Status: content.Active,
			Name: content.Text{RU: "DRAFT город", EN: "DRAFT city"}}
		if err := store.Cities.Create(ctx, db, &c, store.SystemActor); err != nil {
			tb.Fatal(err)
		}
	}
	o := content.Organization{Slug: "draft-org", Kind: content.Union, Scope: content.National,
		Name: content.Text{RU: "DRAFT союз", EN: "DRAFT union"}}
	if err := store.Organizations.Create(ctx, db, &o, store.SystemActor); err != nil {
		tb.Fatal(err)
	}
	a := content.Award{Date: content.YearDate(2030), Title: content.Text{RU: "DRAFT награда", EN: "DRAFT award"}}
	if err := store.Awards.Create(ctx, db, &a, store.SystemActor); err != nil {
		tb.Fatal(err)
	}
	e := content.Event{Date: content.YearDate(2030), Title: content.Text{RU: "DRAFT событие", EN: "DRAFT event"}}
	if err := store.Events.Create(ctx, db, &e, store.SystemActor); err != nil {
		tb.Fatal(err)
	}
}

func TestListsShowExactlyThePublishedCities(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), pgtest.SeededDB(t)
	addDrafts(t, db)
	h := site(t, db)
	for _, kind := range []content.CityKind{content.Twin, content.Partner} {
		published, err := store.ListCities(ctx, db, store.CityQuery{Kind: kind, Filter: store.Public})
		if err != nil {
			t.Fatal(err)
		}
		var want []string
		for _, c := range published {
			want = append(want, "/en/"+string(kind)+"-cities/"+c.Slug)
		}
		r := mustGet(t, h, "/en/"+string(kind)+"-cities")
		got := attrs(r.doc, "main .card h3 a", "href")
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("%s cities page lists %v, want %v", kind, got, want)
		}
		if strings.Contains(r.body, "DRAFT") {
			t.Errorf("%s cities page shows a draft", kind)
		}
		if res := get(t, h, "/en/"+string(kind)+"-cities/draft-city"); res.StatusCode != 404 {
			t.Errorf("a draft city's page answers %d, want 404", res.StatusCode)
		}
	}
}

func TestEndedRelationshipsAreShownApartWithDateAndNote(t *testing.T) {
	t.Parallel()
	h := site(t, pgtest.SeededDB(t))
	r := mustGet(t, h, "/en/twin-cities")
	current := attrs(r.doc, `section[aria-labelledby="current"] .card h3 a`, "href")
	former := attrs(r.doc, `section[aria-labelledby="former"] .card h3 a`, "href")
	for _, slug := range []string{"louisville", "oxford"} {
		if !slices.Contains(former, "/en/twin-cities/"+slug) || slices.Contains(current, "/en/twin-cities/"+slug) {
			t.Errorf("%s is not listed apart among ended relationships (current %v, former %v)", slug, current, former)
		}
	}
	if !slices.Contains(current, "/en/twin-cities/duisburg") {
		t.Errorf("Duisburg is not among current relationships: %v", current)
	}
	statuses := texts(r.doc, `section[aria-labelledby="former"] .card .status`)
	if !slices.Contains(statuses, "Relationship ended in June 2022") {
		t.Errorf("former statuses %q lack Louisville's end date", statuses)
	}

	p := mustGet(t, h, "/ru/twin-cities/louisville")
	notice := strings.Join(strings.Fields(p.doc.Find(".notice").Text()), " ")
	for _, want := range []string{"Отношения прекращены в июне 2022 г.", "Мэр Луисвилла"} {
		if !strings.Contains(notice, want) {
			t.Errorf("Louisville's notice %q lacks %q", notice, want)
		}
	}
}

func TestMembershipsShowPublishedGroupedByKindAndScope(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), pgtest.SeededDB(t)
	addDrafts(t, db)
	published, err := store.ListOrganizations(ctx, db, store.Public)
	if err != nil {
		t.Fatal(err)
	}
	r := mustGet(t, site(t, db), "/en/memberships")
	got := attrs(r.doc, ".org-list h4 a", "href")
	var want []string
	for _, o := range published {
		want = append(want, "/en/memberships/"+o.Slug)
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("memberships page lists %v, want %v", got, want)
	}
	m := i18n.For(content.EN)
	h2 := texts(r.doc, "main h2")
	for _, o := range published {
		// Singular or plural by the number of members: TestMembershipHeadingsAgreeInNumber.
		if !slices.Contains(h2, m.OrgKindNames[o.Kind]) && !slices.Contains(h2, m.OrgKindNamesOne[o.Kind]) {
			t.Errorf("no group heading %q or %q for %s", m.OrgKindNames[o.Kind], m.OrgKindNamesOne[o.Kind], o.Slug)
		}
	}
	if strings.Contains(r.body, "DRAFT") {
		t.Error("memberships page shows a draft")
	}
	// The role is shown with the organisation.
	if !strings.Contains(r.doc.Find(".org-list").Text(), "vice-president") {
		t.Error("the role of Perm in Cities of the Urals is not shown")
	}
}

func TestAwardsNewestFirstAndPublishedOnly(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), pgtest.SeededDB(t)
	addDrafts(t, db)
	published, err := store.ListAwards(ctx, db, store.AwardQuery{Filter: store.Public})
	if err != nil {
		t.Fatal(err)
	}
	r := mustGet(t, site(t, db), "/ru/awards")
	dates := attrs(r.doc, ".award-list > li > time", "datetime")
	if len(dates) != len(published) {
		t.Fatalf("awards page shows %d awards, want %d", len(dates), len(published))
	}
	if !slices.IsSortedFunc(dates, func(a, b string) int { return strings.Compare(b[:4], a[:4]) }) {
		t.Errorf("awards are not newest first: %v", dates)
	}
	if strings.Contains(r.body, "DRAFT") {
		t.Error("awards page shows a draft")
	}
	// The award given to Perm and Duisburg links to Duisburg.
	if r.doc.Find(`.award-list a[href="/ru/twin-cities/duisburg"]`).Length() != 1 {
		t.Error("the Perm–Duisburg award does not link to Duisburg")
	}
}

func TestHomeCountsAreComputedFromPublishedData(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), pgtest.SeededDB(t)
	addDrafts(t, db)
	h := site(t, db)
	check := func(l content.Lang) {
		t.Helper()
		c, err := store.PublicCounts(ctx, db)
		if err != nil {
			t.Fatal(err)
		}
		m := i18n.For(l)
		// texts() reads the non-breaking spaces of Russian counts as spaces.
		want := []string{
			squash(i18n.CountWithFormer(l, c.TwinCities, c.FormerTwinCities, m.CountTwinCities)),
			squash(i18n.CountWithFormer(l, c.PartnerCities, c.FormerPartnerCities, m.CountPartnerCities)),
			squash(i18n.Count(l, c.Memberships, m.CountMemberships)),
			squash(i18n.Count(l, c.Awards, m.CountAwards)),
		}
		r := mustGet(t, h, "/"+string(l)+"/")
		if got := texts(r.doc, ".counts li"); !slices.Equal(got, want) {
			t.Errorf("%s home counts %q, want %q", l, got, want)
		}
		cards := r.doc.Find(`section[aria-labelledby="twins"] .card`).Length()
		if want := c.TwinCities + c.FormerTwinCities; cards != want {
			t.Errorf("%s home shows %d twin city cards, want %d", l, cards, want)
		}
	}
	check(content.EN)
	check(content.RU)
	if got := texts(mustGet(t, h, "/en/").doc, ".counts li"); got[0] != "4 twin cities and 2 former ones" {
		t.Errorf("with Perm's data the home page says %q, want 4 twin cities and 2 former ones", got[0])
	}
	// Unpublishing a city changes the count: the number is not written anywhere.
	if _, err := db.Exec(ctx, `UPDATE cities SET published = false WHERE slug = 'oxford'`); err != nil {
		t.Fatal(err)
	}
	check(content.EN)
	check(content.RU)
	if got := texts(mustGet(t, h, "/ru/").doc, ".counts li"); got[0] != "4 города-побратима и 1 бывший" {
		t.Errorf("after unpublishing Oxford the Russian count is %q", got[0])
	}
}
