package web_test

import (
	"bufio"
	"context"
	"io"
	"net"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"twincities/internal/web"
	"twincities/templates"
)

// The public side of the site fuzzed through the real router: any address, and the one public
// form.

// FuzzURLs asks for any path and query, with HEAD and then GET, over a real connection to the
// real server, as a visitor or as a signed-in editor (the admin's lists take a search, its change
// log dates and page numbers). No answer is a 5xx or logs an error; HEAD answers as GET does
// (status, type, redirect) without a body; no redirect leaves the site. The request is written
// byte for byte, as a client may send it: net/http's client would clean the address first.
func FuzzURLs(f *testing.F) {
	fs := newFuzzSite(f)
	addr := strings.TrimPrefix(fs.srv.URL, "http://")
	public := append(sitePaths(f, fs),
		"/", "/healthz", "/readyz", "/robots.txt", "/favicon.ico", "/manifest.webmanifest", "/ru/accessibility?back=/ru/awards",
		"/media/"+strings.Repeat("ab", 32)+".jpg", "/media/..%2Fgo.mod", "/static/../go.mod", "/static/%2e%2e/go.mod",
		"//evil.example/", "/%5Cevil.example/x/", "/\\evil.example/x/", "/ru/%2F%2Fevil.example/", "/ru//evil.example/",
		"/ru/twin-cities/%ff", "/ru/twin-cities/..", "/ru/../../etc/passwd", "/en/twin-cities/%00", "/ru/awards?%",
		"/ru/?q=%zz", "/ru/accessibility?back=//evil.example", "/ru/accessibility?back=/%5Cevil.example",
		"/admin/login?next=//evil.example", "/admin/login?next=/%5Cevil.example", "/"+strings.Repeat("x/", 2000))
	admin := []string{
		"/admin/", "/admin/login?next=/admin/../en/", "/admin/twin-cities?q=%00", "/admin/twin-cities?q=%ff&state=draft",
		"/admin/organizations?q=" + strings.Repeat("%D1%8F", 300),
		"/admin/history?from=2024-13-01&to=0000-00-00&page=99999999999999999999&user=-1&entity=x",
		"/admin/history?page=-5&action=%00", "/admin/go/city/99999999999999999999", "/admin/go/page/1",
		"/admin/twin-cities/1/preview", "/admin/events/1/history", "/admin/users", "/admin/users/1/password",
		"/admin/twin-cities/0", "/admin/twin-cities/-1", "/admin/pages/new", "/admin/twin-cities/1/publish",
	}
	for _, seeds := range []struct {
		paths    []string
		signedIn bool
	}{{public, false}, {admin, true}} {
		for _, p := range seeds.paths {
			path, query, _ := strings.Cut(p, "?")
			f.Add(path, query, seeds.signedIn)
		}
	}
	f.Fuzz(func(t *testing.T, path, query string, signedIn bool) {
		target := path
		if query != "" {
			target += "?" + query
		}
		// Only what reaches the site: net/http answers 400 itself to a request line it cannot
		// read (a space or a line break ends it; control characters are refused), and closes the
		// connection, which may be reset before the client reads the answer.
		if _, err := url.ParseRequestURI(target); err != nil || !strings.HasPrefix(target, "/") || strings.ContainsAny(target, " \r\n") {
			return
		}
		cookie := ""
		if signedIn {
			cookie = fs.editor
		}
		head, get := headThenGet(t, addr, target, cookie)
		if logged := fs.errs.take(); logged != "" {
			t.Fatalf("%s: the site logged:\n%s", shortPath(target), logged)
		}
		for _, res := range []*http.Response{head, get} {
			if res.StatusCode >= 500 {
				t.Fatalf("%s %s: status %d", res.Request.Method, shortPath(target), res.StatusCode)
			}
			if res.StatusCode >= 300 && res.StatusCode < 400 && leavesSite(res.Header.Get("Location")) {
				t.Fatalf("%s %s: redirect to %q, off the site", res.Request.Method, shortPath(target), res.Header.Get("Location"))
			}
		}
		for _, h := range []string{"Content-Type", "Location"} {
			if head.Header.Get(h) != get.Header.Get(h) {
				t.Fatalf("%s: HEAD answers %s %q, GET %q", shortPath(target), h, head.Header.Get(h), get.Header.Get(h))
			}
		}
		if head.StatusCode != get.StatusCode {
			t.Fatalf("%s: HEAD answers %d, GET %d", shortPath(target), head.StatusCode, get.StatusCode)
		}
	})
}

// headThenGet asks for target with HEAD and then GET on one connection, and reads both answers.
// Had the answer to HEAD carried a body, the answer to GET would not read as one.
func headThenGet(t *testing.T, addr, target, cookie string) (head, get *http.Response) {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	// A hang is a finding too; this is far beyond any answer's time, even on a loaded machine.
	if err := conn.SetDeadline(time.Now().Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	r := bufio.NewReader(conn)
	ask := func(method string) *http.Response {
		req := method + " " + target + " HTTP/1.1\r\nHost: test.example\r\n"
		if cookie != "" {
			req += "Cookie: " + cookie + "\r\n"
		}
		if _, err := io.WriteString(conn, req+"\r\n"); err != nil {
			t.Fatalf("%s %s: %v", method, shortPath(target), err)
		}
		res, err := http.ReadResponse(r, &http.Request{Method: method})
		if err != nil {
			t.Fatalf("%s %s: the answer does not read: %v", method, shortPath(target), err)
		}
		if _, err := io.Copy(io.Discard, res.Body); err != nil {
			t.Fatalf("%s %s: the body does not read: %v", method, shortPath(target), err)
		}
		res.Body.Close()
		return res
	}
	head = ask(http.MethodHead)
	if head.Close {
		return head, headThenGetOnNew(t, addr, target, cookie)
	}
	return head, ask(http.MethodGet)
}

// headThenGetOnNew asks with GET on a new connection, after the server closed the first.
func headThenGetOnNew(t *testing.T, addr, target, cookie string) *http.Response {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if err := conn.SetDeadline(time.Now().Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	req := "GET " + target + " HTTP/1.1\r\nHost: test.example\r\n"
	if cookie != "" {
		req += "Cookie: " + cookie + "\r\n"
	}
	if _, err := io.WriteString(conn, req+"\r\n"); err != nil {
		t.Fatal(err)
	}
	res, err := http.ReadResponse(bufio.NewReader(conn), &http.Request{Method: http.MethodGet})
	if err != nil {
		t.Fatalf("GET %s: the answer does not read: %v", shortPath(target), err)
	}
	defer res.Body.Close()
	if _, err := io.Copy(io.Discard, res.Body); err != nil {
		t.Fatalf("GET %s: the body does not read: %v", shortPath(target), err)
	}
	return res
}

// sitePaths are the site's own addresses: the Russian pages of the sitemap (the English ones
// are the same routes) and the files a page loads.
func sitePaths(tb testing.TB, fs *fuzzSite) []string {
	tb.Helper()
	var paths []string
	for _, m := range regexp.MustCompile(`<loc>https://test\.example(/ru/[^<]*)</loc>`).FindAllStringSubmatch(fs.getBody(tb, "/sitemap.xml"), -1) {
		paths = append(paths, m[1])
	}
	if len(paths) < 10 {
		tb.Fatalf("the sitemap lists %d pages", len(paths))
	}
	home := fs.getBody(tb, "/ru/")
	for _, m := range regexp.MustCompile(`(?:href|src)="(/static/[^"]+)"`).FindAllStringSubmatch(home, -1) {
		paths = append(paths, m[1])
	}
	return paths
}

// getBody is the body of the page at path, which must answer 200.
func (fs *fuzzSite) getBody(tb testing.TB, path string) string {
	tb.Helper()
	req, err := http.NewRequestWithContext(context.Background(), http.MethodGet, path, nil)
	if err != nil {
		tb.Fatal(err)
	}
	p := fs.serve(tb, req)
	expectStatus(tb, p, http.StatusOK)
	return p.body
}

// FuzzAccessibilityForm posts any settings and return address to the settings of the version
// for the visually impaired: a redirect to a public page of the site, and a cookie holding only
// settings the form offers, or removed on reset.
func FuzzAccessibilityForm(f *testing.F) {
	fs := newFuzzSite(f)
	for i, back := range returnSeeds {
		f.Add(i%2 == 0, templates.Fonts[i%len(templates.Fonts)], templates.Schemes[i%len(templates.Schemes)], "off", "", back)
	}
	for _, s := range oddStrings {
		f.Add(true, "largest"+s, "blue"+s, s, "", "/en/"+s)
		f.Add(false, s, s, "on", s, s)
	}
	f.Fuzz(func(t *testing.T, en bool, font, scheme, images, reset, back string) {
		lang := "ru"
		if en {
			lang = "en"
		}
		body := url.Values{"font": {font}, "scheme": {scheme}, "images": {images}, "reset": {reset}, "back": {back}}.Encode()
		p := fs.postForm(t, "/"+lang+"/accessibility", body, "")
		fs.expectNoServerError(t, p)
		if p.status == http.StatusRequestEntityTooLarge {
			expectTooLarge(t, body, web.MaxPublicBody)
			return
		}
		loc := p.location()
		if p.status != http.StatusSeeOther || leavesSite(loc) || !strings.HasPrefix(loc, "/ru") && !strings.HasPrefix(loc, "/en") {
			t.Fatalf("status %d to %q (back %q), want 303 to a public page", p.status, loc, back)
		}
		c := cookieOf(p, "a11y")
		switch {
		case c == nil:
			t.Fatal("no a11y cookie set")
		case reset != "":
			if c.MaxAge >= 0 {
				t.Fatalf("reset, but the cookie is kept: %v", c)
			}
		default:
			parts := strings.Split(c.Value, ".")
			if len(parts) != 3 || !slices.Contains(templates.Fonts, parts[0]) || !slices.Contains(templates.Schemes, parts[1]) ||
				parts[2] != "on" && parts[2] != "off" {
				t.Fatalf("a11y cookie %q", c.Value)
			}
		}
	})
}
