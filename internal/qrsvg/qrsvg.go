// Package qrsvg draws QR codes as SVG on the server: one path of the dark modules, which any
// browser shows without JavaScript, images or requests to anyone else, and which stays sharp at
// any size and zoom.
package qrsvg

import (
	"fmt"
	"image/color"
	"strconv"
	"strings"

	"github.com/boombuler/barcode/qr"
)

// QuietZone is the light margin around the code, in modules: readers need it to find the code,
// and ISO/IEC 18004 asks for four.
const QuietZone = 4

// Code is a QR code to draw: Size modules square, quiet zone included, and Path, the SVG path
// data of its dark modules, one unit per module.
type Code struct {
	Size int
	Path string
}

// ViewBox is the value of the viewBox attribute that fits the code and its quiet zone.
func (c Code) ViewBox() string {
	n := strconv.Itoa(c.Size)
	return "0 0 " + n + " " + n
}

// Encode makes the QR code of text, at error correction level M (15% of the code may be
// unreadable): what authenticator apps' own examples use, a balance between a small code and one
// read from a screen with glare.
func Encode(text string) (Code, error) {
	bc, err := qr.Encode(text, qr.M, qr.Auto)
	if err != nil {
		return Code{}, fmt.Errorf("qrsvg: encode: %w", err)
	}
	b := bc.Bounds()
	n := b.Dx()
	dark := func(x, y int) bool {
		return color.GrayModel.Convert(bc.At(b.Min.X+x, b.Min.Y+y)).(color.Gray).Y < 128
	}
	var p strings.Builder
	for y := range n {
		// Each run of dark modules in a row is one rectangle: a few hundred small subpaths
		// instead of one square per module.
		for x := 0; x < n; {
			if !dark(x, y) {
				x++
				continue
			}
			start := x
			for x < n && dark(x, y) {
				x++
			}
			fmt.Fprintf(&p, "M%d %dh%dv1h-%dz", start+QuietZone, y+QuietZone, x-start, x-start)
		}
	}
	return Code{Size: n + 2*QuietZone, Path: p.String()}, nil
}
