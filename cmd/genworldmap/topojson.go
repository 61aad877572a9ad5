package main

import (
	"encoding/json"
	"fmt"
)

// topology is the part of a TopoJSON file (github.com/topojson/topojson-specification) the
// generator reads: quantized, delta-encoded arcs and the geometries that refer to them by index.
type topology struct {
	Type      string              `json:"type"`
	Transform *transform          `json:"transform"`
	Arcs      [][][]float64       `json:"arcs"`
	Objects   map[string]geometry `json:"objects"`
}

type transform struct {
	Scale     [2]float64 `json:"scale"`
	Translate [2]float64 `json:"translate"`
}

type geometry struct {
	Type       string          `json:"type"`
	Arcs       json.RawMessage `json:"arcs"`
	Geometries []geometry      `json:"geometries"`
}

// point is a longitude and latitude in degrees.
type point struct{ Lon, Lat float64 }

// ring is a closed line: its last point equals its first.
type ring []point

// polygon is an outer ring followed by its holes.
type polygon []ring

// decodeArcs undoes the quantization and the delta encoding: with a transform, each position
// after the first of an arc is the difference from the one before, in integer steps of Scale.
func decodeArcs(t topology) [][]point {
	out := make([][]point, len(t.Arcs))
	for i, arc := range t.Arcs {
		pts := make([]point, 0, len(arc))
		var x, y float64
		for j, pos := range arc {
			if len(pos) < 2 {
				continue
			}
			if t.Transform == nil {
				pts = append(pts, point{pos[0], pos[1]})
				continue
			}
			if j == 0 {
				x, y = pos[0], pos[1]
			} else {
				x, y = x+pos[0], y+pos[1]
			}
			pts = append(pts, point{
				x*t.Transform.Scale[0] + t.Transform.Translate[0],
				y*t.Transform.Scale[1] + t.Transform.Translate[1],
			})
		}
		out[i] = pts
	}
	return out
}

// decodeTopology reads a TopoJSON document and returns the polygons of the named object.
func decodeTopology(data []byte, object string) ([]polygon, error) {
	var t topology
	if err := json.Unmarshal(data, &t); err != nil {
		return nil, fmt.Errorf("topojson: %w", err)
	}
	if t.Type != "Topology" {
		return nil, fmt.Errorf("topojson: type %q, want Topology", t.Type)
	}
	g, ok := t.Objects[object]
	if !ok {
		return nil, fmt.Errorf("topojson: no object %q", object)
	}
	return polygons(g, decodeArcs(t))
}

// polygons flattens a geometry (Polygon, MultiPolygon or a collection of them) into polygons;
// other types (points, lines) have no area and are skipped.
func polygons(g geometry, arcs [][]point) ([]polygon, error) {
	var out []polygon
	switch g.Type {
	case "GeometryCollection":
		for _, child := range g.Geometries {
			ps, err := polygons(child, arcs)
			if err != nil {
				return nil, err
			}
			out = append(out, ps...)
		}
	case "Polygon":
		var rings [][]int
		if err := json.Unmarshal(g.Arcs, &rings); err != nil {
			return nil, fmt.Errorf("topojson: polygon arcs: %w", err)
		}
		p, err := stitchPolygon(rings, arcs)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	case "MultiPolygon":
		var polys [][][]int
		if err := json.Unmarshal(g.Arcs, &polys); err != nil {
			return nil, fmt.Errorf("topojson: multipolygon arcs: %w", err)
		}
		for _, rings := range polys {
			p, err := stitchPolygon(rings, arcs)
			if err != nil {
				return nil, err
			}
			out = append(out, p)
		}
	}
	return out, nil
}

func stitchPolygon(rings [][]int, arcs [][]point) (polygon, error) {
	p := make(polygon, 0, len(rings))
	for _, idx := range rings {
		r, err := stitchRing(idx, arcs)
		if err != nil {
			return nil, err
		}
		p = append(p, r)
	}
	return p, nil
}

// stitchRing joins arcs into one ring. A negative index ~i means arc i walked backwards; each arc
// after the first starts where the one before ended, so its first point is dropped.
func stitchRing(idx []int, arcs [][]point) (ring, error) {
	var r ring
	for k, i := range idx {
		reversed := i < 0
		if reversed {
			i = ^i
		}
		if i >= len(arcs) {
			return nil, fmt.Errorf("topojson: arc %d of %d", i, len(arcs))
		}
		a := arcs[i]
		seg := make([]point, len(a))
		for j := range a {
			if reversed {
				seg[j] = a[len(a)-1-j]
			} else {
				seg[j] = a[j]
			}
		}
		if k > 0 && len(seg) > 0 {
			seg = seg[1:]
		}
		r = append(r, seg...)
	}
	return r, nil
}
