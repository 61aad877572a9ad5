package web_test

import (
	"bytes"
	"context"
	"io"
	"mime"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// bodyAddresses are addresses that take a body, each with the largest body it accepts (see
// bodies.go): the public form, sign-in, an admin form, an image upload, and no route at all.
var bodyAddresses = []struct {
	path  string
	limit int
}{
	{"/ru/accessibility", 16 << 10},
	{"/admin/login", 8 << 10},
	{"/admin/language", 2 << 20},
	{"/admin/twin-cities/new", 2 << 20},
	{"/admin/twin-cities/1/image", 12 << 20},
	{"/nowhere", 16 << 10},
}

// FuzzRequestBodies posts any body with any Content-Type, its length given or not (chunked), to
// each kind of address, as a visitor. The body is refused before anything else reads it when it
// is over the address's limit (413; always when its stated length is, except at an upload
// address, whose handler reads up to the limit and says so on the entry's page), when it is
// multipart outside an upload address (415) or when it does not read as a form (400); otherwise
// it passes on to the handler. Never a 5xx.
func FuzzRequestBodies(f *testing.F) {
	fs := newFuzzSite(f)
	form := "font=large&scheme=blue&images=off&back=%2Fru%2F&email=a%40b.c&password=x&lang=en"
	for i := range bodyAddresses {
		for _, ct := range []string{"application/x-www-form-urlencoded", "application/x-www-form-urlencoded; charset=utf-8",
			"multipart/form-data; boundary=x", "text/plain", "", "application/x-www-form-urlencoded; charset", "MULTIPART/Form-Data"} {
			f.Add(uint8(i), ct, []byte(form), i%2 == 0)
		}
		f.Add(uint8(i), "application/x-www-form-urlencoded", []byte("a=%zz&b=%"), false)
		f.Add(uint8(i), "application/x-www-form-urlencoded", []byte("font=\x00&back=\xff"), true)
		f.Add(uint8(i), "application/x-www-form-urlencoded", []byte("a;b=c"), false)
		f.Add(uint8(i), "multipart/form-data; boundary=x", []byte("--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n--x--\r\n"), false)
		f.Add(uint8(i), "application/x-www-form-urlencoded", bytes.Repeat([]byte("a"), bodyAddresses[i].limit+1), i%2 == 1)
	}
	f.Fuzz(func(t *testing.T, to uint8, contentType string, body []byte, chunked bool) {
		a := bodyAddresses[int(to)%len(bodyAddresses)]
		req := httptest.NewRequestWithContext(context.Background(), http.MethodPost, a.path, bytes.NewReader(body))
		if chunked {
			req.ContentLength = -1
			req.Body = io.NopCloser(bytes.NewReader(body)) // a reader whose length is not known ahead
		}
		req.Header.Set("Content-Type", contentType)
		req.Header.Set("Sec-Fetch-Site", "same-origin")
		p := fs.serve(t, req)
		fs.expectNoServerError(t, p)

		over := len(body) > a.limit
		upload := strings.HasSuffix(a.path, "/image")
		mediaType, _, _ := mime.ParseMediaType(contentType)
		multipartHere := mediaType == "multipart/form-data" && !upload
		switch {
		case over && !chunked && !upload && p.status != http.StatusRequestEntityTooLarge:
			t.Fatalf("%s: %d bytes over the limit of %d, stated ahead, answered %d", a.path, len(body), a.limit, p.status)
		case p.status == http.StatusRequestEntityTooLarge && !over:
			t.Fatalf("%s: 413 for %d bytes, within the limit of %d", a.path, len(body), a.limit)
		case !over && multipartHere && p.status != http.StatusUnsupportedMediaType:
			t.Fatalf("%s: a multipart body answered %d, want 415", a.path, p.status)
		case p.status == http.StatusUnsupportedMediaType && !multipartHere:
			t.Fatalf("%s: 415 for %q", a.path, contentType)
		case p.status == http.StatusBadRequest && !over && formReads(contentType, body):
			t.Fatalf("%s: 400 for a body the standard library reads as a form", a.path)
		}
	})
}

// formReads reports whether net/http itself reads body, sent with contentType, as a form.
func formReads(contentType string, body []byte) bool {
	req := httptest.NewRequestWithContext(context.Background(), http.MethodPost, "/", bytes.NewReader(body))
	req.Header.Set("Content-Type", contentType)
	return req.ParseForm() == nil
}
