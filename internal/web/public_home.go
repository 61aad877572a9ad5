package web

import (
	"errors"
	"net/http"
	"strings"

	"twincities/internal/content"
	"twincities/internal/store"
	"twincities/templates"
)

// homeAwards is how many of the latest awards the home page shows.
const homeAwards = 3

// home handles "GET /{lang}/": what the site is, the counts, the cities, the latest awards.
func (s *Server) home(w http.ResponseWriter, r *http.Request) error {
	ctx, l := r.Context(), langOf(r)
	var d templates.HomeData
	err := store.ReadSnapshot(ctx, s.db, func(tx store.DBTX) error {
		counts, err := store.PublicCounts(ctx, tx)
		if err != nil {
			return err
		}
		d.Counts = templates.Counts(counts)
		cities, err := store.ListCities(ctx, tx, store.CityQuery{Filter: store.Public})
		if err != nil {
			return err
		}
		for _, c := range currentFirst(cities) {
			if c.Kind == content.Twin {
				d.TwinCities = append(d.TwinCities, c)
			} else {
				d.PartnerCities = append(d.PartnerCities, c)
			}
		}
		if d.LatestAwards, err = store.ListAwards(ctx, tx, store.AwardQuery{Filter: store.Public, Limit: homeAwards}); err != nil {
			return err
		}
		about, err := store.PageByKey(ctx, tx, content.About)
		if err != nil && !errors.Is(err, store.ErrNotFound) {
			return err
		}
		d.Intro = firstParagraph(about.Body.In(l))
		return nil
	})
	if err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, templates.Home(s.page(r, "", ""), d))
	return nil
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
