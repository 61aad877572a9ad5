package media_test

import (
	"bytes"
	"errors"
	"io"
	"testing"
	"testing/iotest"

	"twincities/internal/media"
)

// endless is a reader that never runs out, and counts what was taken from it.
type endless struct{ read int64 }

func (e *endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'x'
	}
	e.read += int64(len(p))
	return len(p), nil
}

func TestReadUploadAtTheLimit(t *testing.T) {
	t.Parallel()
	exact := bytes.Repeat([]byte{0xAB}, media.MaxUploadBytes)
	data, err := media.ReadUpload(bytes.NewReader(exact))
	if err != nil {
		t.Fatalf("exactly MaxUploadBytes: %v", err)
	}
	if !bytes.Equal(data, exact) {
		t.Errorf("read %d bytes, not the %d given", len(data), len(exact))
	}

	data, err = media.ReadUpload(bytes.NewReader(append(exact, 0xAB)))
	if !errors.Is(err, media.ErrTooLarge) || data != nil {
		t.Errorf("MaxUploadBytes+1: got %d bytes, err %v; want ErrTooLarge", len(data), err)
	}
}

func TestReadUploadStopsReadingPastTheLimit(t *testing.T) {
	t.Parallel()
	r := &endless{}
	if _, err := media.ReadUpload(r); !errors.Is(err, media.ErrTooLarge) {
		t.Fatalf("an endless upload: err %v, want ErrTooLarge", err)
	}
	if r.read > media.MaxUploadBytes+1 {
		t.Errorf("read %d bytes from an endless upload; no more than MaxUploadBytes+1 = %d are needed",
			r.read, media.MaxUploadBytes+1)
	}
}

func TestReadUploadEmpty(t *testing.T) {
	t.Parallel()
	data, err := media.ReadUpload(bytes.NewReader(nil))
	if !errors.Is(err, media.ErrEmpty) || data != nil {
		t.Errorf("empty: got %d bytes, err %v; want ErrEmpty", len(data), err)
	}
}

func TestReadUploadSmallPieces(t *testing.T) {
	t.Parallel()
	want := encodePNG(t, twoHalves(20, 20))
	// A slow client's body arrives in pieces; all of them must be read, and the final io.EOF
	// arriving with the last byte is not an error.
	data, err := media.ReadUpload(iotest.DataErrReader(iotest.OneByteReader(bytes.NewReader(want))))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(data, want) {
		t.Errorf("read %d bytes, want %d", len(data), len(want))
	}
}

func TestReadUploadReportsReadErrors(t *testing.T) {
	t.Parallel()
	broken := errors.New("connection reset")
	r := io.MultiReader(bytes.NewReader([]byte("\x89PNG")), iotest.ErrReader(broken))
	data, err := media.ReadUpload(r)
	if !errors.Is(err, broken) || data != nil {
		t.Errorf("got %d bytes, err %v; want the reader's error", len(data), err)
	}
	for _, s := range sentinels {
		if errors.Is(err, s) {
			t.Errorf("a failed read is not %v", s)
		}
	}
}
