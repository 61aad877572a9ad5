package media_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"regexp"
	"testing"

	"twincities/internal/media"
)

func TestHashIsSHA256OfDataAndStable(t *testing.T) {
	t.Parallel()
	lowerHex := regexp.MustCompile(`^[0-9a-f]{64}$`)
	for _, tt := range []struct {
		name string
		data []byte
		kind media.Kind
	}{
		{"photo", encodeJPEG(t, twoHalves(800, 600)), media.Photo},
		{"logo", encodePNG(t, transparentLogo(800, 600)), media.Logo},
	} {
		first := process(t, tt.data, tt.kind)
		second := process(t, bytes.Clone(tt.data), tt.kind)
		for _, pair := range [][2]media.Variant{{first.Display, second.Display}, {first.Thumb, second.Thumb}} {
			a, b := pair[0], pair[1]
			sum := sha256.Sum256(a.Data)
			if a.Hash != hex.EncodeToString(sum[:]) || !lowerHex.MatchString(a.Hash) {
				t.Errorf("%s: Hash %q is not the lower-case hex SHA-256 of Data", tt.name, a.Hash)
			}
			// The same upload must give the same file names, or re-saving a form would leave
			// copies of every image behind.
			if a.Hash != b.Hash || !bytes.Equal(a.Data, b.Data) {
				t.Errorf("%s: processing the same bytes twice gave different output", tt.name)
			}
		}
		if first.Display.Hash == first.Thumb.Hash {
			t.Errorf("%s: display and thumbnail of different sizes have the same hash", tt.name)
		}
	}
	// Different pictures, different names.
	a := process(t, encodeJPEG(t, twoHalves(100, 100)), media.Photo)
	b := process(t, encodeJPEG(t, twoHalves(100, 101)), media.Photo)
	if a.Display.Hash == b.Display.Hash {
		t.Error("two different pictures have the same hash")
	}
}
