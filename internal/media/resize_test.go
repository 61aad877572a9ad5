package media

import (
	"fmt"
	"image"
	"image/color"
	"runtime"
	"testing"

	"golang.org/x/image/draw"
)

// gradientWithAlpha is a w×h picture whose every channel, alpha too, changes smoothly: scaling it
// never overshoots, so nothing is clamped between resample's two passes.
func gradientWithAlpha(w, h int) *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.SetNRGBA(x, y, color.NRGBA{
				R: uint8(x * 255 / w), G: uint8(y * 255 / h), B: uint8((x + y) * 255 / (w + h)), A: uint8(255 - x*200/w),
			})
		}
	}
	return img
}

// onePass is what resample did before it worked in bands: one call of the scaler on the whole
// image.
func onePass(src image.Image, w, h int, flatten bool) *image.RGBA {
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	op := draw.Src
	if flatten {
		for i := range dst.Pix {
			dst.Pix[i] = 0xFF
		}
		op = draw.Over
	}
	draw.CatmullRom.Scale(dst, dst.Rect, src, src.Bounds(), op, nil)
	return dst
}

func TestResampleInBandsMatchesOnePass(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		sw, sh int
		w, h   int
	}{
		// Sides that are whole numbers of bands, and sides that leave a narrower band at the end.
		{"bands fit", 1000, 640, 480, 320},
		{"bands left over", 999, 701, 480, 337},
		// Hardly shrunk, the kernel is at its sharpest.
		{"nearly the same size", 999, 701, 998, 700},
		{"tall", 90, 2003, 35, 800},
	}
	for _, tt := range tests {
		src := gradientWithAlpha(tt.sw, tt.sh)
		for _, flatten := range []bool{false, true} {
			want, got := onePass(src, tt.w, tt.h, flatten), resample(src, tt.w, tt.h, flatten)
			differ := 0
			for i := range want.Pix {
				d := int(got.Pix[i]) - int(want.Pix[i])
				if d < -1 || d > 1 {
					t.Fatalf("%s, flatten %v: byte %d is %d, one pass gives %d", tt.name, flatten, i, got.Pix[i], want.Pix[i])
				}
				if d != 0 {
					differ++
				}
			}
			// Rounding the intermediate to 16 bits changes a byte only where the exact value
			// falls right at a half.
			if differ > len(want.Pix)/100 {
				t.Errorf("%s, flatten %v: %d of %d bytes differ by one", tt.name, flatten, differ, len(want.Pix))
			}
		}
	}
}

// TestResampleMemory is not parallel: it measures what resample allocates, which other tests
// running at the same time would add to.
func TestResampleMemory(t *testing.T) {
	const sw, sh, w, h = 1500, 1000, 800, 533
	r := image.Rect(0, 0, sw, sh)
	// Every type the decoders return.
	for _, src := range []image.Image{
		image.NewGray(r), image.NewGray16(r), image.NewRGBA(r), image.NewRGBA64(r), image.NewNRGBA(r),
		image.NewNRGBA64(r), image.NewPaletted(r, color.Palette{color.Black}), image.NewCMYK(r),
		image.NewNYCbCrA(r, image.YCbCrSubsampleRatio420),
		image.NewYCbCr(r, image.YCbCrSubsampleRatio444), image.NewYCbCr(r, image.YCbCrSubsampleRatio422),
		image.NewYCbCr(r, image.YCbCrSubsampleRatio420), image.NewYCbCr(r, image.YCbCrSubsampleRatio440),
		image.NewYCbCr(r, image.YCbCrSubsampleRatio411), image.NewYCbCr(r, image.YCbCrSubsampleRatio410),
	} {
		runtime.GC()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		resample(src, w, h, true)
		runtime.ReadMemStats(&after)
		// The intermediate (8 bytes × w × sh), the result (4 bytes × w × h), and a megabyte or two
		// of scratch and weights; one pass would take a scratch buffer of 32 bytes × w × sh
		// besides, and reading pixels through At would allocate for each.
		limit := uint64(8*w*sh + 4*w*h + 2<<20)
		if got := after.TotalAlloc - before.TotalAlloc; got > limit {
			name := fmt.Sprintf("%T", src)
			if y, ok := src.(*image.YCbCr); ok {
				name += " " + y.SubsampleRatio.String()
			}
			t.Errorf("scaling a %d×%d %s to %d×%d allocated %d bytes, want at most %d", sw, sh, name, w, h, got, limit)
		}
	}
}
