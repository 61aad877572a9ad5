package static_test

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"os"
	"strconv"
	"testing"

	"github.com/andybalholm/brotli"

	"twincities/static"
)

// decode undoes a response's Content-Encoding.
func decode(t *testing.T, encoding string, body []byte) []byte {
	t.Helper()
	var r io.Reader
	switch encoding {
	case "":
		return body
	case "br":
		r = brotli.NewReader(bytes.NewReader(body))
	case "gzip":
		zr, err := gzip.NewReader(bytes.NewReader(body))
		if err != nil {
			t.Fatalf("gzip: %v", err)
		}
		r = zr
	default:
		t.Fatalf("unexpected Content-Encoding %q", encoding)
	}
	out, err := io.ReadAll(r)
	if err != nil {
		t.Fatalf("%s: %v", encoding, err)
	}
	return out
}

// Every text file goes out in the form the client prefers among those it accepts, and every
// form decodes to the file itself, with its own length and entity tag.
func TestHandlerNegotiatesEncoding(t *testing.T) {
	t.Parallel()
	tests := []struct {
		accept, want string
	}{
		{"", ""},
		{"gzip", "gzip"},
		{"gzip, deflate, br, zstd", "br"},
		{"br;q=0.5, gzip", "gzip"},
		{"br;q=0, gzip;q=0", ""},
		{"BR", "br"},
		{"x-gzip", "gzip"},
		{"*", "br"},
		{"*;q=0.5, br;q=0", "gzip"},
		{"deflate", ""},
		{"identity;q=0, gzip;q=0.1", "gzip"},
		{"gzip;q=0.4, identity;q=0.5", ""},
		{"gzip;q=nonsense", ""},
		{"gzip;q=0, x-gzip", ""}, // named twice: the refusal stands
	}
	for _, file := range []string{"css/site.css", "js/admin.js", "flags/rs.svg", "img/icon.svg"} {
		want, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		etags := map[string]string{}
		for _, tt := range tests {
			rec := get(t, static.Path(file), "Accept-Encoding", tt.accept)
			h := rec.Header()
			if rec.Code != http.StatusOK {
				t.Fatalf("GET %s (Accept-Encoding %q): %d", file, tt.accept, rec.Code)
			}
			if got := h.Get("Content-Encoding"); got != tt.want {
				t.Errorf("GET %s (Accept-Encoding %q): Content-Encoding %q, want %q", file, tt.accept, got, tt.want)
				continue
			}
			if got := decode(t, tt.want, rec.Body.Bytes()); !bytes.Equal(got, want) {
				t.Errorf("GET %s (Accept-Encoding %q): the %q form does not decode to the file", file, tt.accept, tt.want)
			}
			if tt.want != "" && rec.Body.Len() >= len(want) {
				t.Errorf("GET %s: the %s form is %d bytes, the file %d", file, tt.want, rec.Body.Len(), len(want))
			}
			if got := h.Get("Content-Length"); got != strconv.Itoa(rec.Body.Len()) {
				t.Errorf("GET %s (Accept-Encoding %q): Content-Length %q for %d bytes", file, tt.accept, got, rec.Body.Len())
			}
			if got := h.Values("Vary"); len(got) != 1 || got[0] != "Accept-Encoding" {
				t.Errorf("GET %s (Accept-Encoding %q): Vary %q", file, tt.accept, got)
			}
			if got := h.Get("Cache-Control"); got != "public, max-age=31536000, immutable" {
				t.Errorf("GET %s: Cache-Control %q", file, got)
			}
			if prev, ok := etags[tt.want]; ok && prev != h.Get("ETag") {
				t.Errorf("GET %s: the %q form has two ETags, %s and %s", file, tt.want, prev, h.Get("ETag"))
			}
			etags[tt.want] = h.Get("ETag")
		}
		// A form is another sequence of bytes: it must have its own entity tag.
		if len(etags) != 3 || etags[""] == etags["gzip"] || etags["gzip"] == etags["br"] || etags[""] == etags["br"] {
			t.Errorf("GET %s: ETags of the forms %q, want three different ones", file, etags)
		}
		// A browser revalidates with the tag of the form it has; the answer is 304 without a body.
		for enc, accept := range map[string]string{"br": "br, gzip", "gzip": "gzip", "": ""} {
			rec := get(t, static.Path(file), "Accept-Encoding", accept, "If-None-Match", etags[enc])
			if rec.Code != http.StatusNotModified || rec.Body.Len() != 0 {
				t.Errorf("GET %s (%q) with its ETag: %d, %d bytes; want 304 and none", file, enc, rec.Code, rec.Body.Len())
			}
		}
	}
}

// Images that are not text are sent as they are: compressing them again gains nothing.
func TestHandlerLeavesOtherFilesAlone(t *testing.T) {
	t.Parallel()
	rec := get(t, static.IconPath(192), "Accept-Encoding", "br, gzip")
	if rec.Code != http.StatusOK {
		t.Fatalf("GET %s: %d", static.IconPath(192), rec.Code)
	}
	if got := rec.Header().Get("Vary"); got != "" {
		t.Errorf("a PNG icon varies by %q", got)
	}
	if got := rec.Header().Get("Content-Encoding"); got != "" {
		t.Errorf("a PNG icon went out as %q", got)
	}
}
