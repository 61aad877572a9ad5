package media_test

import (
	"encoding/binary"
	"image"
	"image/color"
	"math"
	"os"
	"runtime"
	"testing"

	"twincities/internal/media"
)

// TestRefusesADeepPNGBeforeDecoding is the upload of issue 7: a 7000×7000 PNG with 16 bits a
// channel, a few hundred kilobytes, within MaxPixels, that took 781 MB to process. It must be
// refused from its header, before any pixel is decoded. Not parallel: it measures the memory
// Process allocates, which other tests running at the same time would add to.
func TestRefusesADeepPNGBeforeDecoding(t *testing.T) {
	data := deepPNG(t, 7000, 7000)
	if len(data) > 1<<20 || 7000*7000 > media.MaxPixels {
		t.Fatalf("the test file is %d bytes and %d pixels; it should be small and within MaxPixels", len(data), 7000*7000)
	}
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	p, err := media.Process(data, media.Photo)
	runtime.ReadMemStats(&after)
	wantOnly(t, p, err, media.ErrTooMuchMemory)
	// Decoding would take 392 MB for the pixels alone; reading a header takes a few kilobytes.
	if allocated := after.TotalAlloc - before.TotalAlloc; allocated > 1<<20 {
		t.Errorf("refusing took %d bytes of memory: the pixels were allocated", allocated)
	}
}

// jpegFrameOnly is a JFIF JPEG of w×h whose frame header has the given marker (0xC0 baseline,
// 0xC2 progressive) and a component for each sampling factor byte (horizontal in the high
// nibble), and nothing after it. The JFIF segment lets the decoder read the size from the frame
// header alone; without a scan, it fails before allocating any pixel.
func jpegFrameOnly(w, h uint16, marker byte, sampling ...byte) []byte {
	b := []byte{0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0}
	b = append(b, 0xFF, marker)
	b = binary.BigEndian.AppendUint16(b, uint16(8+3*len(sampling)))
	b = append(b, 8)
	b = binary.BigEndian.AppendUint16(b, h)
	b = binary.BigEndian.AppendUint16(b, w)
	b = append(b, byte(len(sampling)))
	for i, hv := range sampling {
		b = append(b, byte(i+1), hv, 0)
	}
	return b
}

// pngWithoutPixels is a PNG header followed by the given chunks and an empty image data chunk:
// the decoder reads all of it, and fails at the image data before allocating any pixel.
func pngWithoutPixels(header []byte, chunks ...[]byte) []byte {
	out := append([]byte(nil), header...)
	for _, c := range chunks {
		out = append(out, c...)
	}
	return append(out, pngChunk("IDAT", nil)...)
}

// riff wraps chunks (id, then data) into a WebP file, each padded to an even size.
func riff(chunks ...[]byte) []byte {
	var body []byte
	for i := 0; i < len(chunks); i += 2 {
		body = append(body, chunks[i]...)
		body = binary.LittleEndian.AppendUint32(body, uint32(len(chunks[i+1])))
		body = append(body, chunks[i+1]...)
		if len(chunks[i+1])%2 == 1 {
			body = append(body, 0)
		}
	}
	out := binary.LittleEndian.AppendUint32([]byte("RIFF"), uint32(4+len(body)))
	return append(append(out, "WEBP"...), body...)
}

// webpLosslessHeader is a lossless WebP of w×h: the VP8L header only.
func webpLosslessHeader(w, h uint32) []byte {
	hdr := binary.LittleEndian.AppendUint32([]byte{0x2F}, (w-1)|(h-1)<<14)
	return riff([]byte("VP8L"), hdr)
}

// webpLossyWithAlphaHeader is an extended WebP of w×h: a lossy image with an alpha plane
// compressed as a lossless image, with the alpha's first byte and the lossy frame header only.
func webpLossyWithAlphaHeader(w, h uint32) []byte {
	vp8x := []byte{0x10, 0, 0, 0} // the alpha flag
	vp8x = append(vp8x, byte(w-1), byte((w-1)>>8), byte((w-1)>>16), byte(h-1), byte((h-1)>>8), byte((h-1)>>16))
	frame := []byte{0x10, 0, 0, 0x9D, 0x01, 0x2A} // a key frame, shown; the start code
	frame = binary.LittleEndian.AppendUint16(frame, uint16(w))
	frame = binary.LittleEndian.AppendUint16(frame, uint16(h))
	return riff([]byte("VP8X"), vp8x, []byte("ALPH"), []byte{0x01}, []byte("VP8 "), frame)
}

// squareEdge finds, for square images of side s made by header, a side whose bound MemoryNeeded
// is within MaxImageMemory while that of the next side is not; 0 if every square within MaxPixels
// passes.
func squareEdge(t testing.TB, kind media.Kind, header func(s int) []byte) int {
	t.Helper()
	need := func(s int) int64 {
		n, err := media.MemoryNeeded(header(s), kind)
		if err != nil {
			t.Fatalf("%d×%d: %v", s, s, err)
		}
		return n
	}
	lo, hi := 1, int(math.Sqrt(media.MaxPixels))
	if need(lo) > media.MaxImageMemory {
		t.Fatalf("even a 1×1 image needs %d bytes", need(lo))
	}
	if need(hi) <= media.MaxImageMemory {
		return 0
	}
	for hi-lo > 1 {
		if m := (lo + hi) / 2; need(m) <= media.MaxImageMemory {
			lo = m
		} else {
			hi = m
		}
	}
	return lo
}

func TestMemoryLimitPerFormat(t *testing.T) {
	t.Parallel()
	tRNS := pngChunk("tRNS", []byte{0, 0}) // grey 0 is transparent
	tests := []struct {
		name   string
		kind   media.Kind
		header func(s int) []byte
	}{
		{"baseline JPEG, 4:4:4", media.Photo, func(s int) []byte { return jpegFrameOnly(uint16(s), uint16(s), 0xC0, 0x11, 0x11, 0x11) }},
		{"progressive JPEG, 4:2:0", media.Photo, func(s int) []byte { return jpegFrameOnly(uint16(s), uint16(s), 0xC2, 0x22, 0x11, 0x11) }},
		{"progressive JPEG, 4:4:4", media.Photo, func(s int) []byte { return jpegFrameOnly(uint16(s), uint16(s), 0xC2, 0x11, 0x11, 0x11) }},
		{"progressive grey JPEG", media.Photo, func(s int) []byte { return jpegFrameOnly(uint16(s), uint16(s), 0xC2, 0x11) }},
		{"CMYK JPEG", media.Photo, func(s int) []byte { return jpegFrameOnly(uint16(s), uint16(s), 0xC0, 0x11, 0x11, 0x11, 0x11) }},
		{"8-bit RGBA PNG", media.Logo, func(s int) []byte { return pngWithoutPixels(pngHeader(uint32(s), uint32(s), 8, 6, false)) }},
		{"8-bit grey PNG with a transparent grey", media.Logo, func(s int) []byte {
			return pngWithoutPixels(pngHeader(uint32(s), uint32(s), 8, 0, false), tRNS)
		}},
		{"interlaced 8-bit RGBA PNG", media.Logo, func(s int) []byte { return pngWithoutPixels(pngHeader(uint32(s), uint32(s), 8, 6, true)) }},
		{"16-bit RGB PNG", media.Photo, func(s int) []byte { return pngWithoutPixels(pngHeader(uint32(s), uint32(s), 16, 2, false)) }},
		{"lossless WebP", media.Logo, func(s int) []byte { return webpLosslessHeader(uint32(s), uint32(s)) }},
		{"lossy WebP with compressed alpha", media.Logo, func(s int) []byte { return webpLossyWithAlphaHeader(uint32(s), uint32(s)) }},
	}
	edges := map[string]int{}
	for _, tt := range tests {
		edge := squareEdge(t, tt.kind, tt.header)
		if edge == 0 {
			t.Errorf("%s: every size within MaxPixels passes the memory limit", tt.name)
			continue
		}
		edges[tt.name] = edge
		// At the edge the image passes the limit, and fails only later for having no pixels;
		// one pixel wider and higher it is refused by the limit.
		p, err := media.Process(tt.header(edge), tt.kind)
		wantOnly(t, p, err, media.ErrCorrupt)
		p, err = media.Process(tt.header(edge+1), tt.kind)
		wantOnly(t, p, err, media.ErrTooMuchMemory)
		t.Logf("%s: up to %d×%d", tt.name, edge, edge)
	}
	// What the limit is for: the more bytes a pixel of a format takes, the fewer pixels pass.
	for _, pair := range [][2]string{
		{"16-bit RGB PNG", "8-bit RGBA PNG"},
		{"interlaced 8-bit RGBA PNG", "8-bit RGBA PNG"},
		{"progressive JPEG, 4:4:4", "progressive JPEG, 4:2:0"},
		{"progressive JPEG, 4:2:0", "baseline JPEG, 4:4:4"},
		{"progressive JPEG, 4:4:4", "progressive grey JPEG"},
	} {
		if edges[pair[0]] >= edges[pair[1]] {
			t.Errorf("a %s passes up to %d pixels a side, a %s up to %d", pair[0], edges[pair[0]], pair[1], edges[pair[1]])
		}
	}
}

func TestUsualUploadsPassTheMemoryLimit(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		kind media.Kind
		data []byte
	}{
		{"a 24-megapixel camera JPEG", media.Photo, jpegFrameOnly(6000, 4000, 0xC0, 0x22, 0x11, 0x11)},
		{"a 24-megapixel portrait, stored sideways", media.Photo, withOrientation(jpegFrameOnly(6000, 4000, 0xC0, 0x22, 0x11, 0x11), 6)},
		{"a 24-megapixel progressive JPEG", media.Photo, jpegFrameOnly(6000, 4000, 0xC2, 0x22, 0x11, 0x11)},
		{"a 50-megapixel camera JPEG", media.Photo, jpegFrameOnly(8660, 5773, 0xC0, 0x21, 0x11, 0x11)},
		{"a 12-megapixel phone PNG", media.Photo, pngWithoutPixels(pngHeader(4000, 3000, 8, 2, false))},
		{"a 12-megapixel PNG with alpha, as a logo", media.Logo, pngWithoutPixels(pngHeader(4000, 3000, 8, 6, false))},
		{"a 2-megapixel lossless WebP logo", media.Logo, webpLosslessHeader(1600, 1200)},
	}
	for _, tt := range tests {
		p, err := media.Process(tt.data, tt.kind)
		wantOnly(t, p, err, media.ErrCorrupt) // it has no pixels: it got past every limit
	}
}

// TestMemoryBoundCoversWhatProcessAllocates checks the bound against what Process really
// allocates, for real images of each decoder's kinds, large enough to be scaled, of content that
// compresses badly so that the encoders' buffers grow. The bound must never be below; and, where
// no worst case of the decoder is assumed, not so far above that ordinary uploads are refused. Not
// parallel: other tests running at the same time would add to what is measured.
func TestMemoryBoundCoversWhatProcessAllocates(t *testing.T) {
	deep := image.NewNRGBA64(image.Rect(0, 0, 1900, 1300))
	gray := image.NewGray(image.Rect(0, 0, 2100, 1400))
	pal := image.NewPaletted(image.Rect(0, 0, 1700, 1000), color.Palette{color.NRGBA{}, red, blue, green})
	for i := range deep.Pix {
		deep.Pix[i] = uint8(i*7 + i/9)
	}
	for i := range gray.Pix {
		gray.Pix[i] = uint8(i*13 + i/5)
	}
	for i := range pal.Pix {
		pal.Pix[i] = uint8(i*7+i/3) % 4
	}
	photo := encodeJPEG(t, twoHalves(2400, 1600))
	lossy, err := os.ReadFile("testdata/blue-purple-pink.lossy.webp")
	if err != nil {
		t.Fatal(err)
	}
	lossless, err := os.ReadFile("testdata/gopher-doc.with-alpha.lossless.webp")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		kind  media.Kind
		data  []byte
		tight bool // whether the bound assumes no worst case of the decoder
	}{
		{"JPEG photo", media.Photo, photo, true},
		{"JPEG photo stored sideways", media.Photo, withOrientation(photo, 6), true},
		{"JPEG as a logo", media.Logo, photo, true},
		{"grey JPEG", media.Photo, encodeJPEG(t, gray), true},
		{"grey PNG", media.Photo, encodePNG(t, gray), true},
		{"RGBA PNG logo", media.Logo, encodePNG(t, transparentLogo(2200, 1500)), true},
		{"16-bit PNG logo", media.Logo, encodePNG(t, deep), true},
		{"16-bit PNG, a thin strip", media.Photo, encodePNG(t, deep.SubImage(image.Rect(0, 0, 1900, 3))), true},
		{"paletted PNG logo", media.Logo, encodePNG(t, pal), true},
		{"lossy WebP", media.Photo, lossy, true},
		// Counted with the most Huffman trees the decoder accepts, which no real file has.
		{"lossless WebP with alpha", media.Logo, lossless, false},
	}
	for _, tt := range tests {
		bound, err := media.MemoryNeeded(tt.data, tt.kind)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		runtime.GC()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		_, err = media.Process(tt.data, tt.kind)
		runtime.ReadMemStats(&after)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		used := int64(after.TotalAlloc - before.TotalAlloc)
		if used > bound {
			t.Errorf("%s: Process allocated %d bytes, more than the bound %d", tt.name, used, bound)
		}
		if tt.tight && bound > 2*used+4<<20 {
			t.Errorf("%s: the bound %d is far above the %d bytes Process allocated", tt.name, bound, used)
		}
		t.Logf("%s: allocated %.1f MB, bound %.1f MB", tt.name, float64(used)/1e6, float64(bound)/1e6)
	}
}

// largestDeepPNG is the largest square 16-bit RGB PNG the memory limit accepts as a photo: the
// accepted upload that takes the most memory, since its 8 bytes a pixel stay alive through the
// scaling. A private chunk, which decoders skip, pads it to 9 MB: the bytes of the upload are
// read and kept too. The edge is found on headers, then the file is written and, its size
// counting too, shrunk by a pixel until it passes.
func largestDeepPNG(tb testing.TB) []byte {
	tb.Helper()
	padding := make([]byte, media.MaxUploadBytes-1<<20)
	side := squareEdge(tb, media.Photo, func(s int) []byte {
		return pngWithoutPixels(pngHeader(uint32(s), uint32(s), 16, 2, false), pngChunk("prVt", padding))
	})
	for ; side > 0; side-- {
		data := withPNGChunk(deepPNG(tb, side, side), "prVt", padding)
		if len(data) > media.MaxUploadBytes {
			tb.Fatalf("the largest upload is %d bytes, over MaxUploadBytes", len(data))
		}
		if n, err := media.MemoryNeeded(data, media.Photo); err != nil {
			tb.Fatal(err)
		} else if n <= media.MaxImageMemory {
			return data
		}
	}
	tb.Fatal("no 16-bit PNG passes the memory limit")
	return nil
}
