package media_test

import (
	"bytes"
	"image"
	"image/color"
	"os"
	"testing"

	"golang.org/x/image/webp"

	"twincities/internal/media"
)

// The two WebP files come from golang.org/x/image's own test data: one lossy, one lossless with an
// alpha channel, the two kinds of WebP browsers and editors save.
func readWebP(t *testing.T, name string) ([]byte, image.Image) {
	t.Helper()
	data, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	img, err := webp.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("the test file itself does not decode: %v", err)
	}
	return data, img
}

// meanDifference is the mean absolute difference per channel between two images of one size,
// compared as non-premultiplied colour.
func meanDifference(a, b image.Image) float64 {
	var sum, n float64
	r := a.Bounds()
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			ca, cb := at(a, x, y), at(b, x, y)
			for _, d := range [][2]uint8{{ca.R, cb.R}, {ca.G, cb.G}, {ca.B, cb.B}} {
				sum += max(float64(d[0])-float64(d[1]), float64(d[1])-float64(d[0]))
				n++
			}
		}
	}
	return sum / n
}

func TestLossyWebP(t *testing.T) {
	t.Parallel()
	data, src := readWebP(t, "blue-purple-pink.lossy.webp")
	b := src.Bounds()
	for _, kind := range []media.Kind{media.Photo, media.Logo} {
		p := process(t, data, kind)
		out := decodeVariant(t, p.Display, "image/jpeg", b.Dx(), b.Dy())
		decodeVariant(t, p.Thumb, "image/jpeg", b.Dx(), b.Dy())
		if d := meanDifference(src, out); d > 4 {
			t.Errorf("kind %d: the output differs from the WebP by %.1f per channel on average", kind, d)
		}
	}
}

func TestLosslessWebPWithAlpha(t *testing.T) {
	t.Parallel()
	data, src := readWebP(t, "gopher-doc.with-alpha.lossless.webp")
	b := src.Bounds()

	p := process(t, data, media.Logo)
	logo := decodeVariant(t, p.Display, "image/png", b.Dx(), b.Dy())
	decodeVariant(t, p.Thumb, "image/png", b.Dx(), b.Dy())
	transparent, clear := 0, image.Point{}
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			want, got := at(src, x, y).A, at(logo, x, y).A
			if got != want {
				t.Fatalf("alpha at (%d, %d) = %d, want %d", x, y, got, want)
			}
			if want == 0 {
				transparent++
				clear = image.Pt(x, y)
			}
		}
	}
	if transparent == 0 {
		t.Fatal("the test file has no transparent pixel; pick one that has")
	}

	p = process(t, data, media.Photo)
	photo := decodeVariant(t, p.Display, "image/jpeg", b.Dx(), b.Dy())
	white := color.NRGBA{R: 255, G: 255, B: 255, A: 255}
	if c := at(photo, clear.X, clear.Y); !near(c, white, 10) {
		t.Errorf("transparent pixel %v as a photo is %v, want white", clear, c)
	}
}
