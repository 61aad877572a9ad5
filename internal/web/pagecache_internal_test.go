package web

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/andybalholm/brotli"

	"twincities/internal/postgres/pgtest"
)

// benchPage is the English home page of the initial data, as the site renders it.
func benchPage(b *testing.B) []byte {
	s := New(Deps{DB: pgtest.SeededDB(b), Log: slog.New(slog.NewTextHandler(io.Discard, nil)), BaseURL: "https://test.example"})
	b.Cleanup(s.Close)
	rec := httptest.NewRecorder()
	s.Routes().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/en/", nil))
	if rec.Code != http.StatusOK {
		b.Fatalf("GET /en/: %d", rec.Code)
	}
	return rec.Body.Bytes()
}

// BenchmarkPageCompression measures the levels a cached page is compressed at, once per change of
// the content: brotli's against gzip's, in time and in bytes (reported as bytes/page).
func BenchmarkPageCompression(b *testing.B) {
	page := benchPage(b)
	run := func(name string, compress func(*bytes.Buffer)) {
		b.Run(name, func(b *testing.B) {
			var buf bytes.Buffer
			for b.Loop() {
				buf.Reset()
				compress(&buf)
			}
			b.ReportMetric(float64(buf.Len()), "bytes/page")
			b.ReportMetric(float64(len(page)), "input-bytes")
		})
	}
	for _, level := range []int{gzip.DefaultCompression, gzip.BestCompression} {
		run(fmt.Sprintf("gzip-%d", level), func(buf *bytes.Buffer) {
			zw, _ := gzip.NewWriterLevel(buf, level)
			zw.Write(page)
			zw.Close()
		})
	}
	for _, level := range []int{1, 4, 5, 6, 9, 11} {
		run(fmt.Sprintf("brotli-%d", level), func(buf *bytes.Buffer) {
			bw := brotli.NewWriterLevel(buf, level)
			bw.Write(page)
			bw.Close()
		})
	}
}

// The weights of Accept-Encoding decide, as RFC 9110 reads them.
func TestAcceptedEncodings(t *testing.T) {
	for header, want := range map[string][2]bool{
		"":                   {false, false},
		"gzip":               {false, true},
		"br":                 {true, false},
		"gzip, deflate, br":  {true, true},
		"br;q=0, gzip;q=0.5": {false, true},
		"GZIP;Q=0":           {false, false},
		"*":                  {true, true},
		"*;q=0":              {false, false},
		"*, gzip;q=0":        {true, false},
		"identity":           {false, false},
		"br;q=0.001":         {true, false},
		"br;q=abc, gzip":     {false, true},
		"x-gzip":             {false, true},
		"gzip;q=0, x-gzip":   {false, false},
	} {
		br, gz := acceptedEncodings(header)
		if br != want[0] || gz != want[1] {
			t.Errorf("Accept-Encoding %q: br %v, gzip %v; want %v, %v", header, br, gz, want[0], want[1])
		}
	}
}
