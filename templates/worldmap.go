package templates

import (
	"fmt"

	"twincities/internal/content"
	"twincities/internal/worldmap"
)

// The inset of the home page's map: the Urals and the Volga around Perm, where the Russian
// partner cities are too close together to tell apart on the world map.
var insetArea = worldmap.Area{LonMin: 45, LonMax: 67, LatMin: 53, LatMax: 60}

// permPlace is Perm, named in the page's language; its marker links to the about page.
func permPlace(p Page) worldmap.Place {
	perm := worldmap.Perm
	perm.Name, perm.Href = p.Msg.MapPerm, p.Href("/about")
	return perm
}

// mapPlace is a city as the map draws it; ok is false for a city without coordinates.
func mapPlace(p Page, c content.City) (worldmap.Place, bool) {
	if c.Location == nil {
		return worldmap.Place{}, false
	}
	return worldmap.Place{
		Name: c.Name.In(p.Lang), Href: p.Href(cityPath(c)),
		Lon: c.Location.Lon, Lat: c.Location.Lat, Ended: !c.IsCurrent(),
	}, true
}

// mapPlaces are the cities that have coordinates, twin cities first.
func mapPlaces(p Page, groups ...[]content.City) []worldmap.Place {
	var out []worldmap.Place
	for _, cities := range groups {
		for _, c := range cities {
			if pl, ok := mapPlace(p, c); ok {
				out = append(out, pl)
			}
		}
	}
	return out
}

// worldMap is the home page's map of every place.
func worldMap(p Page, places []worldmap.Place) worldmap.Map {
	return worldmap.World(permPlace(p), places, insetArea)
}

// insetMap is the close view around Perm.
func insetMap(p Page, places []worldmap.Place) worldmap.Map {
	return worldmap.Region(permPlace(p), places, insetArea)
}

// locatorMap is a city page's small map and its description.
func locatorMap(p Page, c content.City) (worldmap.Map, string) {
	pl, _ := mapPlace(p, c)
	m := worldmap.Locator(permPlace(p), pl)
	if m.Home.Name != "" {
		return m, fmt.Sprintf(p.Msg.LocatorDescPerm, pl.Name)
	}
	return m, fmt.Sprintf(p.Msg.LocatorDesc, pl.Name)
}

// markerClass tells active relationships from ended ones (the shape tells them apart as well).
func markerClass(pl worldmap.Place) string {
	if pl.Ended {
		return "map-city map-ended"
	}
	return "map-city map-active"
}
