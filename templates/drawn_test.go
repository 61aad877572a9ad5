package templates

import (
	"context"
	"io"
	"strings"
	"testing"

	"twincities/internal/content"
	"twincities/internal/i18n"
	"twincities/internal/worldmap"
)

// render is c's markup on a page of its own.
func render(t *testing.T, c interface {
	Render(context.Context, io.Writer) error
}) string {
	t.Helper()
	var b strings.Builder
	if err := c.Render(context.Background(), &b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// The maps drawn once (drawn) are the maps as drawn afresh, for every change of what they show:
// a remembered map must never stand for another, as the key names all it depends on.
func TestDrawnMapsAreTheMapsDrawnAfresh(t *testing.T) {
	city := func(name string, lon, lat float64, status content.Status) content.City {
		return content.City{Kind: content.Twin, Slug: strings.ToLower(name), Name: content.Text{RU: name + " (ru)", EN: name},
			Location: &content.GeoPoint{Lon: lon, Lat: lat}, Status: status}
	}
	renamed := func(c content.City, name string) content.City {
		c.Name = content.Text{RU: name + " (ru)", EN: name}
		return c
	}
	variants := [][]content.City{
		{city("Duisburg", 6.76, 51.43, content.Active), city("Oxford", -1.26, 51.75, content.Active)},
		{city("Duisburg", 6.76, 51.43, content.Ended), city("Oxford", -1.26, 51.75, content.Active)},                   // a status changed
		{city("Duisburg", 6.76, 51.43, content.Active), city("Oxford", -1.26, 51.80, content.Active)},                  // a place moved
		{city("Duisburg", 6.76, 51.43, content.Active), renamed(city("Oxford", -1.26, 51.75, content.Active), "Oxon")}, // renamed
		{city("Duisburg", 6.76, 51.43, content.Active)},                                                                // one fewer
		{city("Yekaterinburg", 60.6, 56.84, content.Active), city("Ufa", 55.97, 54.74, content.Active)},                // the inset
	}
	seen := map[string]bool{}
	for _, l := range content.Langs {
		p := Page{Lang: l, Msg: i18n.For(l)}
		for i, cities := range variants {
			places := mapPlaces(p, cities)
			got, want := render(t, homeMap(p, HomeData{TwinCities: cities})), render(t, homeMapDrawing(p, places))
			if got != want || !strings.Contains(got, "<svg") {
				t.Errorf("%s, variant %d: the home map remembered differs from the map drawn afresh", l, i)
			}
			seen[got] = true
			for _, c := range cities {
				pl, _ := mapPlace(p, c)
				card := render(t, cardPicture(p, c, false))
				if fresh := render(t, cardMap(worldmap.Locator(permPlace(p), pl))); !strings.Contains(card, fresh) {
					t.Errorf("%s, variant %d: %s's card map remembered differs from the map drawn afresh", l, i, c.Name.EN)
				}
			}
		}
	}
	if len(seen) != 2*len(variants) {
		t.Errorf("%d different home maps for %d variants in two languages", len(seen), 2*len(variants))
	}
}
