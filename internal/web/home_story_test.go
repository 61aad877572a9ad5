package web_test

import (
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"twincities/internal/content"
	"twincities/internal/i18n"
	"twincities/internal/postgres/pgtest"
)

// The home page leads with one sentence counted from the published cities, then the map; the
// sentence follows the data when a city is unpublished.
func TestHomeLeadIsCountedFromTheData(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	h := site(t, db)
	lead := func(l content.Lang) string {
		doc := mustGet(t, h, "/"+string(l)+"/").doc
		p := doc.Find("main h1 + p.home-lead")
		if p.Length() != 1 {
			t.Fatalf("%s: no lead sentence right after the h1", l)
		}
		if doc.Find("main p.home-lead + .worldmap").Length() != 1 {
			t.Errorf("%s: the map does not follow the lead sentence", l)
		}
		return strings.TrimSpace(p.Text())
	}
	want := func(l content.Lang) string {
		twins, partners := publicGroups(t, db, content.Twin), publicGroups(t, db, content.Partner)
		return i18n.HomeLead(l, len(twins.current), len(twins.former), len(partners.current))
	}

	// The seed: 4 current twin cities, 2 former ones, 4 partner cities.
	if got := lead(content.EN); got != "Perm has 4 twin cities and 2 former ones, and cooperation agreements with 4 Russian cities." {
		t.Errorf("English lead %q", got)
	}
	if got := lead(content.RU); got != tie("У~Перми 4~города-побратима и~2~бывших, а~также соглашения о~сотрудничестве с~4~российскими городами.") {
		t.Errorf("Russian lead %q", got)
	}

	// One twin city and three partner cities fewer: the numbers follow, and the Russian nouns
	// agree with them (1 partner city).
	exec(t, db, `UPDATE cities SET published = false WHERE slug IN ('duisburg', 'tyumen', 'ufa', 'kazan')`)
	for _, l := range content.Langs {
		if got, w := lead(l), want(l); got != w {
			t.Errorf("%s lead after unpublishing %q, want %q", l, got, w)
		}
	}
	if got := lead(content.EN); !strings.Contains(got, "3 twin cities") || !strings.HasSuffix(got, "with 1 Russian city.") {
		t.Errorf("English lead after unpublishing: %q", got)
	}
	if got := lead(content.RU); !strings.HasSuffix(got, tie("с~1~российским городом.")) {
		t.Errorf("Russian lead after unpublishing: %q", got)
	}
}

// cardLine is the text of the element sel inside the card that links to path, and whether the
// card has one.
func cardLine(doc *goquery.Document, path, sel string) (string, bool) {
	s := doc.Find(`.card:has(a[href="` + path + `"]) ` + sel)
	return strings.TrimSpace(s.Text()), s.Length() > 0
}

// A card shows the date of the city's last joint activity: its latest published event dated today
// or earlier, never a future one, a draft or one in the trash. Future events are "coming up".
func TestCardsShowLastJointActivity(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	clk := newClock(time.Date(2026, time.November, 30, 10, 0, 0, 0, time.UTC))
	b := startSite(t, db, withClock(clk)).newBrowser(t, "")
	qingdao := cityBySlug(t, db, content.Twin, "qingdao")
	exec(t, db, `DELETE FROM events WHERE city_id IN (SELECT id FROM cities WHERE slug IN ('qingdao', 'amneville-les-thermes'))`)
	add := func(date, precision, title string, published bool) {
		exec(t, db, `INSERT INTO events (city_id, event_date, date_precision, title_ru, title_en, published)
			VALUES ($1, $2, $3, $4, $4, $5)`, qingdao.ID, date, precision, title, published)
	}
	add("2019-05-12", "day", "Days of Perm in Qingdao", true)
	add("2018-01-01", "year", "An older visit", true)
	add("2020-06-01", "month", "A draft visit", false)
	add("2027-03-01", "day", "Qingdao festival in Perm", true)

	checks := []struct {
		path, city, want string
	}{
		{"/en/", "/en/twin-cities/qingdao", "Last joint activity: 12 May 2019"},
		{"/en/twin-cities", "/en/twin-cities/qingdao", "Last joint activity: 12 May 2019"},
		{"/ru/", "/ru/twin-cities/qingdao", tie("Последнее совместное событие: 12~мая 2019~г.")},
	}
	for _, c := range checks {
		doc := b.mustGet(c.path).doc
		if got, _ := cardLine(doc, c.city, ".last-activity"); got != c.want {
			t.Errorf("%s: Qingdao's card says %q, want %q", c.path, got, c.want)
		}
		amneville := strings.Replace(c.city, "qingdao", "amneville-les-thermes", 1)
		if got, ok := cardLine(doc, amneville, ".last-activity"); ok {
			t.Errorf("%s: Amnéville, without events, has a last activity %q", c.path, got)
		}
	}

	// The future event is coming up, the past one is not.
	up := texts(b.mustGet("/en/").doc, ".coming-up li")
	if !anyContains(up, "1 March 2027 Qingdao festival in Perm") {
		t.Errorf("coming up %q: no Qingdao festival", up)
	}
	if anyContains(up, "Days of Perm in Qingdao") {
		t.Errorf("coming up %q lists a past event", up)
	}
	if n := b.mustGet("/en/").doc.Find(`.coming-up a[href="/en/twin-cities/qingdao"]`).Length(); n == 0 {
		t.Error("the coming event does not link to its city")
	}

	// Once its day has come, the festival is the last joint activity and no longer coming up.
	clk.Advance(91 * 24 * time.Hour)
	doc := b.mustGet("/en/").doc
	if got, _ := cardLine(doc, "/en/twin-cities/qingdao", ".last-activity"); got != "Last joint activity: 1 March 2027" {
		t.Errorf("after the festival, Qingdao's card says %q", got)
	}
	if anyContains(texts(doc, ".coming-up li"), "Qingdao festival") {
		t.Error("the festival is still coming up after its day")
	}
}

// anyContains reports whether any of texts contains s.
func anyContains(texts []string, s string) bool {
	for _, t := range texts {
		if strings.Contains(t, s) {
			return true
		}
	}
	return false
}

// "Coming up" lists the round anniversaries of current relationships within the next twelve
// months by the site's clock, and disappears when nothing is coming.
func TestComingUpListsAnniversaries(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	// Duisburg since 15 October 2007: its 20th anniversary is within a year of this day.
	clk := newClock(time.Date(2026, time.November, 30, 10, 0, 0, 0, time.UTC))
	b := startSite(t, db, withClock(clk)).newBrowser(t, "")

	en := texts(b.mustGet("/en/").doc, ".coming-up li")
	if !anyContains(en, "15 October 2027 Duisburg: 20 years together") {
		t.Errorf("English coming up %q: no Duisburg's 20th", en)
	}
	ru := b.mustGet("/ru/").doc
	// Its non-breaking spaces kept, which texts would turn into ordinary ones.
	var ruItems []string
	ru.Find(".coming-up li").Each(func(_ int, s *goquery.Selection) {
		ruItems = append(ruItems, strings.Join(strings.FieldsFunc(s.Text(), func(r rune) bool { return r == ' ' || r == '\n' || r == '\t' }), " "))
	})
	if !anyContains(ruItems, tie("15~октября 2027~г. Дуйсбург: 20~лет вместе")) {
		t.Errorf("Russian coming up %q: no Duisburg's 20th", ruItems)
	}
	if ru.Find(`.coming-up h2#coming-up`).Text() != "Скоро" {
		t.Errorf("the strip is headed %q", ru.Find(`.coming-up h2`).Text())
	}
	// Oxford's relationship has ended: its anniversary is not celebrated.
	if anyContains(en, "Oxford") {
		t.Errorf("coming up %q lists an ended relationship", en)
	}

	// A day after the anniversary it has passed, and the next (the 25th) is years away.
	clk.Advance(time.Date(2027, time.October, 16, 10, 0, 0, 0, time.UTC).Sub(clk.Now()))
	if up := texts(b.mustGet("/en/").doc, ".coming-up li"); anyContains(up, "Duisburg") {
		t.Errorf("after the anniversary, coming up %q still lists Duisburg", up)
	}

	// With no current relationship and no future event, there is no strip at all.
	exec(t, db, `UPDATE cities SET status = 'ended', status_date = '2024-01-01', status_precision = 'year'`)
	exec(t, db, `DELETE FROM events WHERE event_date > '2027-10-16'`)
	if n := b.mustGet("/en/").doc.Find(".coming-up").Length(); n != 0 {
		t.Errorf("an empty coming-up strip is shown")
	}
}
