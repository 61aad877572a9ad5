package main

import (
	"reflect"
	"strings"
	"testing"
)

// tiny is a hand-written topology: two quantized, delta-encoded arcs that together close a
// rectangle (10 20, 11 20, 11 22, 10 22), used forwards by one polygon and backwards by another,
// inside a collection that also holds a point, which has no area.
const tiny = `{
	"type": "Topology",
	"transform": {"scale": [0.5, 2], "translate": [10, 20]},
	"arcs": [
		[[0, 0], [2, 0], [0, 1]],
		[[2, 1], [-2, 0], [0, -1]]
	],
	"objects": {
		"land": {"type": "GeometryCollection", "geometries": [
			{"type": "Polygon", "arcs": [[0, 1]]},
			{"type": "MultiPolygon", "arcs": [[[-2, -1]]]},
			{"type": "Point", "coordinates": [1, 1]}
		]}
	}
}`

func TestDecodeTopology(t *testing.T) {
	polys, err := decodeTopology([]byte(tiny), "land")
	if err != nil {
		t.Fatal(err)
	}
	forwards := ring{{10, 20}, {11, 20}, {11, 22}, {10, 22}, {10, 20}}
	backwards := ring{{10, 20}, {10, 22}, {11, 22}, {11, 20}, {10, 20}}
	want := []polygon{{forwards}, {backwards}}
	if !reflect.DeepEqual(polys, want) {
		t.Errorf("decoded\n%v\nwant\n%v", polys, want)
	}
}

func TestDecodeTopologyErrors(t *testing.T) {
	for name, doc := range map[string]string{
		"not JSON":      `{`,
		"not topology":  `{"type": "FeatureCollection"}`,
		"no object":     `{"type": "Topology", "objects": {}}`,
		"arc past end":  `{"type": "Topology", "arcs": [[[0, 0]]], "objects": {"land": {"type": "Polygon", "arcs": [[3]]}}}`,
		"arcs mistyped": `{"type": "Topology", "arcs": [], "objects": {"land": {"type": "Polygon", "arcs": [1]}}}`,
	} {
		if _, err := decodeTopology([]byte(doc), "land"); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

// TestLandPath: a ring becomes one closed path in relative steps, and a ring wholly south of the
// map (Antarctica) is left out.
func TestLandPath(t *testing.T) {
	square := polygon{{{0, 0}, {20, 0}, {20, 20}, {0, 20}, {0, 0}}}
	antarctica := polygon{{{0, -70}, {20, -70}, {20, -80}, {0, -80}, {0, -70}}}
	got := landPath([]polygon{square, antarctica}, 0.5, 4)
	if strings.Count(got, "M") != 1 || !strings.HasPrefix(got, "M500 ") || !strings.HasSuffix(got, "z") {
		t.Errorf("path %q, want one closed ring starting at x 500", got)
	}
	if !strings.Contains(got, "l56 0") {
		t.Errorf("path %q: the first step should be 20° east, 56 units", got)
	}
}
