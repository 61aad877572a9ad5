package main

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// fakeSite answers like the site does: HTML with its headers, gzip-compressed when the client
// accepts it. It notes every Accept-Encoding it is sent in accepted, when not nil.
func fakeSite(body []byte, accepted *[]string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if accepted != nil {
			*accepted = append(*accepted, r.Header.Get("Accept-Encoding"))
		}
		if r.URL.Path != "/en/" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Cache-Control", "no-cache")
		w.Header().Set("ETag", `"abc123"`)
		w.Header().Set("Content-Security-Policy", "default-src 'self'")
		w.Header().Add("Vary", "Accept-Encoding")
		if strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			w.Header().Set("Content-Encoding", "gzip")
			zw := gzip.NewWriter(w)
			zw.Write(body)
			zw.Close()
			return
		}
		w.Write(body)
	})
}

// The minimal server hands out byte for byte what the site sent to a client that accepts no
// encoding (as wrk), with the site's headers: otherwise the ratio would compare different work.
func TestReplaySameBytes(t *testing.T) {
	body := []byte("<!doctype html><html lang=en><title>Perm</title><p>Пермь – \x00\xff</p>\n")
	body = append(body, bytes.Repeat([]byte("<p>twin cities</p>\n"), 5000)...) // larger than a write buffer
	var accepted []string
	site := httptest.NewServer(fakeSite(body, &accepted))
	defer site.Close()

	got, err := fetch(site.URL, "/en/")
	if err != nil {
		t.Fatal(err)
	}
	// Go's client would ask for gzip and undo it unseen: the bytes would match, but the site
	// would have compressed, which it does not do for wrk.
	if len(accepted) != 1 || accepted[0] != "" {
		t.Errorf("fetch sent Accept-Encoding %q, want one request with none", accepted)
	}
	if !bytes.Equal(got.Body, body) {
		t.Fatalf("fetch kept %d bytes that differ from the %d the site sent uncompressed", len(got.Body), len(body))
	}
	minimalURL, stop, err := serveReplay(replay{"/en/": got})
	if err != nil {
		t.Fatal(err)
	}
	defer stop()

	// Asked as wrk asks: no Accept-Encoding.
	client := &http.Client{Transport: &http.Transport{DisableCompression: true}}
	res, err := client.Get(minimalURL + "/en/")
	if err != nil {
		t.Fatal(err)
	}
	replayed, err := io.ReadAll(res.Body)
	res.Body.Close()
	if err != nil {
		t.Fatal(err)
	}
	if res.StatusCode != http.StatusOK {
		t.Fatalf("the minimal server answered %s", res.Status)
	}
	if !bytes.Equal(replayed, body) {
		t.Errorf("the minimal server sent %d bytes that differ from the site's %d", len(replayed), len(body))
	}
	for _, h := range []string{"Content-Type", "Cache-Control", "ETag", "Content-Security-Policy", "Vary"} {
		if g, w := res.Header.Get(h), got.Header.Get(h); g != w || g == "" {
			t.Errorf("%s = %q, want the site's %q", h, g, w)
		}
	}
	if res.ContentLength != int64(len(body)) {
		t.Errorf("Content-Length = %d, want %d", res.ContentLength, len(body))
	}

	// A path it was not given is not found, not answered with some other page's bytes.
	res, err = client.Get(minimalURL + "/ru/")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusNotFound {
		t.Errorf("an unknown path answered %s, want 404", res.Status)
	}
}

// A page the site does not answer with 200 is no page to measure: fetch says so.
func TestFetchRefusesNotFound(t *testing.T) {
	site := httptest.NewServer(fakeSite([]byte("x"), nil))
	defer site.Close()
	if _, err := fetch(site.URL, "/en/twin-cities/nowhere"); err == nil || !strings.Contains(err.Error(), "404") {
		t.Errorf("fetch of a missing page: err = %v, want one naming 404", err)
	}
}
