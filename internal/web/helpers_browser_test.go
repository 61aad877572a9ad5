package web_test

import (
	"bytes"
	"context"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"net/textproto"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

// The browser of the tests: one person's cookies and language, the requests it sends and the
// pages it reads back, signing in, and the addresses it asks for.

// sessionCookie is the name of the staff session cookie.
const sessionCookie = "twincities_session"

// browser is one person's browser: its own cookie jar, its language, and redirects shown rather
// than followed, so tests see every 303.
type browser struct {
	tb   testing.TB
	site *adminSite
	c    *http.Client
	jar  *cookiejar.Jar
	lang string // Accept-Language; "" sends none
	// noStoreChecked makes every admin response be checked for Cache-Control: no-store.
	noStoreChecked bool
}

// newBrowser opens a browser on site, asking for pages in lang ("en", "ru" or "").
func (s *adminSite) newBrowser(tb testing.TB, lang string) *browser {
	tb.Helper()
	jar, err := cookiejar.New(nil)
	if err != nil {
		tb.Fatal(err)
	}
	c := &http.Client{
		Jar:           jar,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	return &browser{tb: tb, site: s, c: c, jar: jar, lang: lang, noStoreChecked: true}
}

// in is the same browser (cookies and all) reporting to tb: for use inside a subtest.
func (b *browser) in(tb testing.TB) *browser {
	c := *b
	c.tb = tb
	return &c
}

// page is a response with its HTML parsed.
type page struct {
	status int
	header http.Header
	body   string
	doc    *goquery.Document
	path   string // the address asked for
	res    *http.Response
}

// location is where a redirect leads.
func (p page) location() string { return p.header.Get("Location") }

// flash is the text of the page's flash message, "" when it has none.
func (p page) flash() string { return squash(p.doc.Find("div.flash").Text()) }

// text is the page's visible text, with white space squashed.
func (p page) text() string { return squash(p.doc.Find("body").Text()) }

// squash joins the words of s with single spaces.
func squash(s string) string { return strings.Join(strings.Fields(s), " ") }

// do sends req from the browser and reads the answer.
func (b *browser) do(req *http.Request) page {
	b.tb.Helper()
	if b.lang != "" {
		req.Header.Set("Accept-Language", b.lang)
	}
	res, err := b.c.Do(req)
	if err != nil {
		b.tb.Fatalf("%s %s: %v", req.Method, req.URL.Path, err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		b.tb.Fatalf("%s %s: read: %v", req.Method, req.URL.Path, err)
	}
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(body))
	if err != nil {
		b.tb.Fatalf("%s %s: parse HTML: %v", req.Method, req.URL.Path, err)
	}
	p := page{status: res.StatusCode, header: res.Header, body: string(body), doc: doc, path: req.URL.RequestURI(), res: res}
	if b.noStoreChecked && strings.HasPrefix(req.URL.Path, "/admin") && req.Header.Get("Sec-Fetch-Site") != "cross-site" &&
		req.Header.Get("Origin") == "" {
		if cc := res.Header.Get("Cache-Control"); cc != "no-store" {
			b.tb.Errorf("%s %s (%d): Cache-Control %q, want no-store", req.Method, req.URL.Path, res.StatusCode, cc)
		}
	}
	return p
}

func (b *browser) newRequest(method, path string, body io.Reader) *http.Request {
	b.tb.Helper()
	req, err := http.NewRequestWithContext(context.Background(), method, b.site.srv.URL+path, body)
	if err != nil {
		b.tb.Fatalf("%s %s: %v", method, path, err)
	}
	return req
}

// get asks for path, with optional header pairs.
func (b *browser) get(path string, header ...string) page {
	b.tb.Helper()
	req := b.newRequest(http.MethodGet, path, nil)
	setHeaders(req, header)
	return b.do(req)
}

// post sends form values to path as a page of the site does: same-origin, URL-encoded. Header
// pairs are set after, so they can replace Sec-Fetch-Site.
func (b *browser) post(path string, v url.Values, header ...string) page {
	b.tb.Helper()
	req := b.newRequest(http.MethodPost, path, strings.NewReader(v.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	setHeaders(req, header)
	if req.Header.Get("Sec-Fetch-Site") == "" {
		req.Header.Del("Sec-Fetch-Site") // ("Sec-Fetch-Site", ""): an older browser, which sends none
	}
	return b.do(req)
}

// upload is a file chosen in a file input.
type upload struct {
	name        string
	contentType string
	data        []byte
}

// postMultipart sends a multipart form as a browser does: the fields, then the files.
func (b *browser) postMultipart(path string, v url.Values, files map[string]upload, header ...string) page {
	b.tb.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	keys := make([]string, 0, len(v))
	for k := range v {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		for _, val := range v[k] {
			if err := mw.WriteField(k, val); err != nil {
				b.tb.Fatal(err)
			}
		}
	}
	for field, f := range files {
		h := textproto.MIMEHeader{}
		h.Set("Content-Disposition", `form-data; name="`+field+`"; filename="`+f.name+`"`)
		h.Set("Content-Type", f.contentType)
		w, err := mw.CreatePart(h)
		if err != nil {
			b.tb.Fatal(err)
		}
		if _, err := w.Write(f.data); err != nil {
			b.tb.Fatal(err)
		}
	}
	if err := mw.Close(); err != nil {
		b.tb.Fatal(err)
	}
	req := b.newRequest(http.MethodPost, path, &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	setHeaders(req, header)
	return b.do(req)
}

func setHeaders(req *http.Request, header []string) {
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
}

// follow asks for the address a redirect leads to.
func (b *browser) follow(p page) page {
	b.tb.Helper()
	if p.status < 300 || p.status > 399 || p.location() == "" {
		b.tb.Fatalf("%s: status %d, want a redirect\n%s", p.path, p.status, excerpt(p))
	}
	return b.get(p.location())
}

// mustGet asks for path and fails the test unless the answer is 200.
func (b *browser) mustGet(path string) page {
	b.tb.Helper()
	p := b.get(path)
	if p.status != http.StatusOK {
		b.tb.Fatalf("GET %s: status %d, want 200\n%s", path, p.status, excerpt(p))
	}
	return p
}

// signIn signs in through the sign-in form and returns the answer to the form.
func (b *browser) signIn(email, password string) page {
	b.tb.Helper()
	return b.signInAt("/admin/login", email, password)
}

// signInAt signs in through the sign-in form at path (which may carry ?next=).
func (b *browser) signInAt(path, email, password string) page {
	b.tb.Helper()
	login := b.mustGet(path)
	return b.submit(login, formAt("/admin/login"), url.Values{"email": {email}, "password": {password}})
}

// mustSignIn signs in and fails the test unless it worked.
func (b *browser) mustSignIn(email, password string) {
	b.tb.Helper()
	p := b.signIn(email, password)
	if p.status != http.StatusSeeOther || p.location() != "/admin/" {
		b.tb.Fatalf("sign-in as %s: status %d to %q, want 303 to /admin/\n%s", email, p.status, p.location(), excerpt(p))
	}
}

// sessionToken is the session cookie the browser holds, "" when none.
func (b *browser) sessionToken() string {
	u, err := url.Parse(b.site.srv.URL + "/admin/")
	if err != nil {
		b.tb.Fatal(err)
	}
	for _, c := range b.jar.Cookies(u) {
		if c.Name == sessionCookie {
			return c.Value
		}
	}
	return ""
}

// twinPath is the admin page of a twin city.
func twinPath(id int64) string { return "/admin/twin-cities/" + itoa(id) }

func itoa(i int64) string { return strconv.FormatInt(i, 10) }
