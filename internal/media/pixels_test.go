package media_test

import (
	"encoding/binary"
	"runtime"
	"testing"

	"twincities/internal/media"
)

// jpegHeaderOnly is a JPEG of w×h: its SOI, a baseline frame header and the start of a scan, with no
// tables and no pixel data.
func jpegHeaderOnly(w, h uint16) []byte {
	b := []byte{0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x11, 8}
	b = binary.BigEndian.AppendUint16(b, h)
	b = binary.BigEndian.AppendUint16(b, w)
	b = append(b, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1)
	return append(b, 0xFF, 0xDA, 0x00, 0x0C)
}

// webpHeaderOnly is an extended-format WebP whose canvas is w×h, with no image chunk.
func webpHeaderOnly(w, h uint32) []byte {
	b := []byte("RIFF")
	b = binary.LittleEndian.AppendUint32(b, 4+8+10)
	b = append(b, "WEBPVP8X"...)
	b = binary.LittleEndian.AppendUint32(b, 10)
	b = append(b, 0, 0, 0, 0)
	b = append(b, byte(w-1), byte((w-1)>>8), byte((w-1)>>16))
	return append(b, byte(h-1), byte((h-1)>>8), byte((h-1)>>16))
}

// TestRefusesTooManyPixelsFromTheHeader is not parallel: it measures the memory Process allocates,
// which other tests running at the same time would add to.
func TestRefusesTooManyPixelsFromTheHeader(t *testing.T) {
	tests := []struct {
		name string
		data []byte
	}{
		// 400 million pixels: 1.6 GB as RGBA, from 33 bytes.
		{"PNG 20000×20000", pngHeaderOnly(20000, 20000)},
		{"JPEG 65000×65000", jpegHeaderOnly(65000, 65000)},
		{"WebP 16384×16384", webpHeaderOnly(16384, 16384)},
		{"PNG one pixel over", pngHeaderOnly(10001, 5000)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			p, err := media.Process(tt.data, media.Photo)
			runtime.ReadMemStats(&after)
			wantOnly(t, p, err, media.ErrTooManyPixels)
			// Decoding the pixels would take hundreds of megabytes; reading a header takes a few
			// kilobytes.
			if allocated := after.TotalAlloc - before.TotalAlloc; allocated > 1<<20 {
				t.Errorf("refusing took %d bytes of memory: the pixels were allocated", allocated)
			}
		})
	}
}

func TestPixelLimitIsInclusive(t *testing.T) {
	t.Parallel()
	if media.MaxPixels != 10000*5000 {
		t.Fatalf("the test assumes MaxPixels = 10000×5000, it is %d", media.MaxPixels)
	}
	// Exactly MaxPixels passes the limit, and fails only later for having no pixel data at all. The
	// PNG is grey, one byte a pixel, so that MaxImageMemory does not refuse it first.
	p, err := media.Process(pngHeader(10000, 5000, 8, 0, false), media.Photo)
	wantOnly(t, p, err, media.ErrCorrupt)
	p, err = media.Process(jpegHeaderOnly(10000, 5000), media.Photo)
	wantOnly(t, p, err, media.ErrCorrupt)
}
