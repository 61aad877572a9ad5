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
	bh, bw := min(band, sh), min(band, w)
	rows := draw.CatmullRom.NewScaler(w, bh, sw, bh)
	for y := 0; y < sh; y += bh {
		n := min(bh, sh-y)
		// A last band narrower than the others is scaled by a scaler of its own, which Scale makes.
		rows.Scale(mid, image.Rect(0, y, w, y+n), src, image.Rect(sb.Min.X, sb.Min.Y+y, sb.Max.X, sb.Min.Y+y+n), draw.Src, nil)
	}
	columns := draw.CatmullRom.NewScaler(bw, h, bw, sh)
	for x := 0; x < w; x += bw {
		n := min(bw, w-x)
		r := image.Rect(x, 0, x+n, sh)
		// The band as a sub-image of its own: drawing Over, the scaler checks whether its source is
		// opaque, which on the whole intermediate would scan it once per band.
		columns.Scale(dst, image.Rect(x, 0, x+n, h), mid.SubImage(r), r, op, nil)
	}
	return dst
}

// resampleMemory is an upper bound of the bytes resample allocates to make a w×h image of a sw×sh
// one; it follows resample step by step. int64 throughout: the header's sizes are only checked
// against MaxPixels, and a product of them times a pixel's bytes overflows 32 bits.
func resampleMemory(sw, sh, w, h int) int64 {
	result := 4 * int64(w) * int64(h)
	if sw == w && sh == h {
		return result
	}
	intermediate := 8 * int64(w) * int64(sh)
	bh, bw := min(band, sh), min(band, w)
	rows := scalerMemory(w, bh, sw, bh)
	if r := sh % bh; r != 0 {
		rows += scalerMemory(w, r, sw, r)
	}
	columns := scalerMemory(bw, h, bw, sh)
	if r := w % bw; r != 0 {
		columns += scalerMemory(r, h, r, sh)
	}
	// Each band's call allocates a little: the sub-image, the scratch buffer's pool entry.
	calls := int64(sh/bh+1) + int64(w/bw+1)
	return result + intermediate + rows + columns + calls*scaleCallMemory
}

// scaleCallMemory bounds what one call of a scaler allocates besides its scratch buffer.
const scaleCallMemory = 256

// scalerMemory bounds what x/image/draw's kernel scaler from sw×sh to dw×dh allocates: the weights
// of the source columns for each destination column and of the source rows for each destination
// row, and the scratch buffer of 4 float64s for each destination column of each source row.
func scalerMemory(dw, dh, sw, sh int) int64 {
	return weightsMemory(dw, sw) + weightsMemory(dh, sh) + 32*int64(dw)*int64(sh) + 256
}

// weightsMemory bounds the table of weights x/image/draw makes to spread s source lines over d:
// 24 bytes for each destination line, and 16 for each source line within the kernel's reach of
// it. Catmull-Rom reaches 2 lines each side, widened by the shrinking factor s/d when shrinking,
// so a destination line takes at most 4·max(1, s/d) + 2 source lines, and the whole table at most
// 4·max(s, d) + 2·d, plus d for rounding.
func weightsMemory(d, s int) int64 {
	return 24*int64(d) + 16*(4*int64(max(s, d))+3*int64(d))
}

// rgba64Only hides every method of an image but those of image.RGBA64Image, so that x/image/draw
// takes its RGBA64At path for it.
type rgba64Only struct{ image.RGBA64Image }
