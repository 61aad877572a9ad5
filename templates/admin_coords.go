package templates

import (
	"math"
	"strconv"
	"strings"

	"twincities/internal/content"
	"twincities/internal/i18n"
	"twincities/internal/worldmap"
)

// CoordsMap is the small map under a city's latitude and longitude (issue 11, friendly inputs):
// where the coordinates in the form are, drawn on the server from the site's own world map, and
// the same in words ("51.43° N, 6.76° E — Germany").
type CoordsMap struct {
	Map  worldmap.Map
	Text string
}

// coordsMap reads the form's latitude and longitude as the form's parser does (a decimal comma
// or point); ok is false when either is empty, unreadable or out of range.
func coordsMap(f Form) (CoordsMap, bool) {
	lat, okLat := readDegrees(f.Value("latitude"), 90)
	lon, okLon := readDegrees(f.Value("longitude"), 180)
	if !okLat || !okLon {
		return CoordsMap{}, false
	}
	l := f.Admin.Lang
	perm := worldmap.Perm
	perm.Name = i18n.For(l).MapPerm
	city := worldmap.Place{Name: f.Value("name_" + string(l)), Lat: lat, Lon: lon}
	text := degrees(lat, l, f.Admin.North, f.Admin.South) + ", " + degrees(lon, l, f.Admin.East, f.Admin.West)
	if c := f.Value("country"); c != "" {
		if name := i18n.CountryName(c, l); name != "" {
			text += " — " + name
		}
	}
	return CoordsMap{Map: worldmap.Locator(perm, city), Text: text}, true
}

// readDegrees reads an angle of at most limit degrees either way.
func readDegrees(s string, limit float64) (float64, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, false
	}
	v, err := strconv.ParseFloat(strings.Replace(s, ",", ".", 1), 64)
	if err != nil || math.IsNaN(v) || math.Abs(v) > limit {
		return 0, false
	}
	return v, true
}

// degrees writes an angle with two decimals and its side of the world: "51.43° N", in Russian
// with a decimal comma, "51,43° с. ш.".
func degrees(v float64, l content.Lang, positive, negative string) string {
	side := positive
	if v < 0 {
		side, v = negative, -v
	}
	n := strconv.FormatFloat(v, 'f', 2, 64)
	if l == content.RU {
		n = strings.Replace(n, ".", ",", 1)
	}
	return n + "°\u00a0" + side
}
