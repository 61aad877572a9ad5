package web

import (
	"net/http"

	"twincities/internal/content"
	"twincities/internal/i18n"
	"twincities/internal/store"
	"twincities/templates"
)

// listAwards handles "GET /{lang}/awards": every published award, newest first.
func (s *Server) listAwards(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	d := templates.AwardsData{Cities: map[int64]content.City{}}
	err := store.ReadSnapshot(ctx, s.db, func(tx store.DBTX) error {
		var err error
		if d.Awards, err = store.ListAwards(ctx, tx, store.AwardQuery{Filter: store.Public}); err != nil {
			return err
		}
		cities, err := store.ListCities(ctx, tx, store.CityQuery{Filter: store.Public})
		for _, c := range cities {
			d.Cities[c.ID] = c
		}
		return err
	})
	if err != nil {
		return err
	}
	title := i18n.For(langOf(r)).Awards
	p := s.page(r, title, "/awards", crumb(r, title, "/awards"))
	s.render(w, r, http.StatusOK, templates.Awards(p, d))
	return nil
}
