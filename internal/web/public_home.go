package web

import (
	"net/http"
	"sort"
	"strings"
	"time"

	"twincities/internal/content"
	"twincities/internal/i18n"
	"twincities/internal/schemaorg"
	"twincities/internal/store"
	"twincities/templates"
)

// homeAwards is how many of the latest awards the home page shows.
const homeAwards = 3

// homeNews is how many of the latest news items the home page shows.
const homeNews = 3

// homeUpcomingEvents is how many upcoming events the home page's "coming up" strip shows at most.
const homeUpcomingEvents = 5

// home handles "GET /{lang}/": the one-sentence answer and the map, the counts, what comes next,
// the cities, the latest awards.
func (s *Server) home(w http.ResponseWriter, r *http.Request) error {
	ctx, l := r.Context(), langOf(r)
	today := s.permNow()
	var (
		d       templates.HomeData
		f       frame
		rs      store.Reads
		cities  []content.City
		coming  []content.Event
		about   content.Page
		hasPage bool
	)
	// Everything the page shows, in one round trip and one snapshot (issue 12).
	f.queueDepartment(&rs)
	rs.PublicCounts((*store.Counts)(&d.Counts))
	rs.ListCities(store.CityQuery{Filter: store.Public, Cards: true}, &cities)
	d.LastActivity = map[int64]content.Date{}
	rs.LastActivities(today, d.LastActivity)
	rs.UpcomingEvents(today, homeUpcomingEvents, &coming)
	rs.ListAwards(store.AwardQuery{Filter: store.Public, Limit: homeAwards}, &d.LatestAwards)
	rs.ListNews(store.NewsQuery{Filter: store.Public, Limit: homeNews}, &d.LatestNews) // issue 11, news
	rs.PageByKey(content.About, &about, &hasPage)
	if err := rs.Send(ctx, s.db); err != nil {
		return err
	}
	f.places = cities
	for _, c := range currentFirst(cities) {
		if c.Kind == content.Twin {
			d.TwinCities = append(d.TwinCities, c)
		} else {
			d.PartnerCities = append(d.PartnerCities, c)
		}
	}
	d.ComingUp = comingUp(cities, coming, today)
	d.Intro = firstParagraph(about.Body.In(l))
	p := s.pageWith(r, &f, "", "")
	p.Description = i18n.HomeLead(l, d.Counts.TwinCities, d.Counts.FormerTwinCities, d.Counts.PartnerCities)
	links, _ := cityLinks(p, append(append([]content.City(nil), d.TwinCities...), d.PartnerCities...))
	p.Share.Data = append(p.Share.Data, schemaorg.WebSite(p.Msg.SiteTitle, p.AbsPath(p.Path), l, p.Description),
		schemaorg.CityList(p.Msg.SiteTitle, links, l))
	s.render(w, r, http.StatusOK, templates.Home(p, d))
	return nil
}

// comingUp is the home page's "coming up" strip: the round anniversaries of the published, active
// relationships in the next twelve months (as the dashboard counts them) and the upcoming events,
// soonest first. An event's city is given where the public sees it, to link to.
func comingUp(cities []content.City, events []content.Event, today time.Time) []templates.Upcoming {
	byID := make(map[int64]content.City, len(cities))
	for _, c := range cities {
		byID[c.ID] = c
	}
	var out []templates.Upcoming
	for _, an := range content.Anniversaries(cities, today) {
		out = append(out, templates.Upcoming{Date: an.Date, City: an.City, Years: an.Years})
	}
	for _, e := range events {
		u := templates.Upcoming{Date: e.Date, Event: e}
		if e.CityID != nil {
			u.City = byID[*e.CityID]
		}
		out = append(out, u)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Date.Time.Before(out[j].Date.Time) })
	return out
}

// permNow is the site's clock in Perm: what day it is there decides what is past and what is to
// come.
func (s *Server) permNow() time.Time {
	loc, err := time.LoadLocation(content.PermTimeZone)
	if err != nil {
		return s.now()
	}
	return s.now().In(loc)
}

// currentFirst orders active relationships before ended and suspended ones, keeping the order
// within each.
func currentFirst(cities []content.City) []content.City {
	out := make([]content.City, 0, len(cities))
	for _, current := range []bool{true, false} {
		for _, c := range cities {
			if c.IsCurrent() == current {
				out = append(out, c)
			}
		}
	}
	return out
}

// firstParagraph is the first paragraph of Markdown text.
func firstParagraph(md string) string {
	md = strings.TrimSpace(strings.ReplaceAll(md, "\r\n", "\n"))
	first, _, _ := strings.Cut(md, "\n\n")
	return first
}
