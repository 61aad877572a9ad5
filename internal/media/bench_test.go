package media_test

import (
	"testing"

	"twincities/internal/media"
)

// BenchmarkProcessPhoto measures the common upload: a 3000×2000 camera-sized JPEG (1.2 MB)
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
