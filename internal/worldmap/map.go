package worldmap

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"twincities/internal/content"
)

// Perm is where every arc starts: the point the site measures distances from.
var Perm = Place{Lon: content.PermLocation.Lon, Lat: content.PermLocation.Lat}

// Place is a city to mark: its name in the page's language, the address of its page, where it is,
// and whether the relationship has ended (or is suspended), which changes the marker's shape.
type Place struct {
	Name     string
	Href     string
	Lon, Lat float64
	Ended    bool
}

// Marker is a place projected onto the map, with its label placed.
type Marker struct {
	Place
	X, Y  float64
	Label Label
}

// Arc is a great-circle line from Perm to a place, as an SVG path's d attribute.
type Arc struct {
	D     string
	Ended bool
}

// Map is everything one SVG map draws, in map units: the view (a crop of the world), the sizes
// that keep markers and text the same on screen whatever the crop, Perm, the places and the arcs.
type Map struct {
	View    Box
	Font    float64 // the labels' font size
	Radius  float64 // a marker's radius
	Stroke  float64 // the arcs' width
	Home    Marker
	Markers []Marker
	Arcs    []Arc
}

// ViewBox is the SVG viewBox attribute.
func (m Map) ViewBox() string {
	return strings.Join([]string{f1(m.View.X), f1(m.View.Y), f1(m.View.W), f1(m.View.H)}, " ")
}

// Land is the land path (the whole world: the viewBox crops it).
func (m Map) Land() string { return Land() }

// Diamond is the path of an active relationship's marker: a diamond around x, y.
func (m Map) Diamond(x, y float64) string {
	r := m.Radius * 1.3
	return fmt.Sprintf("M%s %sl%s %s %s %s %s %s z", f1(x), f1(y-r), f1(r), f1(r), f1(-r), f1(r), f1(-r), f1(-r))
}

// Square is the path of an ended relationship's marker: a square around x, y.
func (m Map) Square(x, y float64) string {
	r := m.Radius * 0.9
	return fmt.Sprintf("M%s %sh%sv%sh%sz", f1(x-r), f1(y-r), f1(2*r), f1(2*r), f1(-2*r))
}

// F formats a map coordinate for an attribute.
func (m Map) F(v float64) string { return f1(v) }

// Area is a range of longitudes and latitudes in degrees.
type Area struct{ LonMin, LonMax, LatMin, LatMax float64 }

// Contains reports whether the place lies in the area; the zero Area contains nothing.
func (a Area) Contains(p Place) bool {
	return a != Area{} && p.Lon >= a.LonMin && p.Lon <= a.LonMax && p.Lat >= a.LatMin && p.Lat <= a.LatMax
}

// World is the whole map with every place, cropped to the places and Perm with a margin so that
// the partners fill the width, but never narrower than half the world. Places in unlabelled (the
// area a closer view shows) keep their markers and arcs but get no names: on the world map they
// crowd around Perm, and the closer view names them.
func World(home Place, places []Place, unlabelled Area) Map {
	x0, y0, x1, y1 := bounds(append([]Place{home}, places...))
	view := Box{0, 0, Width, Height}
	if len(places) > 0 {
		w := math.Max(x1-x0+160, Width/2)
		cx := (x0 + x1) / 2
		view.X = math.Max(0, math.Min(Width-w, cx-w/2))
		view.W = w
		h := math.Max(y1-y0+120, w*0.42)
		cy := (y0 + y1) / 2
		view.Y = math.Max(0, math.Min(Height-h, cy-h/2))
		view.H = math.Min(h, Height)
	}
	m := build(view, home, places, 1.4, unlabelled)
	return m
}

// Region is a crop of an area around Perm with the places that lie inside it: the partner cities
// in Russia, too close together on the world map.
func Region(home Place, places []Place, a Area) Map {
	x0, y0 := Project(a.LonMin, a.LatMax)
	x1, y1 := Project(a.LonMax, a.LatMin)
	view := Box{x0, y0, x1 - x0, y1 - y0}
	var in []Place
	for _, p := range places {
		if a.Contains(p) {
			in = append(in, p)
		}
	}
	return build(view, home, in, 3.0, Area{})
}

// Locator is a small map of one city: a crop around it and Perm when both fit in a region of a
// continent's size, otherwise the city alone in a crop around it. The home marker is then
// left out: its Name is empty and the arcs are none.
func Locator(home, city Place) Map {
	const span = 30.0 // degrees of longitude the crop shows around the city alone
	if math.Abs(home.Lon-city.Lon) <= 45 && math.Abs(home.Lat-city.Lat) <= 25 {
		lonMin, lonMax := math.Min(home.Lon, city.Lon)-8, math.Max(home.Lon, city.Lon)+8
		latMin, latMax := math.Min(home.Lat, city.Lat)-5, math.Max(home.Lat, city.Lat)+5
		lonMin, lonMax = widen(lonMin, lonMax, span)
		x0, y0 := Project(lonMin, latMax)
		x1, y1 := Project(lonMax, latMin)
		view := fitRatio(Box{x0, y0, x1 - x0, y1 - y0}, 0.6)
		return build(view, home, []Place{city}, 3.2, Area{})
	}
	x, y := Project(city.Lon, city.Lat)
	w := span / 360 * Width
	view := fitRatio(Box{x - w/2, y - w*0.3, w, w * 0.6}, 0.6)
	return build(view, Place{}, []Place{city}, 3.2, Area{})
}

// widen makes a longitude range at least span wide, around its middle.
func widen(lo, hi, span float64) (float64, float64) {
	if hi-lo >= span {
		return lo, hi
	}
	mid := (lo + hi) / 2
	return mid - span/2, mid + span/2
}

// fitRatio grows a box, around its centre, to height/width = ratio, then keeps it on the map.
func fitRatio(b Box, ratio float64) Box {
	cx, cy := b.X+b.W/2, b.Y+b.H/2
	if b.H/b.W < ratio {
		b.H = b.W * ratio
	} else {
		b.W = b.H / ratio
	}
	b.X, b.Y = cx-b.W/2, cy-b.H/2
	b.Y = math.Max(0, math.Min(Height-b.H, b.Y))
	return b
}

// build projects the places into a view; sizes scale with the view's width so that markers and
// text look the same on screen at any crop (scale enlarges them for small maps).
func build(view Box, home Place, places []Place, scale float64, unlabelled Area) Map {
	k := view.W / Width * scale
	m := Map{View: view, Font: 15 * k, Radius: 5 * k, Stroke: 1.6 * k}
	var all []Marker
	if home.Name != "" {
		x, y := Project(home.Lon, home.Lat)
		m.Home = Marker{Place: home, X: x, Y: y}
		all = append(all, m.Home)
	}
	for _, p := range places {
		x, y := Project(p.Lon, p.Lat)
		all = append(all, Marker{Place: p, X: x, Y: y})
		if home.Name != "" {
			m.Arcs = append(m.Arcs, Arc{D: arc(home, p), Ended: p.Ended})
		}
	}
	placeLabels(all, view, m.Font, m.Radius*1.3, func(mk Marker) bool { return mk.Place != home && unlabelled.Contains(mk.Place) })
	if home.Name != "" {
		m.Home, all = all[0], all[1:]
	}
	m.Markers = all
	return m
}

// bounds is the projected bounding box of places.
func bounds(places []Place) (x0, y0, x1, y1 float64) {
	x0, y0, x1, y1 = math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, p := range places {
		x, y := Project(p.Lon, p.Lat)
		x0, y0, x1, y1 = math.Min(x0, x), math.Min(y0, y), math.Max(x1, x), math.Max(y1, y)
	}
	return x0, y0, x1, y1
}

// greatCircle samples the shortest way over the globe from a to b and projects it; where the
// line crosses the antimeridian it is broken into two pieces.
func greatCircle(a, b Place) string {
	const steps = 48
	va, vb := unit(a), unit(b)
	omega := math.Acos(math.Max(-1, math.Min(1, va[0]*vb[0]+va[1]*vb[1]+va[2]*vb[2])))
	var sb strings.Builder
	prevX := math.NaN()
	for i := 0; i <= steps; i++ {
		t := float64(i) / steps
		var v [3]float64
		if omega < 1e-9 {
			v = va
		} else {
			s1, s2 := math.Sin((1-t)*omega)/math.Sin(omega), math.Sin(t*omega)/math.Sin(omega)
			for j := range v {
				v[j] = s1*va[j] + s2*vb[j]
			}
		}
		lat := math.Asin(math.Max(-1, math.Min(1, v[2]))) * 180 / math.Pi
		lon := math.Atan2(v[1], v[0]) * 180 / math.Pi
		x, y := Project(lon, lat)
		if math.IsNaN(prevX) || math.Abs(x-prevX) > Width/2 {
			sb.WriteString("M")
		} else {
			sb.WriteString("L")
		}
		sb.WriteString(f1(x) + " " + f1(y))
		prevX = x
	}
	return sb.String()
}

func unit(p Place) [3]float64 {
	lat, lon := p.Lat*math.Pi/180, p.Lon*math.Pi/180
	return [3]float64{math.Cos(lat) * math.Cos(lon), math.Cos(lat) * math.Sin(lon), math.Sin(lat)}
}

// f1 writes a number with at most one decimal: enough for a map a few hundred pixels wide.
func f1(v float64) string {
	return strconv.FormatFloat(math.Round(v*10)/10, 'f', -1, 64)
}
