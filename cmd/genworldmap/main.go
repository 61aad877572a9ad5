// Command genworldmap converts Natural Earth's land shapes, as the npm package world-atlas ships
// them (countries-110m.json, TopoJSON), into the one SVG path the site draws its maps with
// (internal/worldmap/land.svgpath). It runs once, by hand, through `make worldmap`; the result is
// committed, so the site fetches nothing at run time and needs neither npm nor this program.
//
// What it does: decodes the topology's "land" object (the countries merged), drops what lies
// wholly south of the map's crop (Antarctica), projects every point with worldmap.Project,
// simplifies each ring (Douglas–Peucker) to what a map about 1000 px wide can show, rounds to
// whole map units, drops rings smaller than a few square units, and writes the rings as one path
// in relative coordinates, which keeps the numbers short.
package main

import (
	"flag"
	"fmt"
	"math"
	"os"
	"strconv"
	"strings"

	"twincities/internal/worldmap"
)

func main() {
	in := flag.String("in", "node_modules/world-atlas/countries-110m.json", "the TopoJSON file of world-atlas")
	out := flag.String("out", "internal/worldmap/land.svgpath", "where to write the SVG path")
	tolerance := flag.Float64("tolerance", 0.6, "simplification tolerance in map units (the map is 1000 wide)")
	minArea := flag.Float64("min-area", 4, "rings with a smaller area in square map units are dropped")
	flag.Parse()
	if err := run(*in, *out, *tolerance, *minArea); err != nil {
		fmt.Fprintln(os.Stderr, "genworldmap:", err)
		os.Exit(1)
	}
}

func run(in, out string, tolerance, minArea float64) error {
	data, err := os.ReadFile(in)
	if err != nil {
		return err
	}
	polys, err := decodeTopology(data, "land")
	if err != nil {
		return err
	}
	path := landPath(polys, tolerance, minArea)
	if err := os.WriteFile(out, []byte(path+"\n"), 0o644); err != nil {
		return err
	}
	fmt.Printf("wrote %s: %d bytes\n", out, len(path)+1)
	return nil
}

// xy is a projected point in map units.
type xy struct{ X, Y float64 }

// landPath projects, simplifies and writes every ring of the polygons as one SVG path.
func landPath(polys []polygon, tolerance, minArea float64) string {
	var b strings.Builder
	for _, p := range polys {
		for _, r := range p {
			if southOfMap(r) {
				continue
			}
			pts := make([]xy, len(r))
			shift := 0.0
			for i, q := range r {
				// A ring that crosses the antimeridian (Fiji, Chukotka) is kept in one piece:
				// its far side continues past the map's edge, where the viewBox clips it.
				if i > 0 {
					if d := q.Lon - r[i-1].Lon; d > 180 {
						shift -= 360
					} else if d < -180 {
						shift += 360
					}
				}
				x, y := worldmap.Project(q.Lon+shift, q.Lat)
				pts[i] = xy{x, y}
			}
			pts = simplify(pts, tolerance)
			pts = roundPoints(pts)
			if len(pts) < 4 || math.Abs(area(pts)) < minArea {
				continue
			}
			writeRing(&b, pts)
		}
	}
	return b.String()
}

func southOfMap(r ring) bool {
	for _, q := range r {
		if q.Lat > worldmap.LatBottom {
			return false
		}
	}
	return true
}

// simplify is Douglas–Peucker: it keeps the points that stray more than tolerance from the line
// between the points kept around them.
func simplify(pts []xy, tolerance float64) []xy {
	if len(pts) < 3 {
		return pts
	}
	keep := make([]bool, len(pts))
	keep[0], keep[len(pts)-1] = true, true
	var walk func(i, j int)
	walk = func(i, j int) {
		best, at := 0.0, -1
		for k := i + 1; k < j; k++ {
			if d := distToSegment(pts[k], pts[i], pts[j]); d > best {
				best, at = d, k
			}
		}
		if at >= 0 && best > tolerance {
			keep[at] = true
			walk(i, at)
			walk(at, j)
		}
	}
	walk(0, len(pts)-1)
	out := make([]xy, 0, len(pts))
	for i, p := range pts {
		if keep[i] {
			out = append(out, p)
		}
	}
	return out
}

func distToSegment(p, a, b xy) float64 {
	dx, dy := b.X-a.X, b.Y-a.Y
	l2 := dx*dx + dy*dy
	if l2 == 0 {
		return math.Hypot(p.X-a.X, p.Y-a.Y)
	}
	t := math.Max(0, math.Min(1, ((p.X-a.X)*dx+(p.Y-a.Y)*dy)/l2))
	return math.Hypot(p.X-(a.X+t*dx), p.Y-(a.Y+t*dy))
}

// roundPoints rounds to whole units and drops the repeats rounding makes.
func roundPoints(pts []xy) []xy {
	out := make([]xy, 0, len(pts))
	for _, p := range pts {
		q := xy{math.Round(p.X), math.Round(p.Y)}
		if len(out) > 0 && out[len(out)-1] == q {
			continue
		}
		out = append(out, q)
	}
	return out
}

// area is the shoelace formula: signed, in square map units.
func area(pts []xy) float64 {
	s := 0.0
	for i := range pts {
		j := (i + 1) % len(pts)
		s += pts[i].X*pts[j].Y - pts[j].X*pts[i].Y
	}
	return s / 2
}

// writeRing writes "M x y" and then relative steps, without the closing point ("z" closes).
func writeRing(b *strings.Builder, pts []xy) {
	if pts[len(pts)-1] == pts[0] {
		pts = pts[:len(pts)-1]
	}
	fmt.Fprintf(b, "M%s %s", num(pts[0].X), num(pts[0].Y))
	b.WriteString("l")
	for i := 1; i < len(pts); i++ {
		dx, dy := pts[i].X-pts[i-1].X, pts[i].Y-pts[i-1].Y
		if i > 1 && dx >= 0 {
			b.WriteByte(' ')
		}
		b.WriteString(num(dx))
		if dy >= 0 {
			b.WriteByte(' ')
		}
		b.WriteString(num(dy))
	}
	b.WriteString("z")
}

func num(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
