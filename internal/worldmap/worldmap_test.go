package worldmap

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

// TestProjection: Perm and Duisburg land where a world map has them: both in the northern part
// of the map, Perm about 160° E of the left edge's 180° W, Duisburg just east of the middle.
func TestProjection(t *testing.T) {
	if Height < 450 || Height > 550 {
		t.Errorf("the map is %.0f high, want about half its width", Height)
	}
	for _, c := range []struct {
		name                   string
		lon, lat               float64
		xMin, xMax, yMin, yMax float64
	}{
		{"Perm", 56.25, 58.01, 650, 663, 0.15 * Height, 0.3 * Height},
		{"Duisburg", 6.76, 51.43, 515, 523, 0.2 * Height, 0.33 * Height},
		{"Louisville", -85.76, 38.25, 258, 264, 0.3 * Height, 0.45 * Height},
		{"the equator at Greenwich", 0, 0, 499.9, 500.1, 0.55 * Height, 0.7 * Height},
	} {
		x, y := Project(c.lon, c.lat)
		if x < c.xMin || x > c.xMax || y < c.yMin || y > c.yMax {
			t.Errorf("%s projects to %.1f, %.1f; want x in [%.0f, %.0f], y in [%.0f, %.0f]", c.name, x, y, c.xMin, c.xMax, c.yMin, c.yMax)
		}
	}
	if _, y := Project(0, 90); y != 0 {
		t.Errorf("the pole is at y %.1f, want clamped to the top", y)
	}
	if _, y := Project(0, -90); math.Abs(y-Height) > 1e-9 {
		t.Errorf("the south pole is at y %.1f, want clamped to the bottom %.1f", y, Height)
	}
}

// TestLabelsNeverOverlap places the labels of random markers, many times: no shown label
// overlaps another label or any marker, and every shown label stays inside the view.
func TestLabelsNeverOverlap(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	names := []string{"Perm", "Duisburg", "Oxford", "Qingdao", "Екатеринбург", "Уфа", "Amnéville-les-Thermes", "Kazan"}
	shown, total := 0, 0
	for round := 0; round < 300; round++ {
		view := Box{rng.Float64() * 100, rng.Float64() * 100, 200 + rng.Float64()*800, 100 + rng.Float64()*400}
		size, radius := 8+rng.Float64()*10, 3+rng.Float64()*4
		ms := make([]Marker, 1+rng.IntN(25))
		for i := range ms {
			ms[i] = Marker{Place: Place{Name: names[rng.IntN(len(names))]},
				X: view.X + rng.Float64()*view.W, Y: view.Y + rng.Float64()*view.H}
		}
		placeLabels(ms, view, size, radius, nil)
		for i, a := range ms {
			total++
			if !a.Label.Shown {
				continue
			}
			shown++
			if !a.Label.Box.inside(view) {
				t.Fatalf("round %d: label %d %+v outside the view %+v", round, i, a.Label.Box, view)
			}
			for j, b := range ms {
				if b.Label.Shown && j != i && a.Label.Box.overlaps(b.Label.Box) {
					t.Fatalf("round %d: labels %d and %d overlap: %+v, %+v", round, i, j, a.Label.Box, b.Label.Box)
				}
				mark := Box{b.X - radius, b.Y - radius, 2 * radius, 2 * radius}
				if a.Label.Box.overlaps(mark) {
					t.Fatalf("round %d: label %d covers marker %d", round, i, j)
				}
			}
		}
	}
	// A placement that shows nothing never overlaps either: most labels must be shown.
	if shown < total/2 {
		t.Errorf("only %d of %d labels shown", shown, total)
	}
}

// TestLabelBeside: a lone marker's label goes to its right, starting just past the marker, with
// its baseline near the marker's middle.
func TestLabelBeside(t *testing.T) {
	ms := []Marker{{Place: Place{Name: "Perm"}, X: 100, Y: 100}}
	placeLabels(ms, Box{0, 0, 400, 200}, 10, 4, nil)
	l := ms[0].Label
	if !l.Shown || l.Anchor != "start" || l.X <= 104 || l.X > 110 || math.Abs(l.Y-100) > 5 {
		t.Errorf("label %+v, want to the right of the marker", l)
	}
}

// TestGreatCircle: the arc starts at Perm and ends at the city, and from Perm to Louisville it
// goes north, over the Arctic, as the shortest way does.
func TestGreatCircle(t *testing.T) {
	louisville := Place{Lon: -85.76, Lat: 38.25}
	d := greatCircle(Perm, louisville)
	px, py := Project(Perm.Lon, Perm.Lat)
	lx, ly := Project(louisville.Lon, louisville.Lat)
	if !strings.HasPrefix(d, "M"+f1(px)+" "+f1(py)+"L") || !strings.HasSuffix(d, "L"+f1(lx)+" "+f1(ly)) {
		t.Errorf("the arc %.40s…%s does not run from Perm to Louisville", d, d[len(d)-20:])
	}
	perm := Perm
	perm.Name = "Perm"
	m := World(perm, []Place{{Name: "Louisville", Lon: louisville.Lon, Lat: louisville.Lat}}, Area{})
	if len(m.Arcs) != 1 {
		t.Fatalf("%d arcs", len(m.Arcs))
	}
	_, northernmost := Project(0, 70)
	var minY = math.Inf(1)
	for _, part := range strings.Split(strings.NewReplacer("M", " ", "L", " ").Replace(d), "  ") {
		f := strings.Fields(part)
		for i := 1; i < len(f); i += 2 {
			var y float64
			if _, err := fmt.Sscan(f[i], &y); err == nil {
				minY = math.Min(minY, y)
			}
		}
	}
	if minY > northernmost {
		t.Errorf("the arc reaches y %.1f at most, want north of 70° (%.1f)", minY, northernmost)
	}
}

// TestLocator: Perm is on a nearby city's locator map and left out of a far city's.
func TestLocator(t *testing.T) {
	perm := Perm
	perm.Name = "Perm"
	near := Locator(perm, Place{Name: "Kazan", Lon: 49.12, Lat: 55.79})
	if near.Home.Name == "" || len(near.Arcs) != 1 || len(near.Markers) != 1 {
		t.Errorf("Kazan's locator: home %q, %d arcs, %d markers", near.Home.Name, len(near.Arcs), len(near.Markers))
	}
	far := Locator(perm, Place{Name: "Duisburg", Lon: 6.76, Lat: 51.43})
	if far.Home.Name != "" || len(far.Arcs) != 0 || len(far.Markers) != 1 {
		t.Errorf("Duisburg's locator: home %q, %d arcs, %d markers", far.Home.Name, len(far.Arcs), len(far.Markers))
	}
	x, y := Project(6.76, 51.43)
	if !(Box{x, y, 0, 0}).inside(far.View) {
		t.Errorf("Duisburg at %.0f, %.0f is outside its view %+v", x, y, far.View)
	}
}

// TestLandIsEmbedded: the generated land path is there and is a path.
func TestLandIsEmbedded(t *testing.T) {
	l := Land()
	if len(l) < 5000 || !strings.HasPrefix(l, "M") || !strings.HasSuffix(l, "z") {
		t.Errorf("the land path is %d bytes: %.20q…", len(l), l)
	}
}

// TestArcRemembersWithinItsBound checks that a remembered arc is the one greatCircle draws, and
// that the memory stays within arcCacheSize however many different places are drawn.
func TestArcRemembersWithinItsBound(t *testing.T) {
	for i := range arcCacheSize + 100 {
		p := Place{Lon: float64(i%359) - 179, Lat: float64(i%149)/2 - 37}
		want := greatCircle(Perm, p)
		if got := arc(Perm, p); got != want {
			t.Fatalf("arc to %v = %q, want %q", p, got, want)
		}
		if got := arc(Perm, p); got != want {
			t.Fatalf("remembered arc to %v = %q, want %q", p, got, want)
		}
		arcs.Lock()
		n := len(arcs.m)
		arcs.Unlock()
		if n > arcCacheSize {
			t.Fatalf("%d arcs remembered, more than %d", n, arcCacheSize)
		}
	}
}
