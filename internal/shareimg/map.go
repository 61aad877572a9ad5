package shareimg

import (
	"image"
	"image/color"
	"math"
	"strconv"
	"sync"

	"golang.org/x/image/draw"
	"golang.org/x/image/vector"

	"twincities/internal/worldmap"
)

// Map is a map of Perm (Home) and the places to mark, cropped around them all.
type Map struct {
	Home   worldmap.Place
	Places []worldmap.Place
}

// minSpan is the fewest degrees of longitude a map shows, so that a city near Perm still sits in
// a recognisable piece of the continent.
const minSpan = 70.0

// drawMap draws the land of the world map, cropped to cover r around the places, with a line from
// Perm to each place and their markers.
func drawMap(dst *image.RGBA, r image.Rectangle, m Map) {
	draw.Draw(dst, r, image.NewUniform(sea), image.Point{}, draw.Src)
	all := append([]worldmap.Place{m.Home}, m.Places...)
	x0, y0, x1, y1 := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, p := range all {
		x, y := worldmap.Project(p.Lon, p.Lat)
		x0, y0, x1, y1 = math.Min(x0, x), math.Min(y0, y), math.Max(x1, x), math.Max(y1, y)
	}
	// The view: the places with a margin, at least minSpan wide, then grown to r's proportions.
	w := math.Max(x1-x0, minSpan/360*worldmap.Width) * 1.3
	h := math.Max(y1-y0, 0)*1.5 + 60
	ratio := float64(r.Dy()) / float64(r.Dx())
	if h/w > ratio {
		w = h / ratio
	}
	h = w * ratio
	vx, vy := (x0+x1)/2-w/2, (y0+y1)/2-h/2
	vy = math.Max(0, math.Min(worldmap.Height-h, vy))
	k := float64(r.Dx()) / w
	pt := func(x, y float64) (float32, float32) {
		return float32(float64(r.Min.X) + (x-vx)*k), float32(float64(r.Min.Y) + (y-vy)*k)
	}

	z := vector.NewRasterizer(r.Dx(), r.Dy())
	z.DrawOp = draw.Over
	shift := func(x, y float32) (float32, float32) { return x - float32(r.Min.X), y - float32(r.Min.Y) }
	for _, ring := range landRings() {
		for i, p := range ring {
			x, y := shift(pt(p[0], p[1]))
			if i == 0 {
				z.MoveTo(x, y)
			} else {
				z.LineTo(x, y)
			}
		}
		z.ClosePath()
	}
	z.Draw(dst, r, image.NewUniform(land), image.Point{})

	// The lines from Perm, then the markers over them, as on the site's maps: Perm a red circle,
	// current relationships blue diamonds, ended ones hollow squares.
	hx, hy := pt(worldmap.Project(m.Home.Lon, m.Home.Lat))
	for _, p := range m.Places {
		px, py := pt(worldmap.Project(p.Lon, p.Lat))
		line(z, dst, r, hx, hy, px, py, 3, color.RGBA{0x8c, 0x1c, 0x22, 0xb0})
	}
	for _, p := range m.Places {
		px, py := pt(worldmap.Project(p.Lon, p.Lat))
		if p.Ended {
			polygon(z, dst, r, muted, [][2]float32{{px - 10, py - 10}, {px + 10, py - 10}, {px + 10, py + 10}, {px - 10, py + 10}})
			polygon(z, dst, r, white, [][2]float32{{px - 6, py - 6}, {px + 6, py - 6}, {px + 6, py + 6}, {px - 6, py + 6}})
		} else {
			polygon(z, dst, r, white, [][2]float32{{px, py - 16}, {px + 16, py}, {px, py + 16}, {px - 16, py}})
			polygon(z, dst, r, blue, [][2]float32{{px, py - 12}, {px + 12, py}, {px, py + 12}, {px - 12, py}})
		}
	}
	disc(z, dst, r, hx, hy, 15, white)
	disc(z, dst, r, hx, hy, 11, red)
}

// polygon fills the polygon pts, with z, a rasterizer reused to spare its buffer's allocation, (in dst's coordinates) within r.
func polygon(z *vector.Rasterizer, dst *image.RGBA, r image.Rectangle, c color.Color, pts [][2]float32) {
	// Only the polygon's own box is rasterized: a marker is a few hundred pixels, not the map's.
	minX, minY, maxX, maxY := float32(math.Inf(1)), float32(math.Inf(1)), float32(math.Inf(-1)), float32(math.Inf(-1))
	for _, p := range pts {
		minX, minY, maxX, maxY = min(minX, p[0]), min(minY, p[1]), max(maxX, p[0]), max(maxY, p[1])
	}
	box := image.Rect(int(math.Floor(float64(minX))), int(math.Floor(float64(minY))),
		int(math.Ceil(float64(maxX)))+1, int(math.Ceil(float64(maxY)))+1).Intersect(r)
	if box.Empty() {
		return
	}
	z.Reset(box.Dx(), box.Dy())
	z.DrawOp = draw.Over
	ox, oy := float32(box.Min.X), float32(box.Min.Y)
	for i, p := range pts {
		if i == 0 {
			z.MoveTo(p[0]-ox, p[1]-oy)
		} else {
			z.LineTo(p[0]-ox, p[1]-oy)
		}
	}
	z.ClosePath()
	z.Draw(dst, box, image.NewUniform(c), image.Point{})
}

// disc fills a circle.
func disc(z *vector.Rasterizer, dst *image.RGBA, r image.Rectangle, cx, cy, radius float32, c color.Color) {
	const n = 32
	pts := make([][2]float32, n)
	for i := range pts {
		a := 2 * math.Pi * float64(i) / n
		pts[i] = [2]float32{cx + radius*float32(math.Cos(a)), cy + radius*float32(math.Sin(a))}
	}
	polygon(z, dst, r, c, pts)
}

// line draws a straight line of the given width as a thin polygon.
func line(z *vector.Rasterizer, dst *image.RGBA, r image.Rectangle, x0, y0, x1, y1, width float32, c color.Color) {
	dx, dy := x1-x0, y1-y0
	n := float32(math.Hypot(float64(dx), float64(dy)))
	if n == 0 {
		return
	}
	nx, ny := -dy/n*width/2, dx/n*width/2
	polygon(z, dst, r, c, [][2]float32{{x0 + nx, y0 + ny}, {x1 + nx, y1 + ny}, {x1 - nx, y1 - ny}, {x0 - nx, y0 - ny}})
}

// landRings is the world map's land path as rings of absolute map coordinates, read once. The
// path is written as "M x y l dx dy dx dy ... z" (see cmd/genworldmap).
var landRings = sync.OnceValue(func() [][][2]float64 {
	var rings [][][2]float64
	var ring [][2]float64
	var nums []float64
	cmd := byte(0)
	var x, y float64
	flush := func() {
		switch cmd {
		case 'M':
			if len(nums) >= 2 {
				x, y = nums[0], nums[1]
				ring = [][2]float64{{x, y}}
				nums = nums[2:]
				for len(nums) >= 2 { // further pairs after M are lines to
					x, y = nums[0], nums[1]
					ring = append(ring, [2]float64{x, y})
					nums = nums[2:]
				}
			}
		case 'l':
			for len(nums) >= 2 {
				x, y = x+nums[0], y+nums[1]
				ring = append(ring, [2]float64{x, y})
				nums = nums[2:]
			}
		case 'z':
			if len(ring) > 2 {
				rings = append(rings, ring)
			}
			ring = nil
		}
		nums = nums[:0]
	}
	s := worldmap.Land()
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == 'M' || c == 'l' || c == 'z' || c == 'Z':
			flush()
			cmd = c | 0x20
			if c == 'M' {
				cmd = 'M'
			}
			i++
		case c == '-' || c == '.' || c >= '0' && c <= '9':
			j := i + 1
			for j < len(s) && (s[j] == '.' || s[j] >= '0' && s[j] <= '9') {
				j++
			}
			if v, err := strconv.ParseFloat(s[i:j], 64); err == nil {
				nums = append(nums, v)
			}
			i = j
		default:
			i++
		}
	}
	flush()
	if cmd != 'z' && len(ring) > 2 {
		rings = append(rings, ring)
	}
	return rings
})
