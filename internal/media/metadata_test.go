package media_test

import (
	"bytes"
	"encoding/binary"
	"testing"

	"twincities/internal/media"
)

func TestOutputCarriesNoMetadata(t *testing.T) {
	t.Parallel()
	const secret = "GPS 58.0105N 56.2502E, camera of Ivan Petrov"
	be := binary.BigEndian
	jpg := withJPEGSegment(encodeJPEG(t, twoHalves(800, 600)), 0xE1,
		exifPayload(be, [][12]byte{orientationEntry(be, 1)}, []byte(secret)))
	jpg = withJPEGSegment(jpg, 0xFE, []byte("comment: "+secret)) // a COM segment
	pngData := withPNGChunk(encodePNG(t, transparentLogo(800, 600)), "tEXt", []byte("Author\x00"+secret))
	// The inputs really do carry what must not come out.
	for _, in := range [][]byte{jpg, pngData} {
		if !bytes.Contains(in, []byte(secret)) {
			t.Fatal("the test input lacks its metadata")
		}
	}
	if !bytes.Contains(jpg, []byte("Exif")) {
		t.Fatal("the test JPEG lacks its EXIF")
	}

	for _, tt := range []struct {
		name string
		data []byte
		kind media.Kind
	}{
		{"JPEG photo", jpg, media.Photo},
		{"JPEG logo", jpg, media.Logo},
		{"PNG photo", pngData, media.Photo},
		{"PNG logo", pngData, media.Logo},
	} {
		p := process(t, tt.data, tt.kind)
		for _, v := range []media.Variant{p.Display, p.Thumb} {
			for _, leak := range []string{"Exif", secret, "Ivan", "tEXt", "Author"} {
				if bytes.Contains(v.Data, []byte(leak)) {
					t.Errorf("%s: the %dx%d output contains %q", tt.name, v.Width, v.Height, leak)
				}
			}
		}
	}
}
