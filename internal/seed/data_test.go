package seed_test

// Checks of the initial data itself against ../shared/facts/perm.md, without a database.

import (
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"twincities/internal/content"
	"twincities/internal/seed"
)

func TestEveryEntryIsValid(t *testing.T) {
	t.Parallel()
	for _, c := range seed.Cities() {
		if err := c.Validate(); err != nil {
			t.Errorf("city %s: %v", c.Slug, err)
		}
	}
	for _, o := range seed.Organizations() {
		if err := o.Validate(); err != nil {
			t.Errorf("organization %s: %v", o.Slug, err)
		}
	}
	for _, a := range seed.Awards() {
		if err := a.Validate(); err != nil {
			t.Errorf("award %q: %v", a.Title.EN, err)
		}
	}
	for _, e := range seed.Events() {
		if err := e.Validate(); err != nil {
			t.Errorf("event %q: %v", e.Title.EN, err)
		}
	}
	for _, p := range seed.Pages() {
		if err := p.Validate(); err != nil {
			t.Errorf("page %s: %v", p.Key, err)
		}
	}
	if len(seed.Pages()) != len(content.PageKeys) {
		t.Errorf("%d initial pages, want one per page key %v", len(seed.Pages()), content.PageKeys)
	}
}

// The data is typed in clean: normalising it (what the admin does with a form) changes nothing.
func TestEveryEntryIsNormalized(t *testing.T) {
	t.Parallel()
	for _, c := range seed.Cities() {
		n := c
		n.Normalize()
		if !reflect.DeepEqual(n, c) {
			t.Errorf("city %s changes when normalised:\n%+v\n%+v", c.Slug, c, n)
		}
	}
	for _, o := range seed.Organizations() {
		n := o
		n.Normalize()
		if !reflect.DeepEqual(n, o) {
			t.Errorf("organization %s changes when normalised:\n%+v\n%+v", o.Slug, o, n)
		}
	}
	for _, a := range seed.Awards() {
		n := a
		n.Normalize()
		if !reflect.DeepEqual(n, a) {
			t.Errorf("award %q changes when normalised:\n%+v\n%+v", a.Title.EN, a, n)
		}
	}
	for _, e := range seed.Events() {
		n := e
		n.Normalize()
		if !reflect.DeepEqual(n, e) {
			t.Errorf("event %q changes when normalised:\n%+v\n%+v", e.Title.EN, e, n)
		}
	}
}

func TestEveryEntryHasASource(t *testing.T) {
	t.Parallel()
	for _, c := range seed.Cities() {
		if len(c.Sources) == 0 {
			t.Errorf("city %s has no source", c.Slug)
		}
	}
	for _, o := range seed.Organizations() {
		if len(o.Sources) == 0 {
			t.Errorf("organization %s has no source", o.Slug)
		}
	}
	for _, a := range seed.Awards() {
		if len(a.Sources) == 0 {
			t.Errorf("award %q has no source", a.Title.EN)
		}
	}
	for _, e := range seed.Events() {
		if len(e.Sources) == 0 {
			t.Errorf("event %q has no source", e.Title.EN)
		}
	}
}

// The memberships the facts mark UNCERTAIN are drafts that say why; only the two sourced ones
// are public.
func TestUncertainMembershipsAreDraftsWithANote(t *testing.T) {
	t.Parallel()
	sourced := map[string]bool{"uclg-eurasia": true, "cities-of-the-urals": true}
	seen := map[string]bool{}
	for _, o := range seed.Organizations() {
		seen[o.Slug] = true
		if sourced[o.Slug] {
			if !o.Published {
				t.Errorf("%s is a sourced membership but a draft", o.Slug)
			}
			continue
		}
		if o.Published {
			t.Errorf("%s is UNCERTAIN in the facts but published", o.Slug)
		}
		if !strings.Contains(o.EditorNote, "UNCERTAIN") {
			t.Errorf("%s: editor's note %q does not say UNCERTAIN", o.Slug, o.EditorNote)
		}
	}
	for slug := range sourced {
		if !seen[slug] {
			t.Errorf("the sourced membership %s is missing", slug)
		}
	}
	if n := len(seed.Organizations()); n != 7 {
		t.Errorf("%d memberships, want the 7 of the facts", n)
	}
}

// The memberships of the facts, by English name, with kind and scope. The facts' "international
// organisation" is a union in the site's two kinds ("unions and organisations of local governments").
func TestMembershipsFollowTheFacts(t *testing.T) {
	t.Parallel()
	want := map[string]struct {
		kind  content.OrgKind
		scope content.Scope
	}{
		"United Cities and Local Governments, Eurasia Regional Section": {content.Union, content.International},
		"Association \u201cCities of the Urals\u201d":                   {content.Association, content.Interregional},
		"Association of Volga Region Cities":                            {content.Association, content.Interregional},
		"Union of Russian Cities":                                       {content.Union, content.National},
		"All-Russian Congress of Municipalities":                        {content.Union, content.National},
		"International Assembly of Capitals and Large Cities":           {content.Union, content.International},
		"Eurocities": {content.Union, content.International},
	}
	got := seed.Organizations()
	if len(got) != len(want) {
		t.Errorf("%d memberships, want %d", len(got), len(want))
	}
	for _, o := range got {
		w, ok := want[o.Name.EN]
		if !ok {
			t.Errorf("membership %q is not in the facts", o.Name.EN)
			continue
		}
		if o.Kind != w.kind || o.Scope != w.scope {
			t.Errorf("%s: %s/%s, want %s/%s", o.Name.EN, o.Kind, o.Scope, w.kind, w.scope)
		}
	}
}

type cityFact struct {
	nameRU, country string
	lat, lon        float64
	since           content.Date
	status          content.Status
	statusDate      content.Date
}

func checkCities(t *testing.T, kind content.CityKind, want map[string]cityFact) {
	t.Helper()
	var got []content.City
	for _, c := range seed.Cities() {
		if c.Kind == kind {
			got = append(got, c)
		}
	}
	if len(got) != len(want) {
		t.Errorf("%d %s cities, want %d", len(got), kind, len(want))
	}
	for _, c := range got {
		w, ok := want[c.Name.EN]
		if !ok {
			t.Errorf("%s city %q is not in the facts", kind, c.Name.EN)
			continue
		}
		if !c.Published {
			t.Errorf("%s is a draft", c.Name.EN)
		}
		if c.Name.RU != w.nameRU || c.Country != w.country {
			t.Errorf("%s: %s, %s; want %s, %s", c.Name.EN, c.Name.RU, c.Country, w.nameRU, w.country)
		}
		if c.Location == nil || *c.Location != (content.GeoPoint{Lat: w.lat, Lon: w.lon}) {
			t.Errorf("%s: location %v, want %v, %v", c.Name.EN, c.Location, w.lat, w.lon)
		}
		if c.Since != w.since {
			t.Errorf("%s: since %#v (%s), want %#v (%s)", c.Name.EN, c.Since, c.Since.Precision, w.since, w.since.Precision)
		}
		if c.Status != w.status || c.StatusDate != w.statusDate {
			t.Errorf("%s: %s %#v, want %s %#v", c.Name.EN, c.Status, c.StatusDate, w.status, w.statusDate)
		}
	}
}

func TestTwinCitiesAreTheSixOfTheFacts(t *testing.T) {
	t.Parallel()
	checkCities(t, content.Twin, map[string]cityFact{
		"Amnéville-les-Thermes": {"Амневиль", "FR", 49.25, 6.14, content.YearDate(1992), content.Active, content.Date{}},
		"Louisville":            {"Луисвилл", "US", 38.25, -85.76, content.YearDate(1994), content.Ended, content.MonthDate(2022, time.June)},
		"Oxford":                {"Оксфорд", "GB", 51.75, -1.26, content.YearDate(1995), content.Ended, content.MonthDate(2022, time.March)},
		"Agrigento":             {"Агридженто", "IT", 37.31, 13.58, content.Date{}, content.Active, content.Date{}},
		"Qingdao":               {"Циндао", "CN", 36.07, 120.38, content.MonthDate(2006, time.November), content.Active, content.Date{}},
		"Duisburg":              {"Дуйсбург", "DE", 51.43, 6.76, content.DayDate(2007, time.October, 15), content.Active, content.Date{}},
	})
}

func TestPartnerCitiesAreTheFourOfTheFacts(t *testing.T) {
	t.Parallel()
	checkCities(t, content.Partner, map[string]cityFact{
		"Yekaterinburg": {"Екатеринбург", "RU", 56.84, 60.61, content.DayDate(2022, time.March, 30), content.Active, content.Date{}},
		"Tyumen":        {"Тюмень", "RU", 57.15, 65.53, content.DayDate(2022, time.June, 2), content.Active, content.Date{}},
		"Ufa":           {"Уфа", "RU", 54.74, 55.97, content.MonthDate(2022, time.July), content.Active, content.Date{}},
		"Kazan":         {"Казань", "RU", 55.79, 49.12, content.DayDate(2023, time.January, 31), content.Active, content.Date{}},
	})
}

// Agrigento is a twin city beyond doubt, so it is public; its date is not, so it stays empty
// with a note until staff confirm it.
func TestAgrigentoIsPublishedWithoutADate(t *testing.T) {
	t.Parallel()
	for _, c := range seed.Cities() {
		if c.Name.EN != "Agrigento" {
			continue
		}
		if !c.Published || !c.Since.IsZero() {
			t.Errorf("Agrigento: published %v, since %#v; want published with no date", c.Published, c.Since)
		}
		for _, s := range []string{"UNCERTAIN", "2005", "2012"} {
			if !strings.Contains(c.EditorNote, s) {
				t.Errorf("Agrigento's editor's note %q does not mention %s", c.EditorNote, s)
			}
		}
		return
	}
	t.Error("Agrigento is missing")
}

func TestAwardsAndEventsHaveTheFactsDates(t *testing.T) {
	t.Parallel()
	awards := map[string]content.Date{}
	for _, a := range seed.Awards() {
		awards[a.Date.String()+" "+string(a.Date.Precision)] = a.Date
	}
	for _, want := range []content.Date{
		content.YearDate(2017),
		content.MonthDate(2018, time.April),
		content.DayDate(2018, time.September, 14),
		content.MonthDate(2014, time.December),
	} {
		if _, ok := awards[want.String()+" "+string(want.Precision)]; !ok {
			t.Errorf("no award of %s (%s); awards: %v", want, want.Precision, awards)
		}
	}
	if len(awards) != 4 {
		t.Errorf("%d award dates, want the 4 of the facts", len(awards))
	}
	events := map[string]bool{}
	for _, e := range seed.Events() {
		events[e.Date.String()+" "+string(e.Date.Precision)] = true
	}
	for _, want := range []string{"2019-06 month", "2017 year", "2021-06-18 day"} {
		if !events[want] {
			t.Errorf("no event of %s; events: %v", want, events)
		}
	}
}

// countInText finds a count of relations written as a number followed by what it counts, maybe
// with one adjective between: "6 twin-cities", "7 Russian cities", "8 unions", "4 associations",
// "6 городов-побратимов", "8 союзов". Counts are computed from the data, never written in text.
var countInText = regexp.MustCompile(`(?i)(?:^|\D)\d{1,3}[\s\-\x{2010}-\x{2014}\x{00A0}]+` +
	`(?:(?:russian|foreign|international|interregional|partner|российск\p{L}*|зарубежн\p{L}*|` +
	`международн\p{L}*|межрегиональн\p{L}*|иностранн\p{L}*)\s+)?` +
	`(?:twin|sister|partners?\b|cit(?:y|ies)|unions?\b|associations?\b|organi[sz]ations?\b|memberships?\b|` +
	`город|побратим|партн[её]р(?:\P{L}|ов|а|ы|ам|ами|ах|$)|союз|ассоциаци|организаци|объединени)`)

func TestCountInTextPattern(t *testing.T) {
	t.Parallel()
	for _, s := range []string{
		"it says 6 twin-cities", "Perm has 7 Russian cities as partners", "a member of 8 unions",
		"tight links with 4 associations", "6 partner cities", "6 городов-побратимов", "7 российских городов",
		"член 8 союзов и организаций", "связи с 4 ассоциациями", "5 партнёров", "6 побратимов",
	} {
		if !countInText.MatchString(s) {
			t.Errorf("pattern misses the count in %q", s)
		}
	}
	for _, s := range []string{
		"Joint project \u201c10-year partnership\u201d", "Совместный проект «10 лет партнёрства»",
		"23 Lenina Street", "signed on 15 October 2007", "In 2017–2018, the Russian-German Year",
		"the cities began in 2003", "контакты между городами начались в 2003 году",
	} {
		if countInText.MatchString(s) {
			t.Errorf("pattern finds a count in %q", s)
		}
	}
}

// publicTexts returns every content.Text field of v, a struct, named by field.
func publicTexts(v any) map[string]content.Text {
	out := map[string]content.Text{}
	rv := reflect.ValueOf(v)
	for i := range rv.NumField() {
		if t, ok := rv.Field(i).Interface().(content.Text); ok {
			out[rv.Type().Field(i).Name] = t
		}
	}
	return out
}

func TestNoTextWritesACount(t *testing.T) {
	t.Parallel()
	var entries []any
	for _, c := range seed.Cities() {
		entries = append(entries, c)
	}
	for _, o := range seed.Organizations() {
		entries = append(entries, o)
	}
	for _, a := range seed.Awards() {
		entries = append(entries, a)
	}
	for _, e := range seed.Events() {
		entries = append(entries, e)
	}
	for _, p := range seed.Pages() {
		entries = append(entries, p)
	}
	checked := 0
	for _, e := range entries {
		for field, text := range publicTexts(e) {
			for _, s := range []string{text.RU, text.EN} {
				checked++
				if m := countInText.FindString(s); m != "" {
					t.Errorf("%T %s writes a count (%q) in %q", e, field, strings.TrimSpace(m), s)
				}
			}
		}
	}
	if checked == 0 {
		t.Fatal("no text checked")
	}
}
