package media_test

import (
	"bytes"
	"compress/zlib"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"sync"
	"testing"

	"twincities/internal/media"
)

// Colours of the test pictures: far enough apart that JPEG compression and scaling cannot blur one
// into another at the points sampled.
var (
	red   = color.NRGBA{R: 220, G: 30, B: 30, A: 255}
	green = color.NRGBA{R: 30, G: 200, B: 30, A: 255}
	blue  = color.NRGBA{R: 30, G: 30, B: 220, A: 255}
	gray  = color.NRGBA{R: 128, G: 128, B: 128, A: 255}
)

// twoHalves is a w×h opaque picture, red on the left half and blue on the right, with a faint
// texture so that it compresses like a photograph rather than like a flat drawing.
func twoHalves(w, h int) *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			c := red
			if x >= w/2 {
				c = blue
			}
			t := uint8((x*7 + y*13) % 16)
			img.SetNRGBA(x, y, color.NRGBA{R: c.R + t, G: c.G + t, B: c.B - t, A: 255})
		}
	}
	return img
}

// fill paints r of img with c.
func fill(img *image.NRGBA, r image.Rectangle, c color.NRGBA) {
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			img.SetNRGBA(x, y, c)
		}
	}
}

// transparentLogo is a w×h logo: its left half fully transparent (green underneath, which must not
// show), the right half opaque red, and a half-transparent blue band across the middle of the
// right half.
func transparentLogo(w, h int) *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	fill(img, image.Rect(0, 0, w/2, h), color.NRGBA{R: 30, G: 200, B: 30, A: 0})
	fill(img, image.Rect(w/2, 0, w, h), red)
	fill(img, image.Rect(w/2, h/3, w, 2*h/3), color.NRGBA{R: 30, G: 30, B: 220, A: 128})
	return img
}

func encodeJPEG(tb testing.TB, img image.Image) []byte {
	tb.Helper()
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 92}); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

func encodePNG(tb testing.TB, img image.Image) []byte {
	tb.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// bigPhoto is a 3000×2000 JPEG, made once: encoding it is the slow part of the tests that use it.
var bigPhoto = sync.OnceValue(func() []byte {
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, twoHalves(3000, 2000), &jpeg.Options{Quality: 92}); err != nil {
		panic(err)
	}
	return buf.Bytes()
})

// process calls media.Process and fails the test on an error.
func process(tb testing.TB, data []byte, kind media.Kind) media.Processed {
	tb.Helper()
	p, err := media.Process(data, kind)
	if err != nil {
		tb.Fatalf("Process: %v", err)
	}
	return p
}

// decodeVariant checks that v is what it says it is — its bytes are of its content type, its
// extension matches, it decodes to its stated size, and its hash is the SHA-256 of its bytes — and
// returns the decoded pixels.
func decodeVariant(tb testing.TB, v media.Variant, wantType string, wantW, wantH int) image.Image {
	tb.Helper()
	if v.ContentType != wantType {
		tb.Fatalf("ContentType = %q, want %q", v.ContentType, wantType)
	}
	var img image.Image
	var err error
	switch v.ContentType {
	case "image/jpeg":
		if v.Ext != ".jpg" || !bytes.HasPrefix(v.Data, []byte{0xFF, 0xD8, 0xFF}) {
			tb.Fatalf("a JPEG variant with Ext %q and bytes % x", v.Ext, v.Data[:min(8, len(v.Data))])
		}
		img, err = jpeg.Decode(bytes.NewReader(v.Data))
	case "image/png":
		if v.Ext != ".png" || !bytes.HasPrefix(v.Data, []byte("\x89PNG\r\n\x1a\n")) {
			tb.Fatalf("a PNG variant with Ext %q and bytes % x", v.Ext, v.Data[:min(8, len(v.Data))])
		}
		img, err = png.Decode(bytes.NewReader(v.Data))
	default:
		tb.Fatalf("unexpected ContentType %q", v.ContentType)
	}
	if err != nil {
		tb.Fatalf("decoding the output: %v", err)
	}
	if b := img.Bounds(); b.Dx() != wantW || b.Dy() != wantH || v.Width != wantW || v.Height != wantH {
		tb.Fatalf("size: decoded %dx%d, Variant says %dx%d, want %dx%d", b.Dx(), b.Dy(), v.Width, v.Height, wantW, wantH)
	}
	sum := sha256.Sum256(v.Data)
	if want := hex.EncodeToString(sum[:]); v.Hash != want {
		tb.Fatalf("Hash = %q, want SHA-256 of Data %q", v.Hash, want)
	}
	return img
}

// at returns the non-premultiplied colour of img at (x, y).
func at(img image.Image, x, y int) color.NRGBA {
	return color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA)
}

// near reports whether two colours differ by at most tol in every channel.
func near(got, want color.NRGBA, tol int) bool {
	d := func(a, b uint8) int { return max(int(a)-int(b), int(b)-int(a)) }
	return d(got.R, want.R) <= tol && d(got.G, want.G) <= tol && d(got.B, want.B) <= tol && d(got.A, want.A) <= tol
}

// pngChunk is one PNG chunk with its length and a correct CRC, so that the decoder gets past it.
func pngChunk(typ string, data []byte) []byte {
	var b []byte
	b = binary.BigEndian.AppendUint32(b, uint32(len(data)))
	b = append(b, typ...)
	b = append(b, data...)
	return binary.BigEndian.AppendUint32(b, crc32.ChecksumIEEE(append([]byte(typ), data...)))
}

// pngHeaderOnly is the signature and IHDR of an 8-bit RGBA PNG of w×h, with no pixel data at all.
func pngHeaderOnly(w, h uint32) []byte {
	return pngHeader(w, h, 8, 6, false)
}

// pngHeader is the signature and IHDR of a PNG of w×h with the given bit depth and colour type
// (0 grey, 2 RGB, 3 palette, 4 grey and alpha, 6 RGBA), interlaced or not, with no pixel data.
func pngHeader(w, h uint32, depth, colorType byte, interlaced bool) []byte {
	var ihdr []byte
	ihdr = binary.BigEndian.AppendUint32(ihdr, w)
	ihdr = binary.BigEndian.AppendUint32(ihdr, h)
	interlace := byte(0)
	if interlaced {
		interlace = 1
	}
	ihdr = append(ihdr, depth, colorType, 0, 0, interlace) // compression and filter: the only ones
	return append([]byte("\x89PNG\r\n\x1a\n"), pngChunk("IHDR", ihdr)...)
}

// withPNGChunk inserts a chunk right after the IHDR of a PNG.
func withPNGChunk(pngData []byte, typ string, data []byte) []byte {
	const afterIHDR = 8 + 4 + 4 + 13 + 4
	out := append([]byte(nil), pngData[:afterIHDR]...)
	out = append(out, pngChunk(typ, data)...)
	return append(out, pngData[afterIHDR:]...)
}

// withJPEGSegment inserts a segment with the given marker right after the SOI of a JPEG.
func withJPEGSegment(jpg []byte, marker byte, payload []byte) []byte {
	out := []byte{0xFF, 0xD8, 0xFF, marker}
	out = binary.BigEndian.AppendUint16(out, uint16(len(payload)+2))
	out = append(out, payload...)
	return append(out, jpg[2:]...)
}

// byteOrder is a TIFF byte order: EXIF may be written either way round.
type byteOrder interface {
	binary.ByteOrder
	binary.AppendByteOrder
}

// exifPayload is the content of an APP1 segment: "Exif\0\0" and a TIFF structure in the given byte
// order whose first directory holds the given entries, followed by extra bytes.
func exifPayload(order byteOrder, entries [][12]byte, extra []byte) []byte {
	p := []byte("Exif\x00\x00")
	if order == byteOrder(binary.LittleEndian) {
		p = append(p, "II*\x00"...)
	} else {
		p = append(p, "MM\x00*"...)
	}
	p = order.AppendUint32(p, 8)
	p = order.AppendUint16(p, uint16(len(entries)))
	for _, e := range entries {
		p = append(p, e[:]...)
	}
	p = order.AppendUint32(p, 0) // no next directory
	return append(p, extra...)
}

// ifdEntry is one 12-byte TIFF directory entry whose value fits in the entry itself.
func ifdEntry(order byteOrder, tag, typ uint16, count uint32, value uint16) [12]byte {
	var e [12]byte
	order.PutUint16(e[0:], tag)
	order.PutUint16(e[2:], typ)
	order.PutUint32(e[4:], count)
	order.PutUint16(e[8:], value)
	return e
}

// orientationEntry is the EXIF orientation tag (0x0112, one SHORT) with value o.
func orientationEntry(order byteOrder, o uint16) [12]byte {
	return ifdEntry(order, 0x0112, 3, 1, o)
}

// withOrientation returns jpg with an EXIF segment giving orientation o.
func withOrientation(jpg []byte, o uint16) []byte {
	return withJPEGSegment(jpg, 0xE1, exifPayload(binary.BigEndian, [][12]byte{orientationEntry(binary.BigEndian, o)}, nil))
}

// deepPNG is an RGB PNG of w×h with 16 bits a channel, written row by row so that a picture of
// hundreds of megabytes never has to be held: every row repeats the one above it (filter Up, all
// zeros), except the first, a gradient. Like a scan saved at full depth, it compresses about
// 1000 to 1.
func deepPNG(tb testing.TB, w, h int) []byte {
	tb.Helper()
	var ihdr []byte
	ihdr = binary.BigEndian.AppendUint32(ihdr, uint32(w))
	ihdr = binary.BigEndian.AppendUint32(ihdr, uint32(h))
	ihdr = append(ihdr, 16, 2, 0, 0, 0)
	var idat bytes.Buffer
	z := zlib.NewWriter(&idat)
	row := make([]byte, 1+6*w)
	for x := range w {
		binary.BigEndian.PutUint16(row[1+6*x:], uint16(x*0xFFFF/w))
		binary.BigEndian.PutUint16(row[1+6*x+2:], 0x8000)
		binary.BigEndian.PutUint16(row[1+6*x+4:], uint16(0xFFFF-x*0xFFFF/w))
	}
	if _, err := z.Write(row); err != nil {
		tb.Fatal(err)
	}
	clear(row)
	row[0] = 2 // Up: each byte is the one above plus zero
	for range h - 1 {
		if _, err := z.Write(row); err != nil {
			tb.Fatal(err)
		}
	}
	if err := z.Close(); err != nil {
		tb.Fatal(err)
	}
	out := append([]byte("\x89PNG\r\n\x1a\n"), pngChunk("IHDR", ihdr)...)
	out = append(out, pngChunk("IDAT", idat.Bytes())...)
	return append(out, pngChunk("IEND", nil)...)
}
