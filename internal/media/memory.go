package media

import "image"

// MaxImageMemory is the most memory Process may take for one upload: 256 MiB. It is checked on the
// header alone, before any pixel is decoded, against an upper bound of everything Process would
// allocate: the decoder's pixels and working buffers, which depend on the format and its colour
// depth (a 16-bit PNG takes 8 bytes a pixel, a progressive JPEG 7.5, an ordinary JPEG 1.5), and
// the scaling, turning and encoding after it.
//
// MaxPixels alone let a 7000×7000 16-bit PNG of a few hundred KB through, which took 781 MB. With
// the upload's own 10 MB and the program's few, 256 MiB keeps one upload under 300 MB: the largest
// accepted upload peaks at 254 MiB, as TestPeakMemoryOfTheLargestUpload measures in a process of
// its own. What passes, in megapixels (the lower figure for a logo, whose PNG encoding is counted,
// or a square picture, whose scaling takes the most): an ordinary JPEG up to MaxPixels (at 50
// megapixels it takes about 170 MB); an 8-bit PNG 31 to 42; a progressive JPEG 19 to 25, 10 to 13
// at full colour resolution (4:4:4); a CMYK JPEG, a 16-bit or an interlaced PNG 18 to 23; a
// lossless WebP, or a lossy one with a compressed alpha channel, about 2, since its decoder may
// build up to 194 MiB of Huffman tables whatever its size.
const MaxImageMemory = 256 << 20

// processFixedMemory bounds what Process allocates whatever the image's size: the decoders' and
// encoders' own state, the header read twice, the variants' names.
const processFixedMemory = 256 << 10

// memoryNeeded returns an upper bound of the bytes Process allocates for data, an image of format
// f whose header was read as cfg, made into the sizes of p as kind. It counts every allocation, not
// only those alive at once: what the garbage collector has not yet reclaimed takes memory too.
func memoryNeeded(f format, data []byte, cfg image.Config, p plan, kind Kind) int64 {
	n := processFixedMemory + decodeMemory(f, data, cfg)
	n += resampleMemory(cfg.Width, cfg.Height, p.scaledW, p.scaledH)
	if p.turned {
		n += 4 * int64(p.displayW) * int64(p.displayH)
	}
	n += encodeMemory(p.displayW, p.displayH, kind)
	if p.thumbIsDisplay {
		n += encodedSize(p.displayW, p.displayH, kind) // the thumbnail's copy of the bytes
	} else {
		n += resampleMemory(p.displayW, p.displayH, p.thumbW, p.thumbH) + encodeMemory(p.thumbW, p.thumbH, kind)
	}
	return n
}

// decodeMemory returns an upper bound of the bytes the decoder of format f allocates for data,
// whose header was read as cfg.
func decodeMemory(f format, data []byte, cfg image.Config) int64 {
	switch f {
	case formatJPEG:
		return jpegMemory(data, cfg)
	case formatPNG:
		return pngMemory(data, cfg)
	default:
		return webpMemory(data, cfg)
	}
}

// encodeMemory bounds what encode allocates for a w×h image of kind: the encoder's state and the
// buffer the file is written into, which grows by doubling, so that what it allocated in all is
// less than four times what it holds.
func encodeMemory(w, h int, kind Kind) int64 {
	state := int64(64 << 10) // the JPEG encoder's tables and buffered writer
	if kind == Logo {
		// A logo may be a PNG: image/png's encoder keeps a deflate compressor (about 0.9 MB
		// measured) and a few rows.
		state = 1<<20 + 8*(1+4*int64(w))
	}
	return state + 4*encodedSize(w, h, kind)
}

// encodedSize bounds the size of the file encode writes of a w×h image of kind. A photo is a JPEG
// of quality 85: random noise, the least compressible picture, gives 0.94 bytes a pixel measured;
// 1.5 leaves room. A logo may be a PNG, which at worst stores its rows uncompressed: a filter byte
// and 4 bytes a pixel each, plus deflate's 5 bytes for every 64 KiB and the chunks' 12 bytes for
// every 8 KiB.
func encodedSize(w, h int, kind Kind) int64 {
	if kind == Photo {
		return 3*int64(w)*int64(h)/2 + 4<<10
	}
	raw := int64(h) * (1 + 4*int64(w))
	return raw + raw/512 + 4<<10
}
