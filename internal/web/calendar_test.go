package web_test

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"twincities/internal/content"
	"twincities/internal/i18n"
	"twincities/internal/postgres/pgtest"
	"twincities/internal/store"
)

// icsProp is one property of an iCalendar file, unfolded, its TEXT value unescaped.
type icsProp struct {
	Name   string
	Params []string
	Value  string
}

// icsEvent is a VEVENT's properties by name.
type icsEvent map[string]icsProp

// parseICS reads an iCalendar file strictly (RFC 5545): CRLF after every line and nowhere else,
// lines of at most 75 octets folded between characters, escapes only where TEXT allows them. It
// returns the calendar's own properties and its events.
func parseICS(tb testing.TB, body string) (map[string]icsProp, []icsEvent) {
	tb.Helper()
	if !strings.HasSuffix(body, "\r\n") {
		tb.Fatal("the calendar does not end with CRLF")
	}
	var lines []string
	for i, l := range strings.Split(strings.TrimSuffix(body, "\r\n"), "\r\n") {
		if strings.ContainsAny(l, "\r\n") {
			tb.Fatalf("line %d has a bare CR or LF: %q", i+1, l)
		}
		if len(l) > 75 {
			tb.Errorf("line %d is %d octets: %q", i+1, len(l), l)
		}
		if !utf8.ValidString(l) {
			tb.Errorf("line %d is folded inside a character: %q", i+1, l)
		}
		if strings.HasPrefix(l, " ") || strings.HasPrefix(l, "\t") {
			if len(lines) == 0 {
				tb.Fatal("the calendar starts with a continuation line")
			}
			lines[len(lines)-1] += l[1:]
			continue
		}
		lines = append(lines, l)
	}
	cal := map[string]icsProp{}
	var events []icsEvent
	var stack []string
	for _, l := range lines {
		nameParams, value, ok := strings.Cut(l, ":")
		if !ok {
			tb.Fatalf("no colon in %q", l)
		}
		parts := strings.Split(nameParams, ";")
		p := icsProp{Name: parts[0], Params: parts[1:], Value: value}
		switch p.Name {
		case "BEGIN":
			stack = append(stack, value)
			if value == "VEVENT" {
				events = append(events, icsEvent{})
			}
			continue
		case "END":
			if len(stack) == 0 || stack[len(stack)-1] != value {
				tb.Fatalf("END:%s closes %v", value, stack)
			}
			stack = stack[:len(stack)-1]
			continue
		case "SUMMARY", "DESCRIPTION", "NAME", "X-WR-CALNAME":
			p.Value = unescapeText(tb, value)
		}
		switch {
		case len(stack) == 1 && stack[0] == "VCALENDAR":
			cal[p.Name] = p
		case len(stack) == 2 && stack[1] == "VEVENT":
			if _, dup := events[len(events)-1][p.Name]; dup {
				tb.Errorf("%s twice in an event", p.Name)
			}
			events[len(events)-1][p.Name] = p
		default:
			tb.Fatalf("%s outside a calendar or event: %v", p.Name, stack)
		}
	}
	if len(stack) != 0 {
		tb.Fatalf("unclosed %v", stack)
	}
	return cal, events
}

// unescapeText reads a TEXT value: a backslash escapes only \ ; , and n, and ; and , never
// stand alone.
func unescapeText(tb testing.TB, v string) string {
	tb.Helper()
	var b strings.Builder
	for i := 0; i < len(v); i++ {
		switch c := v[i]; c {
		case '\\':
			if i+1 == len(v) {
				tb.Fatalf("a lone backslash ends %q", v)
			}
			i++
			switch v[i] {
			case '\\', ';', ',':
				b.WriteByte(v[i])
			case 'n', 'N':
				b.WriteByte('\n')
			default:
				tb.Fatalf("bad escape \\%c in %q", v[i], v)
			}
		case ';', ',':
			tb.Fatalf("unescaped %c in %q", c, v)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func TestCalendarHasTheComingDayDatedEventsAndAnniversaries(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), pgtest.SeededDB(t)
	h := site(t, db)
	loc, err := time.LoadLocation(content.PermTimeZone)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now().In(loc)
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	duisburg := cityBySlug(t, db, content.Twin, "duisburg")
	// A word longer than a line: folded between two of its letters, never inside one.
	long := strings.Repeat("Дуйсбург", 12)
	event := func(d content.Date, published bool, ru, en string) content.Event {
		e := content.Event{CityID: &duisburg.ID, Date: d, Published: published,
			Title: content.Text{RU: ru, EN: en}, Text: content.Text{RU: "Первый абзац.\n\n" + long, EN: "One."}}
		if err := store.Events.Create(ctx, db, &e, store.SystemActor); err != nil {
			t.Fatal(err)
		}
		return e
	}
	day := func(t time.Time) content.Date { return content.DayDate(t.Year(), t.Month(), t.Day()) }
	title := `Встреча, «обмен»; путь \ назад — Дуйсбург`
	coming := event(day(today.AddDate(0, 0, 40)), true, title, "Coming")
	past := event(day(today.AddDate(0, 0, -3)), true, "Прошло", "Past")
	draft := event(day(today.AddDate(0, 0, 41)), false, "Черновик", "Draft")
	next := today.AddDate(0, 2, 0)
	vague := event(content.MonthDate(next.Year(), next.Month()), true, "Когда-то", "Some time")
	// Duisburg's tenth anniversary in 20 days.
	since := today.AddDate(-10, 0, 20)
	duisburg.Since = day(since)
	if err := store.Cities.Update(ctx, db, &duisburg, duisburg.Version, store.SystemActor); err != nil {
		t.Fatal(err)
	}

	r := get(t, h, "/ru/calendar.ics")
	if r.StatusCode != http.StatusOK || r.Header.Get("Content-Type") != "text/calendar; charset=utf-8" {
		t.Fatalf("calendar: %d %q", r.StatusCode, r.Header.Get("Content-Type"))
	}
	cal, events := parseICS(t, r.body)
	if cal["VERSION"].Value != "2.0" || cal["PRODID"].Value == "" {
		t.Errorf("calendar properties %v", cal)
	}
	byUID := map[string]icsEvent{}
	for _, e := range events {
		for _, name := range []string{"UID", "DTSTAMP", "DTSTART", "SUMMARY", "URL"} {
			if e[name].Value == "" {
				t.Errorf("an event lacks %s: %v", name, e)
			}
		}
		if !slices.Equal(e["DTSTART"].Params, []string{"VALUE=DATE"}) || len(e["DTSTART"].Value) != 8 {
			t.Errorf("not an all-day event: %v", e["DTSTART"])
		}
		if e["DTSTART"].Value <= today.Format("20060102") {
			t.Errorf("%q is not to come: %s", e["SUMMARY"].Value, e["DTSTART"].Value)
		}
		byUID[e["UID"].Value] = e
	}
	got := byUID["event-"+itoa(coming.ID)+"@test.example"]
	if got == nil {
		t.Fatalf("the coming event is missing from %v", byUID)
	}
	if got["SUMMARY"].Value != title {
		t.Errorf("summary %q, want %q", got["SUMMARY"].Value, title)
	}
	if want := "Дуйсбург\nПервый абзац.\n\n" + long; got["DESCRIPTION"].Value != want {
		t.Errorf("description %q, want %q", got["DESCRIPTION"].Value, want)
	}
	if got["DTSTART"].Value != today.AddDate(0, 0, 40).Format("20060102") ||
		got["URL"].Value != testBaseURL+"/ru/twin-cities/duisburg#event-"+itoa(coming.ID) {
		t.Errorf("event %v", got)
	}
	for _, absent := range []content.Event{past, draft, vague} {
		if byUID["event-"+itoa(absent.ID)+"@test.example"] != nil {
			t.Errorf("the calendar has %q", absent.Title.EN)
		}
	}
	an := byUID[fmt.Sprintf("anniversary-%d-10@test.example", duisburg.ID)]
	if an == nil || an["DTSTART"].Value != today.AddDate(0, 0, 20).Format("20060102") ||
		an["SUMMARY"].Value != i18n.AnniversaryOf("Дуйсбург", 10, content.RU) || an["URL"].Value != testBaseURL+"/ru/twin-cities/duisburg" {
		t.Errorf("Duisburg's anniversary: %v", an)
	}
	// Every anniversary is one the home page counts too, known to the day.
	cities, err := store.ListCities(ctx, db, store.CityQuery{Filter: store.Public})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{}
	for _, a := range content.Anniversaries(cities, now) {
		if a.Date.Precision == content.Day {
			want[fmt.Sprintf("anniversary-%d-%d@test.example", a.City.ID, a.Years)] = true
		}
	}
	for uid := range byUID {
		if strings.HasPrefix(uid, "anniversary-") && !want[uid] {
			t.Errorf("unexpected %s", uid)
		}
		delete(want, uid)
	}
	if len(want) > 0 {
		t.Errorf("missing anniversaries %v", want)
	}

	// The home page's "coming up" strip links to the calendar.
	home := mustGet(t, h, "/ru/")
	if home.doc.Find(`section.coming-up a[href="/ru/calendar.ics"]`).Length() != 1 {
		t.Error("the home page does not link to the calendar")
	}
	if again := get(t, h, "/ru/calendar.ics", "If-None-Match", r.Header.Get("ETag")); again.StatusCode != http.StatusNotModified {
		t.Errorf("If-None-Match: %d", again.StatusCode)
	}
}
