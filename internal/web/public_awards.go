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
	// The page, its count, the names of its awards' cities and the frame in one round trip.
	var (
		f      frame
		rs     store.Reads
		cities []content.City
	)
	f.queue(&rs)
	rs.ListAwards(q, &d.Awards)
	rs.CountAwards(q, &total)
	rs.AwardCityNames(q, &cities) // the links to the cities need no more
	if err := rs.Send(ctx, s.db); err != nil {
		return err
	}
	for _, c := range cities {
		d.Cities[c.ID] = c
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
