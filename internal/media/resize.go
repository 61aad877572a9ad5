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

// resample returns src as a w×h RGBA image. With flatten, src is drawn over white, so that the
// result is opaque and transparent parts look as they did on a white page; without, the alpha is
// kept as it is.
//
// Scaling uses Catmull-Rom, which x/image/draw widens when shrinking: every source pixel contributes,
// so fine detail averages out instead of turning into jagged edges and moiré as it does with
// nearest-neighbour or bilinear sampling. An image of the same size is only copied, which keeps its
// pixels exactly.
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
	} else {
		draw.CatmullRom.Scale(dst, dst.Rect, src, sb, op, nil)
	}
	return dst
}
