package media_test

import (
	"testing"

	"twincities/internal/media"
)

// BenchmarkProcessPhoto measures the common upload: a 3000×2000 camera JPEG (1.6 MB at quality 92)
// turned into both sizes.
func BenchmarkProcessPhoto(b *testing.B) {
	data := bigPhoto()
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := media.Process(data, media.Photo); err != nil {
			b.Fatal(err)
		}
	}
}
