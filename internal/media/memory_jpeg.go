package media

import (
	"encoding/binary"
	"image"
	"image/color"
)

// JPEG frame markers image/jpeg decodes: baseline, extended sequential, progressive.
const (
	markerSOF0 = 0xC0
	markerSOF1 = 0xC1
	markerSOF2 = 0xC2
)

// jpegDecoderMemory bounds image/jpeg's decoder state: its Huffman and quantisation tables.
const jpegDecoderMemory = 64 << 10

// jpegFrame is what a JPEG's frame header says about how its pixels are stored.
type jpegFrame struct {
	progressive bool
	// h and v are each component's sampling factors: 1 to 4 blocks across and down in every unit
	// of the image (an MCU), where a component with fewer is subsampled.
	h, v []int
}

// jpegMemory returns an upper bound of the bytes image/jpeg allocates to decode data, a JPEG whose
// header was read as cfg. It follows the decoder: the samples of each component in one YCbCr (or
// grey) image padded to whole MCUs, a fourth plane for CMYK; for a progressive JPEG, every
// component's DCT coefficients, 64 int32s for each 8×8 block, kept until the last scan; and the
// copy that an RGB or CMYK JPEG is converted into, 4 bytes a pixel. So an ordinary 4:2:0 JPEG takes
// 1.5 bytes a pixel, a progressive one 7.5, a progressive CMYK one 24.
func jpegMemory(data []byte, cfg image.Config) int64 {
	w, h := int64(cfg.Width), int64(cfg.Height)
	fr, ok := readJPEGFrame(data)
	if !ok {
		// Cannot happen after DecodeConfig has read the frame, unless the two walks disagree
		// about unusual bytes between segments: then the worst the decoder could do, every
		// component at full resolution, progressive, padded to the widest MCU.
		pw, ph := (w+31)/32*32, (h+15)/16*16
		return 4*(1+4)*pw*ph + 4*w*h + jpegDecoderMemory
	}
	n := int64(len(fr.h))
	h0, v0 := int64(fr.h[0]), int64(fr.v[0])
	if n == 1 {
		// A lone component is never interleaved: its MCU is one block, whatever it says.
		fr.h[0], fr.v[0], h0, v0 = 1, 1, 1, 1
	}
	mcusAcross, mcusDown := (w+8*h0-1)/(8*h0), (h+8*v0-1)/(8*v0)
	var samples, coefficients int64
	for i := range n {
		blocks := mcusAcross * mcusDown * int64(fr.h[i]) * int64(fr.v[i])
		samples += 64 * blocks
		if fr.progressive {
			coefficients += 64 * 4 * blocks
		}
	}
	converted := int64(0)
	if n == 4 || n == 3 && cfg.ColorModel == color.RGBAModel {
		converted = 4 * w * h
	}
	return samples + coefficients + converted + jpegDecoderMemory
}

// readJPEGFrame finds the frame header (SOF0, SOF1 or SOF2) of a JPEG by walking its segments from
// the start, and reads the sampling factors of its 1, 3 or 4 components. It answers false on
// anything unexpected, never reading outside jpg.
func readJPEGFrame(jpg []byte) (jpegFrame, bool) {
	for i := 2; i+4 <= len(jpg); {
		if jpg[i] != 0xFF {
			return jpegFrame{}, false
		}
		marker := jpg[i+1]
		switch {
		case marker == 0xFF: // a fill byte before a marker
			i++
			continue
		case marker == markerSOS || marker == markerEOI:
			return jpegFrame{}, false
		case marker == markerTEM || markerRST0 <= marker && marker <= markerRST7:
			i += 2
			continue
		}
		n := int(binary.BigEndian.Uint16(jpg[i+2:]))
		if n < 2 || i+2+n > len(jpg) {
			return jpegFrame{}, false
		}
		if marker == markerSOF0 || marker == markerSOF1 || marker == markerSOF2 {
			// Precision, height, width, the number of components, then 3 bytes for each:
			// its id, its sampling factors (horizontal in the high nibble), its table.
			sof := jpg[i+4 : i+2+n]
			if len(sof) < 6 {
				return jpegFrame{}, false
			}
			count := int(sof[5])
			if count != 1 && count != 3 && count != 4 || len(sof) < 6+3*count {
				return jpegFrame{}, false
			}
			fr := jpegFrame{progressive: marker == markerSOF2, h: make([]int, count), v: make([]int, count)}
			for c := range count {
				hv := sof[6+3*c+1]
				fr.h[c], fr.v[c] = int(hv>>4), int(hv&0x0F)
				if fr.h[c] < 1 || fr.h[c] > 4 || fr.v[c] < 1 || fr.v[c] > 4 {
					return jpegFrame{}, false
				}
			}
			return fr, true
		}
		i += 2 + n
	}
	return jpegFrame{}, false
}
