package store_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"twincities/internal/content"
)

// decodeLike decodes a stored revision into the concrete type of want.
func decodeLike(want content.Entry, data []byte) (content.Entry, error) {
	switch want.(type) {
	case content.City:
		return decodeAs[content.City](data)
	case content.Organization:
		return decodeAs[content.Organization](data)
	case content.Award:
		return decodeAs[content.Award](data)
	case content.Event:
		return decodeAs[content.Event](data)
	case content.Page:
		return decodeAs[content.Page](data)
	}
	panic("no decoder for " + want.Entity())
}

func decodeAs[T content.Entry](data []byte) (content.Entry, error) {
	var e T
	err := json.Unmarshal(data, &e)
	return e, err
}

// Every revision of shape 1 that production databases hold decodes to the entry it was made from,
// whole.
func TestDecodeShape1Fixtures(t *testing.T) {
	t.Parallel()
	for _, f := range shape1Fixtures() {
		data, err := os.ReadFile(filepath.Join("testdata", "revisions", "v1", f.file))
		if err != nil {
			t.Fatal(err)
		}
		got, err := decodeLike(f.want, data)
		if err != nil {
			t.Errorf("%s: %v", f.file, err)
			continue
		}
		if diff := cmp.Diff(f.want, got); diff != "" {
			t.Errorf("%s decoded (-want +got):\n%s", f.file, diff)
		}
	}
}
