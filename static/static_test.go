package static_test

import (
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"twincities/static"
)

func TestPathCarriesContentHash(t *testing.T) {
	t.Parallel()
	body, err := os.ReadFile("css/site.css")
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(body)
	// The hash must follow the content: a release that changes the file must change its URL, or
	// browsers keep the old copy for a year.
	want := "/static/css/site." + hex.EncodeToString(sum[:5]) + ".css"
	got := static.Path("css/site.css")
	if got != want {
		t.Errorf("Path(css/site.css) = %q, want %q", got, want)
	}
	if got == static.Prefix+"css/site.css" {
		t.Error("Path returned the plain name")
	}
	if a, b := static.Path("flags/de.svg"), static.Path("flags/fr.svg"); a == b || !strings.HasPrefix(a, "/static/flags/de.") {
		t.Errorf("flag paths %q and %q", a, b)
	}
}

func TestPathUnknownName(t *testing.T) {
	t.Parallel()
	if got := static.Path("css/missing.css"); got != "/static/css/missing.css" {
		t.Errorf("Path(unknown) = %q", got)
	}
}

func TestExists(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		want bool
	}{
		{"css/site.css", true},
		{"flags/de.svg", true},
		{"img/icon.svg", true},
		{"flags/zz.svg", false},
		{"flags/DE.svg", false},
		{"css", false},
		{"/css/site.css", false},
		{"static.go", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := static.Exists(tt.name); got != tt.want {
			t.Errorf("Exists(%q) = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestFile(t *testing.T) {
	t.Parallel()
	want, err := os.ReadFile("img/icon.svg")
	if err != nil {
		t.Fatal(err)
	}
	got, ok := static.File("img/icon.svg")
	if !ok || string(got) != string(want) {
		t.Errorf("File(img/icon.svg) = %d bytes, %v; want the file's %d bytes", len(got), ok, len(want))
	}
	if _, ok := static.File("img/missing.svg"); ok {
		t.Error("File(missing) reported ok")
	}
}

func get(t *testing.T, target string, header ...string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, target, nil)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	static.Handler().ServeHTTP(rec, req)
	return rec
}

func TestHandlerServesHashedNames(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, file, ctype string
	}{
		{"css", "css/site.css", "text/css"},
		{"flag", "flags/de.svg", "image/svg+xml"},
		{"icon", "img/icon.svg", "image/svg+xml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			want, err := os.ReadFile(tt.file)
			if err != nil {
				t.Fatal(err)
			}
			rec := get(t, static.Path(tt.file))
			if rec.Code != http.StatusOK {
				t.Fatalf("GET %s: %d", static.Path(tt.file), rec.Code)
			}
			if got := rec.Header().Get("Cache-Control"); got != "public, max-age=31536000, immutable" {
				t.Errorf("Cache-Control = %q", got)
			}
			if got := rec.Header().Get("Content-Type"); !strings.HasPrefix(got, tt.ctype) {
				t.Errorf("Content-Type = %q, want %s", got, tt.ctype)
			}
			if rec.Body.String() != string(want) {
				t.Errorf("body differs from %s", tt.file)
			}
			if rec.Header().Get("ETag") == "" {
				t.Error("no ETag")
			}
		})
	}
}

// An old link or a hand-typed URL still works, but must not be cached as if it could never change.
func TestHandlerServesPlainNamesUncached(t *testing.T) {
	t.Parallel()
	plain := get(t, "/static/css/site.css")
	if plain.Code != http.StatusOK {
		t.Fatalf("GET plain name: %d", plain.Code)
	}
	if got := plain.Header().Get("Cache-Control"); got != "no-cache" {
		t.Errorf("Cache-Control = %q, want no-cache", got)
	}
	if got := plain.Header().Get("Content-Type"); !strings.HasPrefix(got, "text/css") {
		t.Errorf("Content-Type = %q", got)
	}
	hashed := get(t, static.Path("css/site.css"))
	if plain.Body.String() != hashed.Body.String() {
		t.Error("plain and hashed names serve different bodies")
	}
	if plain.Header().Get("ETag") != hashed.Header().Get("ETag") {
		t.Errorf("same content, different ETags: %q and %q", plain.Header().Get("ETag"), hashed.Header().Get("ETag"))
	}
}

func TestHandlerNotFound(t *testing.T) {
	t.Parallel()
	for _, target := range []string{
		"/static/css/missing.css",
		"/static/css/site.0000000000.css", // a hash of no release
		"/static/",
		"/static/css",
		"/static/css/",
		"/static/static.go",
		"/static/../static/static.go",
		"/static/flags/zz.svg",
	} {
		rec := get(t, target)
		if rec.Code != http.StatusNotFound {
			t.Errorf("GET %s: %d, want 404", target, rec.Code)
		}
		if rec.Header().Get("Cache-Control") == "public, max-age=31536000, immutable" {
			t.Errorf("GET %s: a 404 is cached for a year", target)
		}
	}
}

func TestHandlerConditionalRequests(t *testing.T) {
	t.Parallel()
	for _, target := range []string{static.Path("css/site.css"), "/static/css/site.css", static.Path("flags/us.svg")} {
		first := get(t, target)
		etag := first.Header().Get("ETag")
		if etag == "" || !strings.HasPrefix(etag, `"`) || !strings.HasSuffix(etag, `"`) {
			t.Fatalf("GET %s: ETag %q is not a quoted entity tag", target, etag)
		}
		again := get(t, target, "If-None-Match", etag)
		if again.Code != http.StatusNotModified {
			t.Errorf("GET %s with its ETag: %d, want 304", target, again.Code)
		}
		if again.Body.Len() != 0 {
			t.Errorf("GET %s: 304 with a %d-byte body", target, again.Body.Len())
		}
		stale := get(t, target, "If-None-Match", `"something-else"`)
		if stale.Code != http.StatusOK || stale.Body.Len() == 0 {
			t.Errorf("GET %s with another ETag: %d, %d bytes; want the file", target, stale.Code, stale.Body.Len())
		}
	}
	// Different content must never share an entity tag, or a browser would keep the wrong file.
	if a, b := get(t, static.Path("flags/de.svg")).Header().Get("ETag"), get(t, static.Path("flags/fr.svg")).Header().Get("ETag"); a == b {
		t.Errorf("two flags share the ETag %q", a)
	}
}

func TestHandlerHead(t *testing.T) {
	t.Parallel()
	req := httptest.NewRequest(http.MethodHead, static.Path("css/site.css"), nil)
	rec := httptest.NewRecorder()
	static.Handler().ServeHTTP(rec, req)
	if rec.Code != http.StatusOK || rec.Body.Len() != 0 {
		t.Errorf("HEAD: %d with %d bytes, want 200 and no body", rec.Code, rec.Body.Len())
	}
}
