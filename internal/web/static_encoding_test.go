package web_test

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"testing"

	"github.com/andybalholm/brotli"

	"twincities/internal/postgres/pgtest"
	"twincities/static"
)

// Through the whole site, a static file is compressed once: the form static.Handler chose, never
// gzipped again by the pages' compression, with the length and entity tag of that form; while a
// page is still compressed as before.
func TestStaticFilesAreNotCompressedTwice(t *testing.T) {
	t.Parallel()
	h := site(t, pgtest.SeededDB(t))
	want, err := os.ReadFile("../../static/css/site.css")
	if err != nil {
		t.Fatal(err)
	}
	for accept, enc := range map[string]string{"gzip": "gzip", "gzip, deflate, br": "br", "deflate": ""} {
		req := httptest.NewRequest(http.MethodGet, static.Path("css/site.css"), nil)
		req.Header.Set("Accept-Encoding", accept)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		res := rec.Result()
		if res.StatusCode != http.StatusOK || res.Header.Get("Content-Encoding") != enc {
			t.Fatalf("Accept-Encoding %q: %d, Content-Encoding %q; want 200, %q", accept, res.StatusCode, res.Header.Get("Content-Encoding"), enc)
		}
		if got := res.Header.Values("Vary"); len(got) != 1 || got[0] != "Accept-Encoding" {
			t.Errorf("Accept-Encoding %q: Vary %q, want Accept-Encoding once", accept, got)
		}
		if res.ContentLength != int64(rec.Body.Len()) {
			t.Errorf("Accept-Encoding %q: Content-Length %d for %d bytes", accept, res.ContentLength, rec.Body.Len())
		}
		var r io.Reader = bytes.NewReader(rec.Body.Bytes())
		switch enc {
		case "gzip":
			if r, err = gzip.NewReader(r); err != nil {
				t.Fatal(err)
			}
		case "br":
			r = brotli.NewReader(r)
		}
		if got, err := io.ReadAll(r); err != nil || !bytes.Equal(got, want) {
			t.Errorf("Accept-Encoding %q: the body does not decode once to site.css (%v)", accept, err)
		}
	}
	req := httptest.NewRequest(http.MethodGet, "/ru/awards", nil)
	req.Header.Set("Accept-Encoding", "gzip")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK || rec.Header().Get("Content-Encoding") != "gzip" {
		t.Errorf("a page: %d, Content-Encoding %q; want 200, gzip", rec.Code, rec.Header().Get("Content-Encoding"))
	}
}
