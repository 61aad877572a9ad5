package media

import "image"

// swapsAxes reports whether EXIF orientation o turns the picture a quarter turn, so that the upright
// image is as wide as the stored one is high.
func swapsAxes(o int) bool { return o >= 5 && o <= 8 }

// orient returns src turned and mirrored as EXIF orientation o says it must be to stand upright
// (1: as stored, 2: mirrored left–right, 3: half turn, 4: mirrored top–bottom, 5: mirrored along
// the top-left to bottom-right diagonal, 6: quarter turn clockwise, 7: mirrored along the other
// diagonal, 8: quarter turn anticlockwise). It is applied after scaling, so it moves at most
// DisplayMaxWidth×DisplayMaxHeight pixels, not the camera's full resolution.
func orient(src *image.RGBA, o int) *image.RGBA {
	if o < 2 || o > 8 {
		return src
	}
	w, h := src.Rect.Dx(), src.Rect.Dy()
	dw, dh := w, h
	if swapsAxes(o) {
		dw, dh = h, w
	}
	dst := image.NewRGBA(image.Rect(0, 0, dw, dh))
	for dy := range dh {
		row := dst.Pix[dy*dst.Stride : dy*dst.Stride+dw*4]
		for dx := range dw {
			sx, sy := storedPixel(o, dx, dy, w, h)
			s := src.PixOffset(src.Rect.Min.X+sx, src.Rect.Min.Y+sy)
			copy(row[dx*4:dx*4+4], src.Pix[s:s+4])
		}
	}
	return dst
}

// storedPixel returns which pixel of a stored w×h image lands at (dx, dy) of the upright one.
func storedPixel(o, dx, dy, w, h int) (sx, sy int) {
	switch o {
	case 2:
		return w - 1 - dx, dy
	case 3:
		return w - 1 - dx, h - 1 - dy
	case 4:
		return dx, h - 1 - dy
	case 5:
		return dy, dx
	case 6:
		return dy, h - 1 - dx
	case 7:
		return w - 1 - dy, h - 1 - dx
	case 8:
		return w - 1 - dy, dx
	}
	return dx, dy
}
