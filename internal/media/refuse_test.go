package media_test

import (
	"bytes"
	"errors"
	"image"
	"image/color"
	"image/gif"
	"os"
	"testing"

	"twincities/internal/media"
)

// sentinels are all the errors Process may return for a bad upload.
var sentinels = []error{media.ErrEmpty, media.ErrTooLarge, media.ErrNotAnImage, media.ErrTooManyPixels, media.ErrTooMuchMemory, media.ErrCorrupt}

// wantOnly fails unless err is want and none of the other sentinels, and p is empty.
func wantOnly(t *testing.T, p media.Processed, err, want error) {
	t.Helper()
	if !errors.Is(err, want) {
		t.Fatalf("err = %v, want %v", err, want)
	}
	for _, s := range sentinels {
		if s != want && errors.Is(err, s) {
			t.Errorf("err = %v is also %v", err, s)
		}
	}
	if p.Display.Data != nil || p.Thumb.Data != nil {
		t.Error("a refused upload still produced data")
	}
}

func TestRefusesWhatIsNotAnImage(t *testing.T) {
	t.Parallel()
	var gifData bytes.Buffer
	pal := image.NewPaletted(image.Rect(0, 0, 16, 16), color.Palette{color.Black, color.White})
	if err := gif.Encode(&gifData, pal, nil); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		data []byte
	}{
		{"text", []byte("Пермь — город-побратим\n")},
		{"PDF", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")},
		{"HTML", []byte("<!DOCTYPE html>\n<html><head><title>x</title></head><body><img src=x onerror=alert(1)></body></html>\n")},
		{"SVG", []byte(`<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>`)},
		{"GIF", gifData.Bytes()},
		{"BMP", []byte("BM\x3a\x00\x00\x00\x00\x00\x00\x00\x36\x00\x00\x00\x28\x00\x00\x00")},
		{"TIFF", []byte("II*\x00\x08\x00\x00\x00\x00\x00")},
		{"ZIP", []byte("PK\x03\x04\x14\x00\x00\x00\x08\x00")},
		{"RIFF that is not WebP", []byte("RIFF\x24\x00\x00\x00WAVEfmt \x10\x00\x00\x00")},
		{"only the start of a JPEG marker", []byte{0xFF, 0xD8}},
		{"PNG signature cut short", []byte("\x89PNG\r\n\x1a")},
		{"PNG bytes after something else", append([]byte("x"), encodePNG(t, twoHalves(8, 8))...)},
		{"a single zero byte", []byte{0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			for _, kind := range []media.Kind{media.Photo, media.Logo} {
				p, err := media.Process(tt.data, kind)
				wantOnly(t, p, err, media.ErrNotAnImage)
			}
		})
	}
}

func TestRefusesDamagedImages(t *testing.T) {
	t.Parallel()
	pngData := encodePNG(t, twoHalves(64, 64))
	jpegData := encodeJPEG(t, twoHalves(64, 64))
	webpData, err := os.ReadFile("testdata/blue-purple-pink.lossy.webp")
	if err != nil {
		t.Fatal(err)
	}
	garbage := make([]byte, 4096)
	for i := range garbage {
		garbage[i] = byte(i*131 + i/7) // deterministic, and not a valid marker sequence
	}
	badCRC := append([]byte(nil), pngData...)
	badCRC[len(badCRC)-20] ^= 0x55 // inside the image data, so its CRC no longer matches

	tests := []struct {
		name string
		data []byte
	}{
		{"truncated PNG", pngData[:len(pngData)/2]},
		{"PNG header only", pngData[:33]},
		{"PNG with a damaged chunk", badCRC},
		{"PNG signature then garbage", append([]byte("\x89PNG\r\n\x1a\n"), garbage...)},
		{"PNG of zero width", pngHeaderOnly(0, 10)},
		{"truncated JPEG", jpegData[:len(jpegData)/2]},
		{"JPEG header then garbage", append([]byte{0xFF, 0xD8, 0xFF}, garbage...)},
		{"JPEG markers then nothing", jpegData[:200]},
		{"truncated WebP", webpData[:len(webpData)/2]},
		{"WebP header then garbage", append([]byte("RIFF\x00\x10\x00\x00WEBP"), garbage...)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			for _, kind := range []media.Kind{media.Photo, media.Logo} {
				p, err := media.Process(tt.data, kind)
				wantOnly(t, p, err, media.ErrCorrupt)
			}
		})
	}
}

func TestRefusesEmptyAndTooLarge(t *testing.T) {
	t.Parallel()
	p, err := media.Process(nil, media.Photo)
	wantOnly(t, p, err, media.ErrEmpty)
	p, err = media.Process([]byte{}, media.Logo)
	wantOnly(t, p, err, media.ErrEmpty)

	// A valid PNG padded past the limit: refused by its size before anything else.
	big := append(encodePNG(t, twoHalves(8, 8)), make([]byte, media.MaxUploadBytes)...)
	p, err = media.Process(big, media.Photo)
	wantOnly(t, p, err, media.ErrTooLarge)
}
