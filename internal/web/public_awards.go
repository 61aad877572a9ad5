package web

import (
	"fmt"
	"net/http"

	"twincities/internal/content"
	"twincities/internal/i18n"
	"twincities/internal/schemaorg"
	"twincities/internal/store"
	"twincities/templates"
)

// listAwards handles "GET /{lang}/awards": every published award, newest first.
func (s *Server) listAwards(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	page, ok := s.publicPageParam(w, r)
	if !ok {
		return nil
	}
	d := templates.AwardsData{Cities: map[int64]content.City{}}
	err := store.ReadSnapshot(ctx, s.db, func(tx store.DBTX) error {
		var err error
		if d.Awards, err = store.ListAwards(ctx, tx, store.AwardQuery{Filter: store.Public}); err != nil {
			return err
		}
		cities, err := store.PublicCityNames(ctx, tx) // the links to the cities need no more
		for _, c := range cities {
			d.Cities[c.ID] = c
		}
		return err
	})
	if err != nil {
		return err
	}
	// Issue 12, growth: a page of the list; the description still tells of them all.
	total := len(d.Awards)
	if d.Pager, err = makePager(r.URL, page, total, listPageSize); err != nil {
		return err
	}
	d.Awards = pageItems(d.Awards, d.Pager)
	title := i18n.For(langOf(r)).Awards
	p := s.page(r, title, "/awards", crumb(r, title, "/awards"))
	keepPage(&p, page)
	if len(d.Awards) > 0 {
		p.Description = trimWords(i18n.Typeset(p.Lang, fmt.Sprintf(p.Msg.DescAwards, total, d.Awards[0].Title.In(p.Lang))), descriptionLength)
	}
	p.Share.Data = append(p.Share.Data, schemaorg.Awards(title, d.Awards, p.Lang, plainSummary))
	s.render(w, r, http.StatusOK, templates.Awards(p, d))
	return nil
}
