package media

import "bytes"

// format is an image format this package reads.
type format int

const (
	formatJPEG format = iota + 1
	formatPNG
	formatWebP
)

// The magic numbers that open each format. A JPEG starts with the SOI marker (FF D8) and the first
// byte of the next marker (FF); a PNG with its fixed 8-byte signature; a WebP is a RIFF container
// ("RIFF", a 4-byte size, then "WEBP").
var (
	jpegMagic = []byte{0xFF, 0xD8, 0xFF}
	pngMagic  = []byte{0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}
)

// sniff tells the format of data from its first bytes, and false for anything else (GIF, BMP, TIFF,
// SVG, PDF, HTML, text...). It is the only judge of the format: the decoder chosen from its answer
// is the only one that ever sees the bytes.
func sniff(data []byte) (format, bool) {
	switch {
	case bytes.HasPrefix(data, jpegMagic):
		return formatJPEG, true
	case bytes.HasPrefix(data, pngMagic):
		return formatPNG, true
	case len(data) >= 12 && string(data[0:4]) == "RIFF" && string(data[8:12]) == "WEBP":
		return formatWebP, true
	}
	return 0, false
}
