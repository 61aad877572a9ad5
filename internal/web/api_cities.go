package web

import (
	"net/http"

	"github.com/go-chi/chi/v5"

	"twincities/internal/content"
	"twincities/internal/store"
)

// apiCity is a city in the API's lists: its facts, without the story, the sources, the gallery
// and the timeline, which its own address adds.
type apiCity struct {
	ID          int64     `json:"id"`
	Kind        string    `json:"kind"`
	Slug        string    `json:"slug"`
	Name        apiText   `json:"name"`
	Country     string    `json:"country"`
	Region      *apiText  `json:"region"`
	Location    *apiPoint `json:"location"`
	TimeZone    *string   `json:"time_zone"`
	Since       *apiDate  `json:"since"`
	Status      string    `json:"status"`
	StatusDate  *apiDate  `json:"status_date"`
	StatusNote  *apiText  `json:"status_note"`
	Summary     *apiText  `json:"summary"`
	Website     *string   `json:"website"`
	PermPageURL *string   `json:"perm_page_url"`
	Image       *apiImage `json:"image"`
	Links       apiLinks  `json:"links"`
}

// apiCityDetail is a city at its own address: everything its page shows.
type apiCityDetail struct {
	apiCity
	Body    *apiText    `json:"body"`
	Sources []apiSource `json:"sources"`
	Gallery []apiPhoto  `json:"gallery"`
	Events  []apiEvent  `json:"events"`
	Awards  []apiAward  `json:"awards"`
}

func (s *Server) cityOf(c content.City) apiCity {
	a := apiCity{ID: c.ID, Kind: string(c.Kind), Slug: c.Slug, Name: apiText{RU: c.Name.RU, EN: c.Name.EN},
		Country: c.Country, Region: textOf(c.Region), TimeZone: stringOf(c.TimeZone), Since: dateOf(c.Since),
		Status: string(c.Status), StatusDate: dateOf(c.StatusDate), StatusNote: textOf(c.StatusNote),
		Summary: textOf(c.Summary), Website: stringOf(c.Website), PermPageURL: stringOf(c.PermPage),
		Image: s.imageOf(c.Picture), Links: s.links(cityPublicPath(c), cityAPIPath(c))}
	if c.Location != nil {
		a.Location = &apiPoint{Latitude: c.Location.Lat, Longitude: c.Location.Lon}
	}
	return a
}

// apiCities handles "GET /api/v1/cities": the published cities, filtered by kind, status and
// country.
func (s *Server) apiCities(w http.ResponseWriter, r *http.Request) error {
	kind, err := queryChoice(r, "kind", string(content.Twin), string(content.Partner))
	if err != nil {
		return err
	}
	status, err := queryChoice(r, "status", string(content.Active), string(content.Suspended), string(content.Ended))
	if err != nil {
		return err
	}
	country, err := queryCountry(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	cities, err := store.ListCities(ctx, s.db, store.CityQuery{Kind: content.CityKind(kind), Filter: store.Public})
	if err != nil {
		return err
	}
	items := []apiCity{}
	for _, c := range cities {
		if (status == "" || string(c.Status) == status) && (country == "" || c.Country == country) {
			items = append(items, s.cityOf(c))
		}
	}
	return writeAPI(w, r, listOf(items))
}

// apiCity handles "GET /api/v1/cities/{kind}/{slug}": a published city with its story, sources,
// gallery, timeline and awards, all from one moment of the database.
func (s *Server) apiCity(w http.ResponseWriter, r *http.Request) error {
	kind, slug := content.CityKind(chi.URLParam(r, "kind")), chi.URLParam(r, "slug")
	if !kind.Valid() || !validSlug(slug) {
		return errNotFound
	}
	ctx := r.Context()
	var (
		city   content.City
		events []content.Event
		awards []content.Award
	)
	err := store.ReadSnapshot(ctx, s.db, func(tx store.DBTX) (err error) {
		if city, err = store.CityBySlug(ctx, tx, kind, slug, true); err != nil {
			return err
		}
		if events, err = store.ListEvents(ctx, tx, store.EventQuery{CityID: city.ID, Filter: store.Public}); err != nil {
			return err
		}
		awards, err = store.ListAwards(ctx, tx, store.AwardQuery{CityID: city.ID, Filter: store.Public})
		return err
	})
	if err != nil {
		return err
	}
	cities := map[int64]content.City{city.ID: city}
	d := apiCityDetail{apiCity: s.cityOf(city), Body: textOf(city.Body), Sources: sourcesOf(city.Sources),
		Gallery: s.galleryOf(city.Gallery), Events: make([]apiEvent, len(events)), Awards: make([]apiAward, len(awards))}
	for i, e := range events {
		d.Events[i] = s.eventOf(e, cities)
	}
	for i, a := range awards {
		d.Awards[i] = s.awardOf(a, cities)
	}
	return writeAPI(w, r, d)
}
