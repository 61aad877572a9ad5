package media

import (
	"fmt"
	"image"
)

// Process checks data by its bytes (the magic numbers: JPEG FF D8 FF, PNG 89 50 4E 47 0D 0A 1A 0A,
// WebP "RIFF"...."WEBP"), never by name or declared type; reads the header and, before decoding,
// refuses more than MaxPixels, or an image that would take more than MaxImageMemory; decodes;
// turns a JPEG upright by its EXIF orientation; scales down (never up) to fit the display box
// (DisplayMaxWidth×DisplayMaxHeight) and the thumbnail box (ThumbMaxWidth×ThumbMaxHeight) keeping
// the aspect ratio; and re-encodes, which strips all metadata: a Photo as a JPEG of quality 85,
// drawn over white if it has transparent parts; a Logo as a PNG if any pixel is not opaque, else as
// a JPEG. Both variants carry the SHA-256 of their bytes.
//
// The errors for a bad upload are ErrEmpty, ErrTooLarge, ErrNotAnImage, ErrTooManyPixels,
// ErrTooMuchMemory and ErrCorrupt, wrapped with detail for the log; test them with errors.Is. A kind
// other than Photo and Logo is a programming error and gets an error that is none of these. The
// same data and kind always give the same bytes, so the same hashes.
func Process(data []byte, kind Kind) (Processed, error) {
	hd, err := readHeader(data, kind)
	if err != nil {
		return Processed{}, err
	}
	img, err := checkedDecode(hd.format, data, hd.cfg)
	if err != nil {
		return Processed{}, err
	}

	opaque := isOpaque(img)
	asPNG := kind == Logo && !opaque
	flatten := !opaque && !asPNG

	sizes := hd.sizes
	display := orient(resample(img, sizes.scaledW, sizes.scaledH, flatten), hd.orientation)
	displayVariant, err := encode(display, asPNG)
	if err != nil {
		return Processed{}, err
	}
	if sizes.thumbIsDisplay {
		thumbVariant := displayVariant
		thumbVariant.Data = append([]byte(nil), displayVariant.Data...)
		return Processed{Display: displayVariant, Thumb: thumbVariant}, nil
	}
	// The thumbnail is made from the display image, which is already upright and flattened; scaling
	// it costs a fraction of scaling the original again, and looks the same at thumbnail size.
	thumbVariant, err := encode(resample(display, sizes.thumbW, sizes.thumbH, false), asPNG)
	if err != nil {
		return Processed{}, err
	}
	return Processed{Display: displayVariant, Thumb: thumbVariant}, nil
}

// header is what Process knows of an upload before decoding it.
type header struct {
	format      format
	cfg         image.Config
	orientation int   // EXIF's, 1 for an image stored upright
	sizes       plan  // the sizes to make
	memory      int64 // the bound of what processing it allocates
}

// readHeader checks data as Process does before decoding any pixel: its size in bytes, its format,
// its header, its pixel count and the memory it would take. On ErrTooMuchMemory, the header is
// returned too.
func readHeader(data []byte, kind Kind) (header, error) {
	if kind != Photo && kind != Logo {
		return header{}, fmt.Errorf("media: unknown kind %d", kind)
	}
	switch {
	case len(data) == 0:
		return header{}, ErrEmpty
	case len(data) > MaxUploadBytes:
		// Checked here too, not only in ReadUpload: the data may have come some other way.
		return header{}, ErrTooLarge
	}
	f, ok := sniff(data)
	if !ok {
		return header{}, ErrNotAnImage
	}
	cfg, err := checkedConfig(f, data)
	if err != nil {
		return header{}, err
	}
	hd := header{format: f, cfg: cfg, orientation: 1}
	if f == formatJPEG {
		hd.orientation = exifOrientation(data)
	}
	hd.sizes = planFor(cfg.Width, cfg.Height, hd.orientation)
	hd.memory = memoryNeeded(f, data, cfg, hd.sizes, kind)
	if hd.memory > MaxImageMemory {
		return hd, fmt.Errorf("%w: %d×%d would take %d MiB", ErrTooMuchMemory, cfg.Width, cfg.Height, hd.memory>>20)
	}
	return hd, nil
}
