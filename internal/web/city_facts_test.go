package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"twincities/internal/content"
	"twincities/internal/i18n"
	"twincities/internal/postgres/pgtest"
)

// fact is the text of the facts box's entry labelled label, spaces kept as they are (no-break
// ones included), or ok false when the box has no such entry.
func fact(doc *goquery.Document, label string) (value string, ok bool) {
	doc.Find(".facts dt").EachWithBreak(func(_ int, dt *goquery.Selection) bool {
		if strings.TrimSpace(dt.Text()) == label {
			value, ok = strings.TrimSpace(dt.Next().Filter("dd").Text()), true
			return false
		}
		return true
	})
	return value, ok
}

// TestCityPageShowsDistanceAndTimeDifference checks the facts computed from a city's data: its
// distance from Perm, and the time difference with Perm by the site's clock, winter and summer.
func TestCityPageShowsDistanceAndTimeDifference(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	clk := newClock(time.Date(2026, time.January, 15, 9, 0, 0, 0, time.UTC))
	site := startSite(t, db, withClock(clk))
	b := site.newBrowser(t, "")
	ru, en := i18n.For(content.RU), i18n.For(content.EN)
	const nb = "\u00a0"

	check := func(path string, m *i18n.Messages, distance, difference, example string) {
		t.Helper()
		doc := b.mustGet(path).doc
		if got, ok := fact(doc, m.DistanceFromPerm); got != distance {
			t.Errorf("%s: distance %q (shown: %v), want %q", path, got, ok, distance)
		}
		got, ok := fact(doc, m.TimeDifference)
		if !ok || !strings.HasPrefix(got, difference) || !strings.Contains(got, "("+example+")") {
			t.Errorf("%s: time difference %q (shown: %v), want %q (%q)", path, got, ok, difference, example)
		}
	}

	// Winter: Duisburg 4 hours behind Perm, Kazan 2.
	check("/ru/twin-cities/duisburg", ru, "3"+nb+"180"+nb+"км", "на"+nb+"4"+nb+"часа меньше, чем в"+nb+"Перми", "когда в"+nb+"Перми 12:00, там 8:00")
	check("/en/twin-cities/duisburg", en, "3,180"+nb+"km", "4"+nb+"hours behind Perm", "when it is 12:00 in Perm, it is 8:00 there")
	check("/ru/partner-cities/kazan", ru, "500"+nb+"км", "на"+nb+"2"+nb+"часа меньше, чем в"+nb+"Перми", "когда в"+nb+"Перми 12:00, там 10:00")
	check("/ru/twin-cities/qingdao", ru, "5"+nb+"190"+nb+"км", "на"+nb+"3"+nb+"часа больше, чем в"+nb+"Перми", "когда в"+nb+"Перми 12:00, там 15:00")

	// Summer: Germany has moved its clocks, Russia has not.
	clk.Advance(181 * 24 * time.Hour)
	check("/ru/twin-cities/duisburg", ru, "3"+nb+"180"+nb+"км", "на"+nb+"3"+nb+"часа меньше, чем в"+nb+"Перми", "когда в"+nb+"Перми 12:00, там 9:00")
	check("/en/twin-cities/duisburg", en, "3,180"+nb+"km", "3"+nb+"hours behind Perm", "when it is 12:00 in Perm, it is 9:00 there")
	check("/en/partner-cities/kazan", en, "500"+nb+"km", "2"+nb+"hours behind Perm", "when it is 12:00 in Perm, it is 10:00 there")

	// Perm's own zone says so, without a sum to do.
	doc := b.mustGet("/ru/partner-cities/yekaterinburg").doc
	if got, _ := fact(doc, ru.TimeDifference); got != ru.SameTimeAsPerm {
		t.Errorf("Yekaterinburg: time difference %q, want %q", got, ru.SameTimeAsPerm)
	}

	// The cards of the list say the distance too.
	card := b.mustGet("/ru/twin-cities").doc.Find(`.card:has(a[href="/ru/twin-cities/duisburg"]) .distance`)
	if got := strings.TrimSpace(card.Text()); got != "3"+nb+"180"+nb+"км от"+nb+"Перми" {
		t.Errorf("Duisburg's card: distance %q", got)
	}

	// Without coordinates or a time zone, the fact is left out rather than made up.
	exec(t, db, `UPDATE cities SET latitude = NULL, longitude = NULL, time_zone = '' WHERE slug = 'duisburg'`)
	for _, l := range content.Langs {
		m := i18n.For(l)
		doc := b.mustGet("/" + string(l) + "/twin-cities/duisburg").doc
		for _, label := range []string{m.DistanceFromPerm, m.TimeDifference} {
			if got, ok := fact(doc, label); ok {
				t.Errorf("%s: %s shown as %q for a city without coordinates and time zone", l, label, got)
			}
		}
		if n := b.mustGet("/" + string(l) + "/twin-cities").doc.Find(`.card:has(a[href="/` + string(l) + `/twin-cities/duisburg"]) .distance`).Length(); n != 0 {
			t.Errorf("%s: a distance on the card of a city without coordinates", l)
		}
	}
}

// TestTimeZoneIsChecked checks that the admin refuses a time zone Go does not know, saying so in
// the staff's language at the field, and saves a real one as typed.
func TestTimeZoneIsChecked(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	addEditor(t, db)
	site := startSite(t, db)
	oxford := cityBySlug(t, db, content.Twin, "oxford")
	path := twinPath(oxford.ID)
	for _, tt := range []struct {
		lang  string
		admin *i18n.AdminMessages
		zone  string
	}{{"en", adminEN, "Europe/Dublin"}, {"ru", adminRU, "Europe/Lisbon"}} {
		b := site.newBrowser(t, tt.lang)
		b.mustSignIn(editorEmail, editorPassword)
		res := b.submit(b.mustGet(path), formAt(path), url.Values{"time_zone": {"Mars/Olympus"}})
		expectStatus(t, res, http.StatusUnprocessableEntity)
		expectFieldError(t, res, "time_zone", tt.admin.Problems[content.ProblemTimeZone])
		if got := res.doc.Find("#f-time-zone").AttrOr("value", ""); got != "Mars/Olympus" {
			t.Errorf("%s: the typed zone came back as %q", tt.lang, got)
		}
		if got := queryString(t, db, `SELECT time_zone FROM cities WHERE id = $1`, oxford.ID); got == "Mars/Olympus" {
			t.Fatalf("%s: Mars/Olympus was saved", tt.lang)
		}
		res = b.submit(res, formAt(path), url.Values{"time_zone": {" " + tt.zone + " "}})
		expectRedirect(t, res, path)
		if got := queryString(t, db, `SELECT time_zone FROM cities WHERE id = $1`, oxford.ID); got != tt.zone {
			t.Errorf("%s: saved %q, want %q", tt.lang, got, tt.zone)
		}
	}
	if adminEN.Problems[content.ProblemTimeZone] == adminRU.Problems[content.ProblemTimeZone] {
		t.Error("the message about a time zone is not translated")
	}
}
