package web

import (
	"net/http"

	"twincities/internal/content"
	"twincities/internal/store"
)

// apiEvent is an event of a timeline: a city's, or Perm's international relations as a whole.
type apiEvent struct {
	ID      int64       `json:"id"`
	Date    apiDate     `json:"date"`
	Title   apiText     `json:"title"`
	Text    *apiText    `json:"text"`
	Link    *string     `json:"link"`
	City    *apiCityRef `json:"city"`
	Sources []apiSource `json:"sources"`
	Image   *apiImage   `json:"image"`
	Links   apiLinks    `json:"links"`
}

// eventOf is e as the API shows it; cities are the published cities, by ID. An event is on its
// city's page, or on the page about the department when it belongs to no city.
func (s *Server) eventOf(e content.Event, cities map[int64]content.City) apiEvent {
	a := apiEvent{ID: e.ID, Date: *dateOf(e.Date), Title: apiText{RU: e.Title.RU, EN: e.Title.EN}, Text: textOf(e.Text),
		Link: stringOf(e.Link), City: s.cityRef(e.CityID, cities), Sources: sourcesOf(e.Sources), Image: s.imageOf(e.Picture),
		Links: s.links("/"+string(content.About), "")}
	if a.City != nil {
		a.Links = apiLinks{RU: a.City.Links.RU, EN: a.City.Links.EN}
	}
	return a
}

// apiEvents handles "GET /api/v1/events": every published event, oldest first, filtered by year.
func (s *Server) apiEvents(w http.ResponseWriter, r *http.Request) error {
	year, err := queryYear(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	var events []content.Event
	cities := map[int64]content.City{}
	err = store.ReadSnapshot(ctx, s.db, func(tx store.DBTX) (err error) {
		if events, err = store.ListEvents(ctx, tx, store.EventQuery{Filter: store.Public}); err != nil {
			return err
		}
		return publicCities(ctx, tx, cities)
	})
	if err != nil {
		return err
	}
	items := []apiEvent{}
	for _, e := range events {
		if year == 0 || e.Date.Year() == year {
			items = append(items, s.eventOf(e, cities))
		}
	}
	return writeAPI(w, r, listOf(items))
}
