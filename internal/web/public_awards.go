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
	var total int
	// Issue 12, growth: a page of the list and the count, of one moment; the names of the cities of
	// the awards on the page only. The description still tells of them all.
	q := store.AwardQuery{Filter: store.Public, Limit: listPageSize, Offset: (page - 1) * listPageSize}
	// The page, its count and the frame in one round trip; the names of the awards' cities, which
	// depend on the page, in a second when the page names any.
	var (
		f  frame
		rs store.Reads
	)
	f.queue(&rs)
	rs.ListAwards(q, &d.Awards)
	rs.CountAwards(q, &total)
	if err := rs.Send(ctx, s.db); err != nil {
		return err
	}
	if ids := awardCities(d.Awards); len(ids) > 0 {
		cities, err := store.PublicCityNamesOf(ctx, s.db, ids) // the links to the cities need no more
		if err != nil {
			return err
		}
		for _, c := range cities {
			d.Cities[c.ID] = c
		}
	}
	var err error
	if d.Pager, err = makePager(r.URL, page, total, listPageSize); err != nil {
		return err
	}
	title := i18n.For(langOf(r)).Awards
	p := s.pageWith(r, &f, title, "/awards", crumb(r, title, "/awards"))
	keepPage(&p, page)
	if len(d.Awards) > 0 {
		p.Description = trimWords(i18n.Typeset(p.Lang, fmt.Sprintf(p.Msg.DescAwards, total, d.Awards[0].Title.In(p.Lang))), descriptionLength)
	}
	p.Share.Data = append(p.Share.Data, schemaorg.Awards(title, d.Awards, p.Lang, plainSummary))
	s.render(w, r, http.StatusOK, templates.Awards(p, d))
	return nil
}

// awardCities is the IDs of the cities the awards are of, each once.
func awardCities(awards []content.Award) []int64 {
	ids := []int64{}
	seen := map[int64]bool{}
	for _, a := range awards {
		if a.CityID != nil && !seen[*a.CityID] {
			seen[*a.CityID] = true
			ids = append(ids, *a.CityID)
		}
	}
	return ids
}
