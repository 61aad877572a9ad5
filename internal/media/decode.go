package media

import (
	"bytes"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"

	"golang.org/x/image/webp"
)

// The decoders are called by format rather than through image.Decode and image.DecodeConfig: those
// pick a decoder from whatever formats any imported package has registered, so an import elsewhere
// in the program (image/gif, say) would quietly widen what uploads are accepted.

// decodeConfig reads only the header of data: its dimensions, without allocating the pixels.
func decodeConfig(f format, data []byte) (image.Config, error) {
	r := bytes.NewReader(data)
	switch f {
	case formatJPEG:
		return jpeg.DecodeConfig(r)
	case formatPNG:
		return png.DecodeConfig(r)
	case formatWebP:
		return webp.DecodeConfig(r)
	}
	return image.Config{}, fmt.Errorf("media: no decoder for format %d", f)
}

// decode reads the whole image.
func decode(f format, data []byte) (image.Image, error) {
	r := bytes.NewReader(data)
	switch f {
	case formatJPEG:
		return jpeg.Decode(r)
	case formatPNG:
		return png.Decode(r)
	case formatWebP:
		return webp.Decode(r)
	}
	return nil, fmt.Errorf("media: no decoder for format %d", f)
}

// checkedConfig reads the header of data of format f and checks that its size is sane and its pixel
// count within MaxPixels. Every failure is one of ErrCorrupt or ErrTooManyPixels, with the
// decoder's own words kept in the message for the log.
func checkedConfig(f format, data []byte) (image.Config, error) {
	cfg, err := decodeConfig(f, data)
	if err != nil {
		return image.Config{}, fmt.Errorf("%w: %v", ErrCorrupt, err)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return image.Config{}, fmt.Errorf("%w: the header gives a size of %d×%d", ErrCorrupt, cfg.Width, cfg.Height)
	}
	// int64: the product of two header fields must not overflow on a 32-bit platform.
	if int64(cfg.Width)*int64(cfg.Height) > MaxPixels {
		return image.Config{}, fmt.Errorf("%w: %d×%d", ErrTooManyPixels, cfg.Width, cfg.Height)
	}
	return cfg, nil
}

// checkedDecode decodes data of format f, whose header was read as cfg. A failure is ErrCorrupt.
func checkedDecode(f format, data []byte, cfg image.Config) (image.Image, error) {
	img, err := decode(f, data)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrCorrupt, err)
	}
	// The limits were checked on the header's size; an image whose pixels disagree with its
	// header is not one to trust with anything else.
	if b := img.Bounds(); b.Dx() != cfg.Width || b.Dy() != cfg.Height {
		return nil, fmt.Errorf("%w: the header gives %d×%d but the pixels are %d×%d",
			ErrCorrupt, cfg.Width, cfg.Height, b.Dx(), b.Dy())
	}
	return img, nil
}
