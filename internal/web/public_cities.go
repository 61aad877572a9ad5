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
		q := store.CityQuery{Kind: kind, Filter: store.Public, CurrentFirst: true, Limit: listPageSize, Offset: (page - 1) * listPageSize}
		err := store.ReadSnapshot(ctx, s.db, func(tx store.DBTX) (err error) {
			if cities, err = store.ListCities(ctx, tx, q); err != nil {
				return err
			}
			if total, err = store.CountCities(ctx, tx, q); err != nil {
				return err
			}
			if d.LastActivity, err = store.LastActivities(ctx, tx, today); err != nil {
				return err
			}
			if kind == content.Partner {
				d.Note, err = listNote(ctx, tx, content.PartnerCitiesNote, langOf(r))
			}
			return err
		})
		if err != nil {
			return err
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
		p := s.page(r, title, section, crumb(r, title, section))
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
		d, err := s.cityPage(ctx, func(tx store.DBTX) (content.City, error) {
			return store.CityBySlug(ctx, tx, kind, slug, true)
		})
		if err != nil {
			return err
		}
		section, title := sectionOf(kind, l)
		name := d.City.Name.In(l)
		p := s.page(r, name, section, crumb(r, title, section), crumb(r, name, section+"/"+slug))
		p.Description = cityDescription(d.City, l)
		s.cityShare(&p, d)
		s.render(w, r, http.StatusOK, templates.City(p, d))
		return nil
	}
}

// cityPage loads what a city's page shows: the city find returns, with its published timeline
// and awards, all from one consistent moment of the database. The public page and the staff's
// previews share it, so a preview shows exactly what the page will.
func (s *Server) cityPage(ctx context.Context, find func(tx store.DBTX) (content.City, error)) (templates.CityData, error) {
	d := templates.CityData{Now: s.now()}
	err := store.ReadSnapshot(ctx, s.db, func(tx store.DBTX) error {
		var err error
		if d.City, err = find(tx); err != nil {
			return err
		}
		if d.Events, err = store.ListEvents(ctx, tx, store.EventQuery{CityID: d.City.ID, Filter: store.Public}); err != nil {
			return err
		}
		if d.Awards, err = store.ListAwards(ctx, tx, store.AwardQuery{CityID: d.City.ID, Filter: store.Public}); err != nil {
			return err
		}
		// Issue 11, news: the items about the city.
		d.News, err = store.ListNews(ctx, tx, store.NewsQuery{CityID: d.City.ID, Filter: store.Public})
		return err
	})
	return d, err
}
