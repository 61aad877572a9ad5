package media_test

import (
	"encoding/binary"
	"errors"
	"os"
	"testing"

	"twincities/internal/media"
)

// FuzzExifOrientation checks that no bytes make the parser panic or read past its input (the race
// detector and bounds checks catch that) or answer outside 1 to 8. Its seeds run with every go test.
func FuzzExifOrientation(f *testing.F) {
	be, le := byteOrder(binary.BigEndian), byteOrder(binary.LittleEndian)
	plain := encodeJPEG(f, twoHalves(8, 8))
	f.Add(plain)
	f.Add(withOrientation(plain, 6))
	f.Add(withJPEGSegment(plain, 0xE1, exifPayload(le, [][12]byte{orientationEntry(le, 3)}, nil)))
	f.Add(withJPEGSegment(plain, 0xE1, exifPayload(be, [][12]byte{ifdEntry(be, 0x010F, 2, 4, 0), orientationEntry(be, 8)}, nil)))
	f.Add([]byte{0xFF, 0xD8, 0xFF, 0xE1, 0x00, 0x08, 'E', 'x', 'i', 'f', 0, 0})
	f.Fuzz(func(t *testing.T, data []byte) {
		if o := media.ExifOrientation(data); o < 1 || o > 8 {
			t.Fatalf("orientation %d", o)
		}
	})
}

// FuzzProcess checks that any bytes give either one of the documented errors or two variants that
// fit their boxes and decode to their stated sizes.
func FuzzProcess(f *testing.F) {
	f.Add(encodeJPEG(f, twoHalves(40, 30)), false)
	f.Add(withOrientation(encodeJPEG(f, twoHalves(30, 40)), 6), false)
	f.Add(encodePNG(f, transparentLogo(40, 30)), true)
	f.Add(encodePNG(f, twoHalves(700, 2)), true)
	f.Add(pngHeaderOnly(20000, 20000), false)
	for _, name := range []string{"blue-purple-pink.lossy.webp", "gopher-doc.with-alpha.lossless.webp"} {
		data, err := os.ReadFile("testdata/" + name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data, true)
	}
	f.Add([]byte("%PDF-1.7"), false)
	f.Fuzz(func(t *testing.T, data []byte, logo bool) {
		kind := media.Photo
		if logo {
			kind = media.Logo
		}
		p, err := media.Process(data, kind)
		if err != nil {
			for _, s := range sentinels {
				if errors.Is(err, s) {
					return
				}
			}
			t.Fatalf("undocumented error: %v", err)
		}
		for _, v := range []struct {
			v          media.Variant
			maxW, maxH int
		}{{p.Display, media.DisplayMaxWidth, media.DisplayMaxHeight}, {p.Thumb, media.ThumbMaxWidth, media.ThumbMaxHeight}} {
			if v.v.Width < 1 || v.v.Height < 1 || v.v.Width > v.maxW || v.v.Height > v.maxH {
				t.Fatalf("a %dx%d variant for a %dx%d box", v.v.Width, v.v.Height, v.maxW, v.maxH)
			}
			decodeVariant(t, v.v, v.v.ContentType, v.v.Width, v.v.Height)
		}
		if kind == media.Photo && p.Display.ContentType != "image/jpeg" {
			t.Fatalf("a photo came out as %s", p.Display.ContentType)
		}
	})
}
