// Package worldmap draws Perm's relations as an SVG map on the server: the land of Natural Earth
// (converted once by cmd/genworldmap into land.svgpath), Perm and its partner cities as linked
// markers, great-circle arcs from Perm, and labels placed so that none overlaps another.
package worldmap

import "math"

// The world map's coordinate system: the Miller cylindrical projection, which keeps the shapes of
// Europe, Russia, Asia and America recognisable at mid and high latitudes without the runaway
// stretching of Mercator, cropped to the latitudes where people live.
const (
	// Width is the width of the whole world in map units (the SVG viewBox).
	Width = 1000.0
	// LatTop and LatBottom crop the map: Antarctica and the high Arctic are left out.
	LatTop    = 84.0
	LatBottom = -58.0
)

// Height is the height of the whole world in map units.
var Height = (miller(LatTop) - miller(LatBottom)) * Width / (2 * math.Pi)

func miller(lat float64) float64 {
	return 1.25 * math.Log(math.Tan(math.Pi/4+0.4*lat*math.Pi/180))
}

// Project turns a longitude and latitude in degrees into map units: x from 0 (180° W) to Width,
// y from 0 (LatTop) down to Height (LatBottom). Latitudes outside the crop are clamped to it.
func Project(lon, lat float64) (x, y float64) {
	lat = math.Max(LatBottom, math.Min(LatTop, lat))
	x = (lon + 180) / 360 * Width
	y = (miller(LatTop) - miller(lat)) * Width / (2 * math.Pi)
	return x, y
}
