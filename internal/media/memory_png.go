package media

import (
	"encoding/binary"
	"image"
)

// PNG colour types (the IHDR's byte 9).
const (
	pngGray      = 0
	pngRGB       = 2
	pngPalette   = 3
	pngGrayAlpha = 4
	pngRGBA      = 6
)

// pngInflateMemory bounds what image/png's zlib reader allocates for n bytes of PNG: a 32 KiB
// window, and tables for each deflate block, which measure at 5% of the compressed bytes.
func pngInflateMemory(n int) int64 { return 64<<10 + int64(n)/10 }

// pngMemory returns an upper bound of the bytes image/png allocates to decode data, a PNG whose
// header was read as cfg. From the IHDR, which png.DecodeConfig has read and checked as the first
// chunk: the bit depth and colour type decide the image type the decoder fills (1 byte a pixel for
// grey or a palette, 2 for 16-bit grey, 4 for 8-bit colour or grey with alpha, 8 for 16-bit colour
// or grey with alpha), and an interlaced image is decoded into a second image as large, pass by
// pass, before it is merged into the first. A tRNS chunk turns grey or colour without alpha into
// the type with alpha.
func pngMemory(data []byte, cfg image.Config) int64 {
	w, h := int64(cfg.Width), int64(cfg.Height)
	// The IHDR's data starts at 16: after the signature (8), its length (4) and its type (4).
	if len(data) < 16+13 {
		return 2*8*w*h + 2*(1+8*w) + pngInflateMemory(len(data)) // cannot happen after DecodeConfig: the worst
	}
	depth, colorType, interlaced := int64(data[24]), data[25], data[28] == 1
	deep := depth == 16
	var bitsPerPixel, bytesPerPixel int64
	switch colorType {
	case pngGray:
		bitsPerPixel, bytesPerPixel = depth, 1
		if deep {
			bytesPerPixel = 2
		}
		if pngHasTRNS(data) {
			bytesPerPixel = 4
			if deep {
				bytesPerPixel = 8
			}
		}
	case pngRGB:
		bitsPerPixel, bytesPerPixel = 3*depth, 4
	case pngPalette:
		bitsPerPixel, bytesPerPixel = depth, 1
	case pngGrayAlpha:
		bitsPerPixel, bytesPerPixel = 2*depth, 4
	default: // pngRGBA
		bitsPerPixel, bytesPerPixel = 4*depth, 4
	}
	if deep && colorType != pngGray {
		bytesPerPixel = 8
	}
	pixels := bytesPerPixel * w * h
	// The current and the previous row, as stored: a filter byte and the packed samples.
	rows := 2 * (1 + (bitsPerPixel*w+7)/8)
	if interlaced {
		return 2*pixels + 7*rows + pngInflateMemory(len(data))
	}
	return pixels + rows + pngInflateMemory(len(data))
}

// pngHasTRNS reports whether data, a PNG, has a tRNS chunk before its image data, the only place
// the decoder accepts one. It walks the chunks by their lengths as the decoder does: where the walk
// runs off the end of data before any image data, so does the decoder, which then fails before
// allocating any pixel.
func pngHasTRNS(data []byte) bool {
	// uint64: a chunk length near 4 GiB must not wrap around when added to.
	for i := uint64(8); ; {
		if i+8 > uint64(len(data)) {
			return false
		}
		switch string(data[i+4 : i+8]) {
		case "tRNS":
			return true
		case "IDAT":
			return false
		}
		// The length, the type, the data and the CRC.
		i += 12 + uint64(binary.BigEndian.Uint32(data[i:]))
	}
}
