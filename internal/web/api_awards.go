package web

import (
	"context"
	"net/http"

	"twincities/internal/content"
	"twincities/internal/store"
)

// apiAward is an award Perm received for its international relations.
type apiAward struct {
	ID          int64       `json:"id"`
	Date        apiDate     `json:"date"`
	Title       apiText     `json:"title"`
	AwardedBy   *apiText    `json:"awarded_by"`
	Place       *apiText    `json:"place"`
	Description *apiText    `json:"description"`
	City        *apiCityRef `json:"city"`
	Sources     []apiSource `json:"sources"`
	Image       *apiImage   `json:"image"`
	Links       apiLinks    `json:"links"`
}

// awardOf is a as the API shows it; cities are the published cities, by ID.
func (s *Server) awardOf(a content.Award, cities map[int64]content.City) apiAward {
	return apiAward{ID: a.ID, Date: *dateOf(a.Date), Title: apiText{RU: a.Title.RU, EN: a.Title.EN},
		AwardedBy: textOf(a.AwardedBy), Place: textOf(a.Place), Description: textOf(a.Description),
		City: s.cityRef(a.CityID, cities), Sources: sourcesOf(a.Sources), Image: s.imageOf(a.Picture),
		Links: s.links("/awards", "")}
}

// apiAwards handles "GET /api/v1/awards": every published award, newest first, filtered by year.
func (s *Server) apiAwards(w http.ResponseWriter, r *http.Request) error {
	year, err := queryYear(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	var awards []content.Award
	cities := map[int64]content.City{}
	err = store.ReadSnapshot(ctx, s.db, func(tx store.DBTX) (err error) {
		if awards, err = store.ListAwards(ctx, tx, store.AwardQuery{Filter: store.Public}); err != nil {
			return err
		}
		return publicCities(ctx, tx, cities)
	})
	if err != nil {
		return err
	}
	items := []apiAward{}
	for _, a := range awards {
		if year == 0 || a.Date.Year() == year {
			items = append(items, s.awardOf(a, cities))
		}
	}
	return writeAPI(w, r, listOf(items))
}

// publicCities fills byID with the published cities: those an event or an award may name.
func publicCities(ctx context.Context, tx store.DBTX, byID map[int64]content.City) error {
	cities, err := store.ListCities(ctx, tx, store.CityQuery{Filter: store.Public})
	for _, c := range cities {
		byID[c.ID] = c
	}
	return err
}
