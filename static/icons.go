package static

import (
	"bytes"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"strconv"
)

// IconSizes are the sizes of the site's PNG icons: favicon, Apple touch icon, and the web app
// manifest's two.
var IconSizes = []int{32, 180, 192, 512}

// The icon is drawn here, in code, from the same geometry as img/icon.svg (a white П on the red of
// Perm's coat of arms, on a 64-unit grid), so there are no binary copies to keep in step.
var (
	iconRed   = color.RGBA{R: 0x8c, G: 0x1c, B: 0x22, A: 0xff}
	iconWhite = color.RGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xff}
	// iconBars are the three bars of the П, in 64ths: x0, y0, x1, y1.
	iconBars = [][4]int{{16, 14, 48, 21}, {16, 21, 24, 50}, {40, 21, 48, 50}}
)

// drawIcon renders the icon as a PNG of size × size pixels. It fills the whole square, as
// "maskable" icons must: the platform rounds the corners itself.
func drawIcon(size int) []byte {
	img := image.NewRGBA(image.Rect(0, 0, size, size))
	draw.Draw(img, img.Bounds(), &image.Uniform{C: iconRed}, image.Point{}, draw.Src)
	scale := func(v int) int { return v * size / 64 }
	for _, b := range iconBars {
		r := image.Rect(scale(b[0]), scale(b[1]), scale(b[2]), scale(b[3]))
		draw.Draw(img, r, &image.Uniform{C: iconWhite}, image.Point{}, draw.Src)
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		panic("static: encode icon: " + err.Error()) // encoding an in-memory RGBA image cannot fail
	}
	return buf.Bytes()
}

// iconName is the manifest name of the icon of one size.
func iconName(size int) string { return "img/icon-" + strconv.Itoa(size) + ".png" }

// IconPath is the URL of the PNG icon of one size.
func IconPath(size int) string { return Path(iconName(size)) }
