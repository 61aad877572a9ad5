package web_test

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"twincities/internal/content"
	"twincities/internal/i18n"
	"twincities/internal/postgres/pgtest"
)

// tie writes an expected text with "~" for each non-breaking space.
func tie(s string) string { return strings.ReplaceAll(s, "~", i18n.NBSP) }

// datePlaces are the elements where the site prints dates in its own words: <time>, the lines of
// a city card, a status notice, the facts box. Staff text (Markdown, summaries, titles) is theirs.
const datePlaces = "main time, .card p, .notice strong, .facts dd:has(time), .facts dd:contains('Отношения'), .org-list .since"

var (
	// A year in a date: "2007" in "15 октября 2007 г." or the first of "1994–2022 гг.".
	yearRe = regexp.MustCompile(`\b(1[89]|20)\d\d\b`)
	// What must follow a Russian year: the tied "г." or, for a span, the other year and "гг.".
	ruYearTail = regexp.MustCompile(`^(` + i18n.NBSP + `г\.|–\d{4}` + i18n.NBSP + `гг\.)`)
	spanEnd    = regexp.MustCompile(`–$`)
	// A day and its month with an ordinary (breakable) space between them.
	looseDay = regexp.MustCompile(`\d{1,2}[ \t\n]+(января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)`)
)

// Every Russian public page prints each year of a date with "г." (or "гг." after a span) tied by
// a non-breaking space, and never lets a line break between a day and its month.
func TestRussianDatesAreTypeset(t *testing.T) {
	t.Parallel()
	h := site(t, pgtest.SeededDB(t))
	pages := []string{"/ru/", "/ru/twin-cities", "/ru/partner-cities", "/ru/memberships", "/ru/awards", "/ru/about", "/ru/contacts"}
	for _, list := range []string{"/ru/twin-cities", "/ru/partner-cities", "/ru/memberships"} {
		for _, href := range attrs(mustGet(t, h, list).doc, "main a[href^='"+list+"/']", "href") {
			if !slices.Contains(pages, href) {
				pages = append(pages, href)
			}
		}
	}
	if len(pages) < 15 {
		t.Fatalf("only %d pages found: %q", len(pages), pages)
	}
	dates := 0
	for _, path := range pages {
		mustGet(t, h, path).doc.Find(datePlaces).Each(func(_ int, s *goquery.Selection) {
			text := s.Text()
			if m := looseDay.FindString(text); m != "" {
				t.Errorf("%s: %q breaks between day and month in %q", path, m, text)
			}
			for _, loc := range yearRe.FindAllStringIndex(text, -1) {
				if spanEnd.MatchString(text[:loc[0]]) {
					continue // the second year of a span, checked with the first
				}
				dates++
				if !ruYearTail.MatchString(text[loc[1]:]) {
					t.Errorf("%s: year %s not followed by a tied г. in %q", path, text[loc[0]:loc[1]], text)
				}
			}
		})
	}
	if dates < 20 {
		t.Errorf("only %d dates checked: the selectors miss where dates are printed", dates)
	}
}

// A kind or scope with one organisation is headed in the singular, with more in the plural.
func TestMembershipHeadingsAgreeInNumber(t *testing.T) {
	t.Parallel()
	// The seed publishes one union (international) and one association (interregional).
	h := site(t, pgtest.SeededDB(t))
	checks := []struct {
		path   string
		h2, h3 []string
	}{
		{"/ru/memberships", []string{"Союз или организация местного самоуправления", "Ассоциация"}, []string{"Международный", "Межрегиональная"}},
		{"/en/memberships", []string{"Union or organisation of local governments", "Association"}, []string{"International", "Interregional"}},
	}
	for _, c := range checks {
		doc := mustGet(t, h, c.path).doc
		if got := texts(doc, "main h2"); !slices.Equal(got, c.h2) {
			t.Errorf("%s: kind headings %q, want %q", c.path, got, c.h2)
		}
		if got := texts(doc, "main h3"); !slices.Equal(got, c.h3) {
			t.Errorf("%s: scope headings %q, want %q", c.path, got, c.h3)
		}
	}

	// A second interregional association makes its headings plural; the union stays singular.
	db := pgtest.SeededDB(t)
	exec(t, db, `UPDATE organizations SET published = true WHERE slug = 'volga-region-cities'`)
	doc := mustGet(t, site(t, db), "/ru/memberships").doc
	if got, want := texts(doc, "main h2"), []string{"Союз или организация местного самоуправления", "Ассоциации"}; !slices.Equal(got, want) {
		t.Errorf("with two associations: kind headings %q, want %q", got, want)
	}
	if got, want := texts(doc, "main h3"), []string{"Международный", "Межрегиональные"}; !slices.Equal(got, want) {
		t.Errorf("with two associations: scope headings %q, want %q", got, want)
	}
}

// No link on any public page reads as a web address: an address is no text for a person (and a
// screen reader spells it out, "%2016:39:57" included).
func TestNoLinkTextIsAnAddress(t *testing.T) {
	t.Parallel()
	h := site(t, pgtest.SeededDB(t))
	for _, l := range content.Langs {
		lang := "/" + string(l)
		pages := []string{lang + "/", lang + "/about", lang + "/contacts", lang + "/awards", lang + "/memberships"}
		for _, list := range []string{lang + "/twin-cities", lang + "/partner-cities", lang + "/memberships"} {
			pages = append(pages, attrs(mustGet(t, h, list).doc, "main a[href^='"+list+"/']", "href")...)
		}
		for _, path := range pages {
			mustGet(t, h, path).doc.Find("a").Each(func(_ int, a *goquery.Selection) {
				text := strings.TrimSpace(a.Text())
				if strings.HasPrefix(text, "http") || strings.Contains(strings.ToUpper(text), "%2F") || strings.Contains(text, "%20") {
					t.Errorf("%s: a link reads %q", path, text)
				}
			})
		}
	}
	// The about page's event link says what it is and where it leads.
	doc := mustGet(t, h, "/ru/about").doc
	link := doc.Find(`.timeline a[href^="http://gp-static.wdepo.ru/"]:has(.visually-hidden)`)
	if link.Length() != 1 {
		t.Fatalf("the about page has %d event links, want 1", link.Length())
	}
	want := "Подробнее: Опыт побратимских связей Перми представлен в Государственной думе"
	if got := strings.Join(strings.Fields(link.Text()), " "); got != want {
		t.Errorf("the event link reads %q, want %q", got, want)
	}
	if got := strings.Join(strings.Fields(link.Parent().Text()), " "); !strings.HasSuffix(got, "(gp-static.wdepo.ru)") {
		t.Errorf("the event link's line %q does not name the site it leads to", got)
	}
}

// A source title shows in the page's language where it has a translation; an English title
// without one is marked so on a Russian page.
func TestSourceTitlesCarryTheirLanguage(t *testing.T) {
	t.Parallel()
	h := site(t, pgtest.SeededDB(t))
	doc := mustGet(t, h, "/ru/twin-cities/louisville").doc
	linked := doc.Find(`.sources a[href="https://www.sclou.org/perm"]`)
	if got, lang := linked.Text(), linked.AttrOr("lang", ""); got != "sclou.org: Пермь" || lang != "" {
		t.Errorf("the translated source title reads %q with lang=%q, want its Russian translation unmarked", got, lang)
	}
	if got := strings.Join(strings.Fields(doc.Find(".sources").Text()), " "); !strings.Contains(got, "Courier-Journal, 17 марта 2022") {
		t.Errorf("the Russian page's sources %q lack the translated Courier-Journal title", got)
	}
	if n := doc.Find(".sources [lang]").Length(); n != 0 {
		t.Errorf("the Russian page marks %d translated source titles with a language", n)
	}
	// Without a translation the original shows, marked as English: linked or not.
	tyumen := mustGet(t, h, "/ru/partner-cities/tyumen").doc
	if got := tyumen.Find(`.sources a[href="https://ura.news/news/1052558340"]`).AttrOr("lang", ""); got != "en" {
		t.Errorf("the linked English source title has lang=%q, want en", got)
	}
	about := mustGet(t, h, "/ru/about").doc
	if got := about.Find(`span:contains("59i.ru")`).AttrOr("lang", ""); got != "en" {
		t.Errorf("the English source title without a link has lang=%q, want en", got)
	}
	// On the English page the original titles are in the page's language: no attribute.
	doc = mustGet(t, h, "/en/twin-cities/louisville").doc
	if n := doc.Find(`.sources [lang]`).Length(); n != 0 {
		t.Errorf("the English page marks %d English source titles with a language", n)
	}
	if got := doc.Find(`.sources a[href="https://www.sclou.org/perm"]`).Text(); got != "sclou.org: Perm" {
		t.Errorf("the English page's source reads %q, want the original title", got)
	}
}
