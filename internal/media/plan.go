package media

// plan is the sizes Process makes of an image: decided from the header's size and the EXIF
// orientation alone, so that the memory making them takes is known before any pixel is decoded.
type plan struct {
	// displayW×displayH and thumbW×thumbH are the upright sizes served, each fitted once from the
	// upright size of the original, so that each is rounded once from the true aspect ratio.
	displayW, displayH int
	thumbW, thumbH     int
	// scaledW×scaledH is the display size as the picture is stored, before it is turned upright:
	// the image is scaled while still sideways, and turning the display size moves far fewer
	// pixels than turning a camera's full resolution.
	scaledW, scaledH int
	// turned says that the scaled image is turned or mirrored into a copy of its own.
	turned bool
	// thumbIsDisplay says that the image fits the thumbnail box already, so that the thumbnail
	// is the display image.
	thumbIsDisplay bool
}

// planFor returns the plan for a w×h image stored with EXIF orientation o.
func planFor(w, h, o int) plan {
	uprightW, uprightH := w, h
	if swapsAxes(o) {
		uprightW, uprightH = h, w
	}
	var p plan
	p.displayW, p.displayH = fit(uprightW, uprightH, DisplayMaxWidth, DisplayMaxHeight)
	p.thumbW, p.thumbH = fit(uprightW, uprightH, ThumbMaxWidth, ThumbMaxHeight)
	p.scaledW, p.scaledH = p.displayW, p.displayH
	if swapsAxes(o) {
		p.scaledW, p.scaledH = p.displayH, p.displayW
	}
	p.turned = o >= 2 && o <= 8
	p.thumbIsDisplay = p.thumbW == p.displayW && p.thumbH == p.displayH
	return p
}
