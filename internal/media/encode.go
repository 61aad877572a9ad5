package media

import (
	"bytes"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
)

// jpegQuality is high enough that photographs show no visible artefacts at the display size, and
// about half the bytes of quality 95.
const jpegQuality = 85

// isOpaque reports whether every pixel of img is fully opaque. Every image type of the standard
// library and x/image answers this itself (a JPEG's YCbCr at once, a PNG's by its alpha values);
// other types are checked pixel by pixel.
func isOpaque(img image.Image) bool {
	if o, ok := img.(interface{ Opaque() bool }); ok {
		return o.Opaque()
	}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if _, _, _, a := img.At(x, y).RGBA(); a != 0xFFFF {
				return false
			}
		}
	}
	return true
}

// encode writes img as a PNG when asPNG is set, and otherwise as a JPEG; neither encoder writes any
// metadata, which is what strips it from the upload. A JPEG has no alpha: img must be opaque then.
func encode(img *image.RGBA, asPNG bool) (Variant, error) {
	var buf bytes.Buffer
	w, h := img.Rect.Dx(), img.Rect.Dy()
	if asPNG {
		if err := png.Encode(&buf, img); err != nil {
			return Variant{}, fmt.Errorf("media: encoding PNG: %w", err)
		}
		return newVariant(buf.Bytes(), "image/png", ".png", w, h), nil
	}
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: jpegQuality}); err != nil {
		return Variant{}, fmt.Errorf("media: encoding JPEG: %w", err)
	}
	return newVariant(buf.Bytes(), "image/jpeg", ".jpg", w, h), nil
}
