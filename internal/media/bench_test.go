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

// BenchmarkProcessLargestUpload measures the accepted upload that takes the most memory: a 16-bit
// PNG just within MaxImageMemory. B/op is what Process allocates for it; bound-MB is the bound it
// was admitted by.
func BenchmarkProcessLargestUpload(b *testing.B) {
	data := largestDeepPNG(b)
	bound, err := media.MemoryNeeded(data, media.Photo)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := media.Process(data, media.Photo); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(bound)/1e6, "bound-MB")
}
