package web

import (
	"context"
	"net/http"

	"github.com/go-chi/chi/v5"

	"twincities/internal/content"
	"twincities/internal/i18n"
	"twincities/internal/schemaorg"
	"twincities/internal/store"
	"twincities/templates"
)

// sectionOf is a kind's list, below /{lang}, and its title in language l.
func sectionOf(kind content.CityKind, l content.Lang) (path, title string) {
	m := i18n.For(l)
	if kind == content.Partner {
		return "/partner-cities", m.PartnerCities
	}
	return "/twin-cities", m.TwinCities
}

// listCities handles "GET /{lang}/twin-cities" and "GET /{lang}/partner-cities".
func (s *Server) listCities(kind content.CityKind) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		ctx, today := r.Context(), s.permNow()
		page, ok := s.publicPageParam(w, r)
		if !ok {
			return nil
		}
		var cities []content.City
		var total int
		d := templates.CityListData{Kind: kind}
		// Issue 12, growth: the current cities first, then the former, a page at a time, read from
		// the database as a page and a count of one moment.
		q := store.CityQuery{Kind: kind, Filter: store.Public, CurrentFirst: true, Cards: true, Limit: listPageSize, Offset: (page - 1) * listPageSize}
		// With the frame, in one round trip.
		var (
			f    frame
			rs   store.Reads
			note *listNote
		)
		f.queue(&rs)
		rs.ListCities(q, &cities)
		rs.CountCities(q, &total)
		d.LastActivity = map[int64]content.Date{}
		rs.LastActivities(today, d.LastActivity)
		if kind == content.Partner {
			note = queueListNote(&rs, content.PartnerCitiesNote)
		}
		err := rs.Send(ctx, s.db)
		if err != nil {
			return err
		}
		if note != nil {
			d.Note = note.in(langOf(r))
		}
		if d.Pager, err = makePager(r.URL, page, total, listPageSize); err != nil {
			return err
		}
		for _, c := range cities {
			if c.IsCurrent() {
				d.Current = append(d.Current, c)
			} else {
				d.Former = append(d.Former, c)
			}
		}
		section, title := sectionOf(kind, langOf(r))
		p := s.pageWith(r, &f, title, section, crumb(r, title, section))
		keepPage(&p, page)
		links, names := cityLinks(p, cities)
		format := p.Msg.DescTwinList
		if kind == content.Partner {
			format = p.Msg.DescPartnerList
		}
		p.Description = listDescription(p.Lang, format, names)
		p.Share.Data = append(p.Share.Data, schemaorg.CityList(title, links, p.Lang))
		s.render(w, r, http.StatusOK, templates.CityList(p, d))
		return nil
	}
}

// showCity handles "GET /{lang}/twin-cities/{slug}" and "GET /{lang}/partner-cities/{slug}".
func (s *Server) showCity(kind content.CityKind) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		slug := chi.URLParam(r, "slug")
		if !validSlug(slug) {
			return errNotFound
		}
		ctx, l := r.Context(), langOf(r)
		var f frame
		d, err := s.cityPage(ctx, &f, store.CityAddress{Kind: kind, Slug: slug}, func(rs *store.Reads, out *content.City, found *bool) {
			rs.CityBySlug(kind, slug, true, out, found)
		})
		if err != nil {
			return err
		}
		section, title := sectionOf(kind, l)
		name := d.City.Name.In(l)
		p := s.pageWith(r, &f, name, section, crumb(r, title, section), crumb(r, name, section+"/"+slug))
		p.Description = cityDescription(d.City, l)
		s.cityShare(&p, d)
		s.render(w, r, http.StatusOK, templates.City(p, d))
		return nil
	}
}

// cityFinder queues the read of the city a page is about into rs: out gets it, and found whether
// there is one.
type cityFinder func(rs *store.Reads, out *content.City, found *bool)

// cityPage loads what a city's page shows: the city find queues, with the frame f's reads (nil for
// a preview, whose page reads its own), and its published timeline, awards and news, all from one
// consistent moment of the database. Where the page knows the city's address (at: the public
// page), everything comes in one round trip (issue 12: eight before); else (a preview, which
// knows the city's ID only once it is read) the entries come in a second. A city find does not
// find is errNotFound. The public page and the staff's previews share it, so a preview shows
// exactly what the page will.
func (s *Server) cityPage(ctx context.Context, f *frame, at store.CityAddress, find cityFinder) (templates.CityData, error) {
	d := templates.CityData{Now: s.now()}
	var (
		rs    store.Reads
		found bool
	)
	if f != nil {
		f.queue(&rs)
	}
	find(&rs, &d.City, &found)
	entries := func(rs *store.Reads, id int64) {
		rs.ListEvents(store.EventQuery{CityID: id, CityAt: at, Filter: store.Public}, &d.Events)
		rs.ListAwards(store.AwardQuery{CityID: id, CityAt: at, Filter: store.Public}, &d.Awards)
		rs.ListNews(store.NewsQuery{CityID: id, CityAt: at, Filter: store.Public}, &d.News) // issue 11, news
	}
	if at != (store.CityAddress{}) {
		entries(&rs, 0)
		if err := rs.Send(ctx, s.db); err != nil {
			return d, err
		}
		if !found {
			return d, errNotFound
		}
		return d, nil
	}
	err := rs.SendThen(ctx, s.db, func(then *store.Reads) error {
		if !found {
			return errNotFound
		}
		entries(then, d.City.ID)
		return nil
	})
	return d, err
}
