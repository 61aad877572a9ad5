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

// cityGroups are the published cities of one kind as the home page should show them: the
// current ones in staff's order, then the former (ended or suspended) ones in staff's order.
type cityGroups struct{ current, former []string }

// publicGroups reads the published cities of kind from db, independently of the home handler.
func publicGroups(tb testing.TB, db store.DBTX, kind content.CityKind) cityGroups {
	tb.Helper()
	cities, err := store.ListCities(context.Background(), db, store.CityQuery{Filter: store.Public})
	if err != nil {
		tb.Fatal(err)
	}
	var g cityGroups
	for _, c := range cities {
		switch {
		case c.Kind != kind:
		case c.Status == content.Active:
			g.current = append(g.current, c.Slug)
		default:
			g.former = append(g.former, c.Slug)
		}
	}
	return g
}

// wantCount is the home page's count of g, spelt out from the catalogue's parts: the current
// count, and the former one only where there is one.
func wantCount(l content.Lang, g cityGroups, noun i18n.Forms) string {
	m := i18n.For(l)
	s := i18n.Count(l, len(g.current), noun)
	if len(g.former) > 0 {
		s += m.CountFormerJoin + i18n.Count(l, len(g.former), i18n.Forms{One: m.CountFormerOne, Few: m.CountFormerOther, Many: m.CountFormerOther})
	}
	return squash(s)
}

// slugsOf are the last segments of the links to the cities' pages in sel, in document order.
func slugsOf(r response, sel string) []string {
	var out []string
	for _, href := range attrs(r.doc, sel, "href") {
		out = append(out, href[strings.LastIndex(href, "/")+1:])
	}
	return out
}

// checkHomeCities checks the home page's city counts and the order of its twin city cards, and
// the same order on the twin cities' list page.
func checkHomeCities(t *testing.T, db store.DBTX, h func(string) response) {
	t.Helper()
	twins, partners := publicGroups(t, db, content.Twin), publicGroups(t, db, content.Partner)
	for _, l := range []content.Lang{content.RU, content.EN} {
		m := i18n.For(l)
		r := h("/" + string(l) + "/")
		got := texts(r.doc, ".counts li")
		if len(got) < 2 {
			t.Fatalf("%s home counts %q", l, got)
		}
		if want := wantCount(l, twins, m.CountTwinCities); got[0] != want {
			t.Errorf("%s twin city count %q, want %q", l, got[0], want)
		}
		if want := wantCount(l, partners, m.CountPartnerCities); got[1] != want {
			t.Errorf("%s partner city count %q, want %q", l, got[1], want)
		}
		want := slices.Concat(twins.current, twins.former)
		if cards := slugsOf(r, `section[aria-labelledby="twins"] .card h3 a`); !slices.Equal(cards, want) {
			t.Errorf("%s home twin cards %q, want current ones first: %q", l, cards, want)
		}
		if cards := slugsOf(h("/"+string(l)+"/twin-cities"), `main .card h3 a`); !slices.Equal(cards, want) {
			t.Errorf("%s twin cities list %q, want current ones first: %q", l, cards, want)
		}
	}
}

func TestHomeCountsTellCurrentFromFormerRelationships(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), pgtest.SeededDB(t)
	h := site(t, db)
	get := func(path string) response { return mustGet(t, h, path) }

	twins, partners := publicGroups(t, db, content.Twin), publicGroups(t, db, content.Partner)
	if len(twins.current) < 2 || len(twins.former) == 0 || len(partners.former) != 0 {
		t.Fatalf("the seed no longer has current and former twin cities and only current partners: %+v %+v",
			twins, partners)
	}
	checkHomeCities(t, db, get)
	// The words themselves, so a wrong catalogue entry is seen too.
	en := texts(get("/en/").doc, ".counts li")
	if !strings.Contains(en[0], " and ") || !strings.HasSuffix(en[0], " former ones") || strings.Contains(en[1], "former") {
		t.Errorf("English counts %q: want the twin cities' former part and none for partners", en[:2])
	}
	ru := texts(get("/ru/").doc, ".counts li")
	if !strings.Contains(ru[0], "бывш") || strings.Contains(ru[1], "бывш") {
		t.Errorf("Russian counts %q: want the twin cities' former part and none for partners", ru[:2])
	}

	// Ending the first current relationship in staff's order moves that city from the current
	// count to the former one and its card after the current ones; a partner city ending gives
	// the partners a former part.
	_, err := db.Exec(ctx, `UPDATE cities SET status = 'ended', status_date = '2024-01-01', status_precision = 'year'
		WHERE slug = $1 OR slug = $2`, twins.current[0], partners.current[0])
	if err != nil {
		t.Fatal(err)
	}
	after := publicGroups(t, db, content.Twin)
	if len(after.current) != len(twins.current)-1 || len(after.former) != len(twins.former)+1 {
		t.Fatalf("ending %s: groups %+v", twins.current[0], after)
	}
	checkHomeCities(t, db, get)
	if cards := attrs(get("/en/").doc, `section[aria-labelledby="twins"] .card h3 a`, "href"); len(cards) == 0 ||
		strings.HasSuffix(cards[0], "/"+twins.current[0]) {
		t.Errorf("the ended %s still leads the twin cards: %q", twins.current[0], cards)
	}
	if got := texts(get("/en/").doc, ".counts li")[1]; !strings.HasSuffix(got, " and 1 former one") {
		t.Errorf("after ending a partnership the partner count is %q", got)
	}
}
