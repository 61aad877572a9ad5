package worldmap

import "unicode/utf8"

// Box is a rectangle in map units.
type Box struct{ X, Y, W, H float64 }

// overlaps reports whether two boxes share any area.
func (b Box) overlaps(o Box) bool {
	return b.X < o.X+o.W && o.X < b.X+b.W && b.Y < o.Y+o.H && o.Y < b.Y+b.H
}

// inside reports whether b lies wholly within o.
func (b Box) inside(o Box) bool {
	return b.X >= o.X && b.Y >= o.Y && b.X+b.W <= o.X+o.W && b.Y+b.H <= o.Y+o.H
}

// Label is where a marker's name is written: X, Y is the text's anchor point on its baseline.
type Label struct {
	X, Y   float64
	Anchor string // the SVG text-anchor: start, middle or end
	Box    Box    // the space the text takes, as estimated
	Shown  bool   // false when every position around the marker was taken: the list still names it
}

// textWidth estimates the width of a name in the system sans-serif font: 0.62 of the size per
// character, and a little more, is on the wide side for Latin and Cyrillic text (DejaVu Sans, the
// widest common system font, was measured in the browser test), which errs towards fewer overlaps.
func textWidth(s string, size float64) float64 {
	return (float64(utf8.RuneCountInString(s))*0.62 + 0.3) * size
}

// placeLabels is a greedy placement: in order, each label takes the first position around its
// marker (right, left, above, below, then the diagonals) whose box stays inside the view and
// overlaps neither a label placed before it nor any marker; a label that fits nowhere is not
// shown, and neither is one that skip says to leave out. The first markers (Perm first) get the
// best places.
func placeLabels(ms []Marker, view Box, size, radius float64, skip func(Marker) bool) {
	var taken []Box
	for _, m := range ms {
		taken = append(taken, Box{m.X - radius, m.Y - radius, 2 * radius, 2 * radius})
	}
	gap := radius + size*0.25
	for i := range ms {
		m := &ms[i]
		if skip != nil && skip(*m) {
			continue
		}
		// The height of a line of text, from the top of its tallest letter to the bottom of
		// its descenders, is about 1.2 of the size, the baseline about 0.95 below the top.
		w, h := textWidth(m.Name, size), size*1.2
		// Each candidate: the box's top-left corner, the anchor and the baseline point.
		type cand struct {
			box    Box
			anchor string
			x, y   float64
		}
		base := size * 0.95
		cands := []cand{
			{Box{m.X + gap, m.Y - h/2, w, h}, "start", m.X + gap, m.Y - h/2 + base},
			{Box{m.X - gap - w, m.Y - h/2, w, h}, "end", m.X - gap, m.Y - h/2 + base},
			{Box{m.X - w/2, m.Y - gap - h, w, h}, "middle", m.X, m.Y - gap - h + base},
			{Box{m.X - w/2, m.Y + gap, w, h}, "middle", m.X, m.Y + gap + base},
			{Box{m.X + gap*0.7, m.Y - gap*0.7 - h, w, h}, "start", m.X + gap*0.7, m.Y - gap*0.7 - h + base},
			{Box{m.X + gap*0.7, m.Y + gap*0.7, w, h}, "start", m.X + gap*0.7, m.Y + gap*0.7 + base},
			{Box{m.X - gap*0.7 - w, m.Y - gap*0.7 - h, w, h}, "end", m.X - gap*0.7, m.Y - gap*0.7 - h + base},
			{Box{m.X - gap*0.7 - w, m.Y + gap*0.7, w, h}, "end", m.X - gap*0.7, m.Y + gap*0.7 + base},
		}
		for _, c := range cands {
			if !c.box.inside(view) || overlapsAny(c.box, taken) {
				continue
			}
			m.Label = Label{X: c.x, Y: c.y, Anchor: c.anchor, Box: c.box, Shown: true}
			taken = append(taken, c.box)
			break
		}
	}
}

func overlapsAny(b Box, boxes []Box) bool {
	for _, o := range boxes {
		if b.overlaps(o) {
			return true
		}
	}
	return false
}
