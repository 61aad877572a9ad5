package media_test

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"image"
	"testing"

	"twincities/internal/media"
)

func TestExifOrientationParser(t *testing.T) {
	t.Parallel()
	be, le := byteOrder(binary.BigEndian), byteOrder(binary.LittleEndian)
	plain := encodeJPEG(t, twoHalves(16, 16))
	app1 := func(order byteOrder, entries ...[12]byte) []byte {
		return withJPEGSegment(plain, 0xE1, exifPayload(order, entries, nil))
	}
	// makeTag is an ASCII entry that comes before the orientation, as in a real camera's file.
	makeTag := func(order byteOrder) [12]byte { return ifdEntry(order, 0x010F, 2, 4, 0) }

	six := orientationEntry(be, 6)
	// An APP1 of 22 bytes whose one entry stops after 4 of its 12 bytes; the 8 bytes that follow
	// the segment would make it a valid orientation of 6.
	cutEntry := append([]byte{0xFF, 0xD8, 0xFF, 0xE1, 0x00, 0x16}, "Exif\x00\x00MM\x00*\x00\x00\x00\x08\x00\x01\x01\x12\x00\x03"...)
	cutEntry = append(cutEntry, 0x00, 0x00, 0x00, 0x01, 0x00, 0x06, 0x00, 0x00)

	tests := []struct {
		name string
		data []byte
		want int
	}{
		{"no EXIF", plain, 1},
		{"big-endian 6", app1(be, orientationEntry(be, 6)), 6},
		{"little-endian 6", app1(le, orientationEntry(le, 6)), 6},
		{"little-endian 8", app1(le, orientationEntry(le, 8)), 8},
		{"after another tag", app1(be, makeTag(be), orientationEntry(be, 3)), 3},
		{"no orientation tag", app1(be, makeTag(be)), 1},
		{"empty directory", app1(le), 1},
		{"value 0", app1(be, orientationEntry(be, 0)), 1},
		{"value 9", app1(be, orientationEntry(be, 9)), 1},
		{"value 0x0600 read in the wrong order", app1(be, orientationEntry(le, 6)), 1},
		{"type LONG", app1(be, ifdEntry(be, 0x0112, 4, 1, 6)), 1},
		{"count 2", app1(be, ifdEntry(be, 0x0112, 3, 2, 6)), 1},
		{"after a JFIF APP0", withJPEGSegment(app1(be, orientationEntry(be, 5)), 0xE0, []byte("JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00")), 5},
		{"after an XMP APP1", withJPEGSegment(app1(be, orientationEntry(be, 7)), 0xE1, []byte("http://ns.adobe.com/xap/1.0/\x00<x:xmpmeta/>")), 7},
		{"first EXIF wins", withJPEGSegment(app1(be, orientationEntry(be, 2)), 0xE1, exifPayload(be, [][12]byte{orientationEntry(be, 4)}, nil)), 4},
		{"fill bytes before the marker", append([]byte{0xFF, 0xD8, 0xFF, 0xFF, 0xFF}, app1(be, orientationEntry(be, 6))[2:]...), 6},
		{"EXIF after the scan is not metadata", append(plain[:len(plain)-2:len(plain)-2], app1(be, orientationEntry(be, 6))[2:]...), 1},
		{"EXIF after the start of scan", append([]byte{0xFF, 0xD8, 0xFF, 0xDA, 0x00, 0x02}, withOrientation(plain, 6)[2:]...), 1},
		// The entry is cut off by the end of the segment; the bytes after it would complete it.
		{"entry cut off by the segment's end", cutEntry, 1},
		// An offset of 6 makes the last two bytes of the header a count of 6 entries, and valid
		// entries follow; but a directory cannot start inside the header.
		{"IFD offset inside the header", withJPEGSegment(plain, 0xE1, append([]byte("Exif\x00\x00MM\x00*\x00\x00\x00\x06"), bytes.Repeat(six[:], 6)...)), 1},
		{"not a JPEG", encodePNG(t, twoHalves(4, 4)), 1},
		{"nothing", nil, 1},
		{"only SOI", []byte{0xFF, 0xD8}, 1},
		{"bad TIFF byte order", withJPEGSegment(plain, 0xE1, []byte("Exif\x00\x00XX*\x00\x08\x00\x00\x00\x00\x00")), 1},
		{"IFD offset past the end", withJPEGSegment(plain, 0xE1, []byte("Exif\x00\x00MM\x00*\xff\xff\xff\xf0")), 1},
		{"more entries than bytes", withJPEGSegment(plain, 0xE1, []byte("Exif\x00\x00MM\x00*\x00\x00\x00\x08\xff\xff\x01\x12\x00\x03")), 1},
		{"TIFF header cut short", withJPEGSegment(plain, 0xE1, []byte("Exif\x00\x00MM\x00")), 1},
		{"segment longer than the file", []byte{0xFF, 0xD8, 0xFF, 0xE1, 0xFF, 0xFF, 'E', 'x', 'i', 'f', 0, 0}, 1},
		{"segment length below 2", []byte{0xFF, 0xD8, 0xFF, 0xE1, 0x00, 0x01, 0xFF, 0xD9}, 1},
		{"bytes that are not a marker", []byte{0xFF, 0xD8, 0x00, 0x00, 0x00, 0x00}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := media.ExifOrientation(tt.data); got != tt.want {
				t.Errorf("ExifOrientation = %d, want %d", got, tt.want)
			}
		})
	}
}

// TestOrientationIsApplied follows two corners of the stored picture to where each EXIF orientation
// must put them: red at the stored top left, green at the stored top right.
func TestOrientationIsApplied(t *testing.T) {
	t.Parallel()
	const w, h = 60, 40
	stored := twoHalves(w, h)
	fill(stored, image.Rect(0, 0, w, h), gray)
	fill(stored, image.Rect(0, 0, w/3, h/3), red)
	fill(stored, image.Rect(w-w/3, 0, w, h/3), green)
	jpg := encodeJPEG(t, stored)

	type corner int
	const (
		topLeft corner = iota
		topRight
		bottomRight
		bottomLeft
	)
	tests := []struct {
		o              uint16
		redAt, greenAt corner
	}{
		{1, topLeft, topRight},
		{2, topRight, topLeft},
		{3, bottomRight, bottomLeft},
		{4, bottomLeft, bottomRight},
		{5, topLeft, bottomLeft},
		{6, topRight, bottomRight},
		{7, bottomRight, topRight},
		{8, bottomLeft, topLeft},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.o), func(t *testing.T) {
			t.Parallel()
			wantW, wantH := w, h
			if tt.o >= 5 {
				wantW, wantH = h, w
			}
			p := process(t, withOrientation(jpg, tt.o), media.Photo)
			img := decodeVariant(t, p.Display, "image/jpeg", wantW, wantH)
			// A point well inside each corner's marked square.
			points := map[corner]image.Point{
				topLeft:     {4, 4},
				topRight:    {wantW - 5, 4},
				bottomRight: {wantW - 5, wantH - 5},
				bottomLeft:  {4, wantH - 5},
			}
			for c, pt := range points {
				got := at(img, pt.X, pt.Y)
				want := gray
				switch c {
				case tt.redAt:
					want = red
				case tt.greenAt:
					want = green
				}
				if !near(got, want, 24) {
					t.Errorf("corner %v at %v is %v, want about %v", c, pt, got, want)
				}
			}
		})
	}
}

func TestOrientationWithScaling(t *testing.T) {
	t.Parallel()
	// A 3000×2000 photo taken with the phone upright: stored lying down, orientation 6.
	p := process(t, withOrientation(bigPhoto(), 6), media.Photo)
	display := decodeVariant(t, p.Display, "image/jpeg", 1067, 1600)
	thumb := decodeVariant(t, p.Thumb, "image/jpeg", 320, 480)
	// A quarter turn clockwise puts the stored left (red) half at the top.
	for _, img := range []image.Image{display, thumb} {
		b := img.Bounds()
		if c := at(img, b.Dx()/2, b.Dy()/4); !near(c, red, 24) {
			t.Errorf("%v: the top is %v, want about %v", b, c, red)
		}
		if c := at(img, b.Dx()/2, 3*b.Dy()/4); !near(c, blue, 24) {
			t.Errorf("%v: the bottom is %v, want about %v", b, c, blue)
		}
	}
}
