package templates

import (
	"context"
	"io"
	"strconv"
	"strings"

	"github.com/a-h/templ"

	"twincities/internal/memo"
	"twincities/internal/worldmap"
)

// drawnMaps remembers the maps' markup by what they show. A map is a pure function of its places
// and words, so a remembered one is never stale, whatever staff change; projecting the world,
// placing the labels and writing the paths again on every uncached view was a good part of the
// home page's render (issue 12). At most 8 MB: a map over 128 KB is drawn each time.
var drawnMaps = memo.New(8 << 20)

// drawn is c, drawn once for each key: key must name everything c's markup depends on. c is drawn
// in a context of its own, so that nothing of the page's (templ's once-only parts, a request
// cancelled half-way) enters what is remembered.
func drawn(key string, c templ.Component) templ.Component {
	return templ.ComponentFunc(func(ctx context.Context, w io.Writer) error {
		markup, err := drawnMaps.GetErr(key, func() (string, error) {
			var b strings.Builder
			err := c.Render(context.Background(), &b)
			return b.String(), err
		})
		if err != nil {
			return err
		}
		_, err = io.WriteString(w, markup)
		return err
	})
}

// mapKey names, for drawn, a map of kind with its words and the places it shows: each one's name,
// link, position and state, Perm first.
func mapKey(kind string, words []string, home worldmap.Place, places ...worldmap.Place) string {
	var b strings.Builder
	b.WriteString(kind)
	for _, w := range words {
		b.WriteString("\x00" + w)
	}
	for _, pl := range append([]worldmap.Place{home}, places...) {
		b.WriteString("\x00" + pl.Name + "\x00" + pl.Href + "\x00")
		b.WriteString(strconv.FormatFloat(pl.Lon, 'g', -1, 64) + " " + strconv.FormatFloat(pl.Lat, 'g', -1, 64))
		if pl.Ended {
			b.WriteString(" ended")
		}
	}
	return b.String()
}
