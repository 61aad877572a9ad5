package media

import (
	"encoding/binary"
	"image"
)

// vp8lHuffmanMemory bounds the Huffman trees x/image/webp's lossless decoder builds for one image,
// whatever its size: up to 2600 groups (the most it accepts, as many as libwebp ever writes) of
// five trees, each group 2680 bytes, and each tree over an alphabet of A symbols taking at most
// 24·A bytes (its code lengths and codes, 4 bytes a symbol each, and its nodes, 16): the
// alphabets of a group add up to 280 + 2048 (the largest colour cache) + 3·256 + 40 = 3136. A file
// of a few hundred kilobytes can describe them all, so they are counted for every lossless image.
const vp8lHuffmanMemory = 2600 * (2680 + 24*3136)

// webpDecoderMemory bounds the rest of x/image/webp's decoder state: the lossy decoder's
// per-macroblock tables are counted with the pixels, its other buffers are a few kilobytes.
const webpDecoderMemory = 64 << 10

// webpMemory returns an upper bound of the bytes x/image/webp allocates to decode data, a WebP whose
// header was read as cfg. The chunks say which decoder runs: a lossy image (VP8) is decoded into
// a YCbCr image padded to whole 16×16 macroblocks, 1.5 bytes a pixel, after a copy of its
// compressed data; a lossless one (VP8L) into 4 bytes a pixel, plus up to 2 more when its palette
// packs pixels, and its Huffman trees; an extended file (VP8X) may add an alpha plane (ALPH) to a
// lossy image, one byte a pixel, decoded as a lossless image itself when compressed.
func webpMemory(data []byte, cfg image.Config) int64 {
	w, h := int64(cfg.Width), int64(cfg.Height)
	lossy := func(chunkLen int64) int64 {
		mbs := ((w + 15) / 16) * ((h + 15) / 16)
		// 384 bytes of samples and 4 of loop-filter parameters a macroblock; the compressed data
		// is read into memory, once for the first partition and once for the rest.
		return (384+4+8)*mbs + 2*chunkLen
	}
	lossless := func() int64 {
		// The pixels; the packed pixels before the palette expands them (at most 2 bytes a
		// pixel); and the subsampled images of the transforms and of the Huffman groups (a
		// quarter of a byte a pixel each, at 4×4 pixels a tile or coarser).
		tiles := 4 * ((w + 3) / 4) * ((h + 3) / 4)
		return 4*w*h + 2*w*h + 3*tiles + vp8lHuffmanMemory
	}
	worst := max(lossy(int64(len(data)))+lossless()+w*h, lossless()) + webpDecoderMemory

	l, ok := readWebPLayout(data)
	switch {
	case !ok:
		return worst
	case l.lossless:
		return lossless() + webpDecoderMemory
	}
	alpha := int64(0)
	if l.alpha {
		alpha = w * h
		if l.alphaCompressed { // decoded as a lossless image, then copied
			alpha += lossless()
		}
	}
	return lossy(l.size) + alpha + webpDecoderMemory
}

// webpLayout is what the chunks of a WebP say about its image.
type webpLayout struct {
	lossless bool  // VP8L rather than VP8
	size     int64 // the size of the image chunk's data
	// alpha says that an ALPH chunk comes before a lossy image, alphaCompressed that it is
	// compressed.
	alpha, alphaCompressed bool
}

// readWebPLayout walks the chunks of data, a WebP, after the RIFF header up to the first image
// chunk (VP8 or VP8L), noting an ALPH chunk on the way. It answers false when the chunk sizes do
// not add up or there is no image chunk, never reading outside data.
func readWebPLayout(data []byte) (webpLayout, bool) {
	var l webpLayout
	// int64: a chunk size near 4 GiB must not wrap around when added to.
	for i := int64(12); i+8 <= int64(len(data)); {
		id, size := string(data[i:i+4]), int64(binary.LittleEndian.Uint32(data[i+4:]))
		if i+8+size > int64(len(data)) {
			return webpLayout{}, false
		}
		switch id {
		case "ALPH":
			// Its first byte says how it is compressed: 0 not at all, 1 as a lossless image.
			l.alpha = true
			l.alphaCompressed = size > 0 && data[i+8]&0x03 != 0
		case "VP8 ", "VP8L":
			l.lossless, l.size = id == "VP8L", size
			return l, true
		}
		// Chunks are padded to an even size.
		i += 8 + size + size&1
	}
	return webpLayout{}, false
}
