package media

import (
	"image"

	"golang.org/x/image/draw"
)

// fit returns the size of a w×h image scaled to fit a maxW×maxH box with its aspect ratio kept. It
// never enlarges: an image that already fits keeps its size, since enlarging adds bytes but no
// detail. Sides are rounded to the nearest pixel and are never less than one.
func fit(w, h, maxW, maxH int) (int, int) {
	if w <= maxW && h <= maxH {
		return w, h
	}
	// Which side is the limit is decided by comparing w/h with maxW/maxH, cross-multiplied in int64
	// so that neither rounding nor overflow can pick the wrong side.
	if int64(w)*int64(maxH) >= int64(h)*int64(maxW) {
		return maxW, max(1, roundDiv(int64(h)*int64(maxW), int64(w)))
	}
	return max(1, roundDiv(int64(w)*int64(maxH), int64(h))), maxH
}

// roundDiv returns a/b rounded to the nearest integer, for positive a and b.
func roundDiv(a, b int64) int {
	return int((2*a + b) / (2 * b))
}

// band is how many rows, or columns, each call of the scaler covers. The scaler's scratch buffer
// holds 32 bytes for every pixel of its output width times its input height; scaling a band at a
// time keeps that to a few megabytes however large the picture. Smaller bands only add calls.
const band = 16

// resample returns src as a w×h RGBA image. With flatten, src is drawn over white, so that the
// result is opaque and transparent parts look as they did on a white page; without, the alpha is
// kept as it is.
//
// Scaling uses Catmull-Rom, which x/image/draw widens when shrinking: every source pixel contributes,
// so fine detail averages out instead of turning into jagged edges and moiré as it does with
// nearest-neighbour or bilinear sampling. An image of the same size is only copied, which keeps its
// pixels exactly.
//
// The kernel is separable, and it is applied in two passes a band at a time: first each band of
// rows is narrowed to w columns, into an intermediate image w wide and as high as src, then each
// band of its columns is shortened to h rows. Called once on the whole image, x/image/draw would
// allocate a scratch buffer of 32 bytes × w × the source height (358 MB for a 7000×7000 picture);
// the intermediate costs 8 bytes × w × the source height, and keeps 16 bits per channel, so the
// result differs from a single pass by a rounding at most.
func resample(src image.Image, w, h int, flatten bool) *image.RGBA {
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	op := draw.Src
	if flatten {
		for i := range dst.Pix {
			dst.Pix[i] = 0xFF
		}
		op = draw.Over
	}
	sb := src.Bounds()
	if sb.Dx() == w && sb.Dy() == h {
		draw.Draw(dst, dst.Rect, src, sb.Min, op)
		return dst
	}
	sw, sh := sb.Dx(), sb.Dy()
	if y, ok := src.(*image.YCbCr); ok && (y.SubsampleRatio == image.YCbCrSubsampleRatio411 || y.SubsampleRatio == image.YCbCrSubsampleRatio410) {
		// x/image/draw has no fast path for the 4:1:1 and 4:1:0 JPEGs some older cameras write,
		// and reads them through At, which allocates for every pixel read; reading through
		// RGBA64At allocates nothing.
		src = rgba64Only{y}
	}
	mid := image.NewRGBA64(image.Rect(0, 0, w, sh))
	rows := draw.CatmullRom.NewScaler(w, band, sw, band)
	for y := 0; y < sh; y += band {
		n := min(band, sh-y)
		// A band narrower than the others is scaled by a scaler of its own, which Scale makes.
		rows.Scale(mid, image.Rect(0, y, w, y+n), src, image.Rect(sb.Min.X, sb.Min.Y+y, sb.Max.X, sb.Min.Y+y+n), draw.Src, nil)
	}
	columns := draw.CatmullRom.NewScaler(band, h, band, sh)
	for x := 0; x < w; x += band {
		n := min(band, w-x)
		r := image.Rect(x, 0, x+n, sh)
		// The band as a sub-image of its own: drawing Over, the scaler checks whether its source is
		// opaque, which on the whole intermediate would scan it once per band.
		columns.Scale(dst, image.Rect(x, 0, x+n, h), mid.SubImage(r), r, op, nil)
	}
	return dst
}

// rgba64Only hides every method of an image but those of image.RGBA64Image, so that x/image/draw
// takes its RGBA64At path for it.
type rgba64Only struct{ image.RGBA64Image }
