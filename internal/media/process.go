package media

import "fmt"

// Process checks data by its bytes (the magic numbers: JPEG FF D8 FF, PNG 89 50 4E 47 0D 0A 1A 0A,
// WebP "RIFF"...."WEBP"), never by name or declared type; reads the header and refuses more than
// MaxPixels before decoding; decodes; turns a JPEG upright by its EXIF orientation; scales down
// (never up) to fit the display box (DisplayMaxWidth×DisplayMaxHeight) and the thumbnail box
// (ThumbMaxWidth×ThumbMaxHeight) keeping the aspect ratio; and re-encodes, which strips all
// metadata: a Photo as a JPEG of quality 85, drawn over white if it has transparent parts; a Logo as
// a PNG if any pixel is not opaque, else as a JPEG. Both variants carry the SHA-256 of their bytes.
//
// The errors for a bad upload are ErrEmpty, ErrTooLarge, ErrNotAnImage, ErrTooManyPixels and
// ErrCorrupt, wrapped with detail for the log; test them with errors.Is. A kind other than Photo and
// Logo is a programming error and gets an error that is none of these. The same data and kind
// always give the same bytes, so the same hashes.
func Process(data []byte, kind Kind) (Processed, error) {
	if kind != Photo && kind != Logo {
		return Processed{}, fmt.Errorf("media: unknown kind %d", kind)
	}
	switch {
	case len(data) == 0:
		return Processed{}, ErrEmpty
	case len(data) > MaxUploadBytes:
		// Checked here too, not only in ReadUpload: the data may have come some other way.
		return Processed{}, ErrTooLarge
	}
	f, ok := sniff(data)
	if !ok {
		return Processed{}, ErrNotAnImage
	}
	img, err := checkedDecode(f, data)
	if err != nil {
		return Processed{}, err
	}

	orientation := 1
	if f == formatJPEG {
		orientation = exifOrientation(data)
	}
	opaque := isOpaque(img)
	asPNG := kind == Logo && !opaque
	flatten := !opaque && !asPNG

	// Both sizes are fitted from the upright dimensions of the original, so that each is rounded
	// once from the true aspect ratio.
	b := img.Bounds()
	uprightW, uprightH := b.Dx(), b.Dy()
	if swapsAxes(orientation) {
		uprightW, uprightH = uprightH, uprightW
	}
	displayW, displayH := fit(uprightW, uprightH, DisplayMaxWidth, DisplayMaxHeight)
	thumbW, thumbH := fit(uprightW, uprightH, ThumbMaxWidth, ThumbMaxHeight)

	// The image is scaled while still stored sideways, and turned upright after: turning the display
	// size moves far fewer pixels than turning a camera's full resolution.
	scaledW, scaledH := displayW, displayH
	if swapsAxes(orientation) {
		scaledW, scaledH = displayH, displayW
	}
	display := orient(resample(img, scaledW, scaledH, flatten), orientation)
	displayVariant, err := encode(display, asPNG)
	if err != nil {
		return Processed{}, err
	}

	if thumbW == displayW && thumbH == displayH {
		// The image fits the thumbnail box already: the thumbnail is the display image.
		thumbVariant := displayVariant
		thumbVariant.Data = append([]byte(nil), displayVariant.Data...)
		return Processed{Display: displayVariant, Thumb: thumbVariant}, nil
	}
	// The thumbnail is made from the display image, which is already upright and flattened; scaling
	// it costs a fraction of scaling the original again, and looks the same at thumbnail size.
	thumbVariant, err := encode(resample(display, thumbW, thumbH, false), asPNG)
	if err != nil {
		return Processed{}, err
	}
	return Processed{Display: displayVariant, Thumb: thumbVariant}, nil
}
