package web

import (
	"bytes"
	"fmt"
	"net/http"
	"strings"
	"time"

	ics "github.com/arran4/golang-ical"

	"twincities/internal/content"
	"twincities/internal/i18n"
	"twincities/internal/markdown"
	"twincities/internal/store"
)

// calendarEvents is how many coming timeline events the calendar carries at most.
const calendarEvents = 200

// calendar handles "GET /{lang}/calendar.ics": the coming round anniversaries of current
// relationships (the next twelve months, as the home page shows them) and the coming timeline
// events, as all-day events for a calendar app to subscribe to (RFC 5545).
//
// Only what is known to the day is there: an all-day event needs a day, and a whole month in
// someone's calendar would claim more than is known. Each anniversary is one event, not a yearly
// rule: each year's is a different one (20 years, then 25), a relationship may end, and a
// subscribed calendar fetches the file again and so gets the next one.
func (s *Server) calendar(w http.ResponseWriter, r *http.Request) error {
	ctx, l := r.Context(), langOf(r)
	m := i18n.For(l)
	today := s.permNow()
	var cities []content.City
	var upcoming []content.Event
	err := store.ReadSnapshot(ctx, s.db, func(tx store.DBTX) error {
		var err error
		if cities, err = store.ListCities(ctx, tx, store.CityQuery{Filter: store.Public}); err != nil {
			return err
		}
		upcoming, err = store.UpcomingEvents(ctx, tx, today, calendarEvents)
		return err
	})
	if err != nil {
		return err
	}
	host := s.siteHost()
	page := func(rest string) string { return s.baseURL + "/" + string(l) + rest }

	cal := ics.NewCalendarFor(host)
	cal.SetProductId("-//" + host + "//twincities//" + strings.ToUpper(string(l)))
	cal.SetCalscale("GREGORIAN")
	cal.SetName(m.CalendarName + " — " + m.SiteTitle)
	cal.SetXWRTimezone(content.PermTimeZone)
	cal.SetRefreshInterval("P1D") // the library adds VALUE=DURATION
	cal.SetXPublishedTTL("P1D")
	var modified time.Time
	add := func(uid string, day time.Time, stamp time.Time, summary, link, description string) {
		ev := cal.AddEvent(uid + "@" + host)
		// Without METHOD, DTSTAMP is when the information last changed (RFC 5545, 3.8.7.2): the
		// entry's own time, so an unchanged calendar is the same bytes.
		ev.SetDtStampTime(stamp)
		ev.SetLastModifiedAt(stamp)
		ev.SetAllDayStartAt(day)
		ev.SetAllDayEndAt(day.AddDate(0, 0, 1))
		ev.SetSummary(summary)
		ev.SetURL(link)
		if description != "" {
			ev.SetDescription(description)
		}
		ev.SetProperty(ics.ComponentPropertyTransp, "TRANSPARENT")
		if stamp.After(modified) {
			modified = stamp
		}
	}
	for _, an := range content.Anniversaries(cities, today) {
		if an.Date.Precision != content.Day {
			continue
		}
		c := an.City
		name := c.Name.In(l)
		if country := i18n.CountryName(c.Country, l); country != "" {
			name += " (" + country + ")"
		}
		add("anniversary-"+idString(c.ID)+"-"+idString(int64(an.Years)), an.Date.Time, c.UpdatedAt,
			i18n.AnniversaryOf(c.Name.In(l), an.Years, l), page(cityPublicPath(c)),
			name+"\n"+fmt.Sprintf(m.CalendarRelations, i18n.FormatSince(c.Since, l)))
	}
	for _, e := range upcoming {
		if e.Date.Precision != content.Day {
			continue
		}
		var lines []string
		if e.CityID != nil {
			for _, c := range cities {
				if c.ID == *e.CityID {
					lines = append(lines, c.Name.In(l))
				}
			}
		}
		if text := plainParagraphs(e.Text.In(l)); text != "" {
			lines = append(lines, text)
		}
		add("event-"+idString(e.ID), e.Date.Time, e.UpdatedAt, e.Title.In(l),
			page(eventPagePath(e, cities)), strings.Join(lines, "\n"))
	}
	if modified.IsZero() {
		modified = time.Unix(0, 0)
	}
	var buf bytes.Buffer
	if err := cal.SerializeTo(&buf, ics.WithNewLineWindows); err != nil {
		return err
	}
	writeCacheable(w, r, "text/calendar; charset=utf-8", buf.Bytes(), modified)
	return nil
}

// plainParagraphs is Markdown as plain text that keeps its paragraphs, for a calendar's
// description, where line breaks show.
func plainParagraphs(md string) string {
	md = strings.TrimSpace(strings.ReplaceAll(md, "\r\n", "\n"))
	var out []string
	for _, p := range strings.Split(md, "\n\n") {
		if t := markdown.Summary(p, content.MaxBody); t != "" {
			out = append(out, t)
		}
	}
	return strings.Join(out, "\n\n")
}
