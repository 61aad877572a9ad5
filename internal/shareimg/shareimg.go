// Package shareimg draws the picture a shared link shows in messengers and social networks (Open
// Graph's og:image): 1200×630 pixels, the city's photo cropped to cover, or, when it has none, a
// map of it and Perm; under it a band in the site's red with the name in both languages, set in
// the Go fonts, which cover Cyrillic and are compiled in (no font file is read, none fetched).
package shareimg

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"sync"

	"golang.org/x/image/draw"
	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// Version changes whenever the drawing changes, so that the hash of every image changes with it
// and messengers fetch the new one.
const Version = "2"

// The picture's size, and the band's height at its foot.
const (
	Width  = 1200
	Height = 630
	band   = 230
	margin = 60
)

// The colours: the site's red from Perm's coat of arms, and the text on it.
var (
	red   = color.RGBA{0x8c, 0x1c, 0x22, 0xff}
	white = color.RGBA{0xff, 0xff, 0xff, 0xff}
	pale  = color.RGBA{0xf3, 0xd6, 0xd8, 0xff} // the kicker on the red: 6.7:1 against it
	sea   = color.RGBA{0xe4, 0xec, 0xf2, 0xff}
	land  = color.RGBA{0xc9, 0xd3, 0xc5, 0xff}
	blue  = color.RGBA{0x1a, 0x5a, 0xa6, 0xff} // the site's links and current relationships' markers
	muted = color.RGBA{0x4d, 0x55, 0x59, 0xff} // ended relationships' markers
)

// Card is what one picture shows.
type Card struct {
	Kicker string      // the small line on top of the band, such as "Пермь — город-побратим · Perm — twin city"
	Title  string      // the name in Russian, large
	Second string      // the name in English, under it
	Photo  image.Image // the photo to show; nil: the map
	Map    Map         // the map, when there is no photo
}

// Render draws the card and encodes it as PNG.
func Render(c Card) ([]byte, error) {
	img := Draw(c)
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(&buf, img); err != nil {
		return nil, fmt.Errorf("shareimg: encode: %w", err)
	}
	return buf.Bytes(), nil
}

// Draw draws the card.
func Draw(c Card) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, Width, Height))
	top := image.Rect(0, 0, Width, Height-band)
	if c.Photo != nil {
		cover(img, top, c.Photo)
	} else {
		drawMap(img, top, c.Map)
	}
	draw.Draw(img, image.Rect(0, Height-band, Width, Height), image.NewUniform(red), image.Point{}, draw.Src)
	fs := loadFonts()
	y := Height - band + 56
	text(img, fs.regular, c.Kicker, 30, 20, y, pale)
	y += 82
	text(img, fs.bold, c.Title, 72, 36, y, white)
	y += 62
	text(img, fs.regular, c.Second, 46, 26, y, white)
	return img
}

// cover scales src to fill r, cropping what overflows equally on both sides.
func cover(dst *image.RGBA, r image.Rectangle, src image.Image) {
	sb := src.Bounds()
	sw, sh := float64(sb.Dx()), float64(sb.Dy())
	rw, rh := float64(r.Dx()), float64(r.Dy())
	crop := sb
	if sw/sh > rw/rh { // wider than the box: cut the sides
		w := int(sh * rw / rh)
		crop.Min.X += (sb.Dx() - w) / 2
		crop.Max.X = crop.Min.X + w
	} else { // taller: cut the top and bottom, a little more of the bottom, where the band was
		h := int(sw * rh / rw)
		crop.Min.Y += (sb.Dy() - h) * 2 / 5
		crop.Max.Y = crop.Min.Y + h
	}
	draw.ApproxBiLinear.Scale(dst, r, src, crop, draw.Src, nil)
}

// fonts are the two Go fonts, parsed once.
type fonts struct{ regular, bold *opentype.Font }

var loadFonts = sync.OnceValue(func() fonts {
	return fonts{regular: mustParse(goregular.TTF), bold: mustParse(gobold.TTF)}
})

func mustParse(ttf []byte) *opentype.Font {
	f, err := opentype.Parse(ttf)
	if err != nil {
		panic("shareimg: the compiled-in Go font does not parse: " + err.Error())
	}
	return f
}

// text draws s on one line from the left margin with its baseline at y, at size, or smaller down
// to minSize so that it fits the width; what still does not fit ends in an ellipsis.
func text(dst *image.RGBA, f *opentype.Font, s string, size, minSize float64, y int, c color.Color) {
	if s == "" {
		return
	}
	maxW := fixed.I(Width - 2*margin)
	var face font.Face
	for ; ; size -= 2 {
		face = newFace(f, size)
		if font.MeasureString(face, s) <= maxW || size <= minSize {
			break
		}
	}
	if font.MeasureString(face, s) > maxW {
		r := []rune(s)
		for len(r) > 1 && font.MeasureString(face, string(r)+"…") > maxW {
			r = r[:len(r)-1]
		}
		s = string(r) + "…"
	}
	d := font.Drawer{Dst: dst, Src: image.NewUniform(c), Face: face, Dot: fixed.P(margin, y)}
	d.DrawString(s)
}

func newFace(f *opentype.Font, size float64) font.Face {
	face, err := opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingFull})
	if err != nil {
		panic("shareimg: a face of the Go font: " + err.Error())
	}
	return face
}
