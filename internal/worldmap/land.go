package worldmap

import (
	_ "embed" // the land path is generated once and committed
	"strings"
)

// land is the world's land as one SVG path in map units, made by cmd/genworldmap from Natural
// Earth via world-atlas (see NOTICE).
//
//go:embed land.svgpath
var land string

// Land returns the land path's d attribute.
func Land() string { return strings.TrimSpace(land) }
