package worldmap

import "sync"

// arcCacheSize bounds the remembered arcs: a few times the cities a grown site has (issue 12
// generates 1,000), so a page never computes an arc twice, while coordinates that change or
// arrive from many edits cannot grow the memory without end.
const arcCacheSize = 4096

// arcKey is what an arc depends on: its two ends.
type arcKey struct{ aLon, aLat, bLon, bLat float64 }

// arcs remembers the great circles already drawn. An arc is a pure function of its two ends, so a
// remembered one is never stale whatever staff change; drawing one took most of the home page's
// render (issue 12: 48 points of trigonometry and number formatting an arc, an arc a city, on
// every uncached view).
var arcs = struct {
	sync.Mutex
	m map[arcKey]string
}{m: map[arcKey]string{}}

// arc is greatCircle(a, b), drawn once for each pair of ends.
func arc(a, b Place) string {
	k := arcKey{a.Lon, a.Lat, b.Lon, b.Lat}
	arcs.Lock()
	d, ok := arcs.m[k]
	arcs.Unlock()
	if ok {
		return d
	}
	d = greatCircle(a, b)
	arcs.Lock()
	if len(arcs.m) >= arcCacheSize {
		// Past the bound the memory starts over: simpler than an LRU, and only a flood of
		// changed coordinates gets here.
		clear(arcs.m)
	}
	arcs.m[k] = d
	arcs.Unlock()
	return d
}
