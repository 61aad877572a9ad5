package web_test

import (
	"bytes"
	"crypto/rand"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"testing"

	"twincities/internal/content"
	"twincities/internal/i18n"
	"twincities/internal/postgres/pgtest"
)

// bigFile is a file of n random bytes: random, so that no layer can compress it away.
func bigFile(tb testing.TB, n int) upload {
	tb.Helper()
	data := make([]byte, n)
	rand.Read(data)
	return upload{name: "big.bin", contentType: "application/octet-stream", data: data}
}

// emptyDir fails the test unless dir holds nothing.
func emptyDir(tb testing.TB, dir, after string) {
	tb.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		tb.Fatal(err)
	}
	for _, e := range entries {
		info, _ := e.Info()
		size := int64(0)
		if info != nil {
			size = info.Size()
		}
		tb.Errorf("after %s: %s (%d bytes) left in the temporary directory", after, e.Name(), size)
	}
}

// Multipart bodies parsed on a copy of the request left their temporary files behind for good:
// one anonymous post of 1 GB filled the disk by as much. Whoever sends them, signed in or not, to
// whatever address, nothing stays in the temporary directory after the answer.
func TestNoTemporaryFileOutlivesItsRequest(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp) // where Go's multipart reader puts the parts it does not keep in memory
	db := pgtest.SeededDB(t)
	addEditor(t, db)
	site := startSite(t, db)
	anonymous := site.newBrowser(t, "en")
	editor := site.newBrowser(t, "en")
	editor.mustSignIn(editorEmail, editorPassword)
	city := cityBySlug(t, db, content.Twin, "duisburg")
	edit := "/admin/twin-cities/" + strconv.FormatInt(city.ID, 10)
	fields := url.Values{"version": {strconv.Itoa(city.Version)}, "image_alt_ru": {"Фото"}, "image_alt_en": {"Photo"}, "lang": {"en"}}

	cases := []struct {
		name   string
		who    *browser
		path   string
		size   int
		status int
	}{
		{"anonymous, 40 MB, to the language switch", anonymous, "/admin/language", 40 << 20, http.StatusRequestEntityTooLarge},
		{"anonymous, 5 MB, to the language switch", anonymous, "/admin/language", 5 << 20, http.StatusRequestEntityTooLarge},
		{"anonymous, 1.5 MB, to the language switch", anonymous, "/admin/language", 1536 << 10, http.StatusUnsupportedMediaType},
		{"anonymous, 1.5 MB, to an edit form", anonymous, edit, 1536 << 10, http.StatusUnsupportedMediaType},
		{"anonymous, 5 MB, to an upload", anonymous, edit + "/image", 5 << 20, http.StatusSeeOther},
		{"anonymous, 1.5 MB, to the public settings", anonymous, "/en/accessibility", 1536 << 10, http.StatusRequestEntityTooLarge},
		{"signed in, 1.5 MB, to an edit form", editor, edit, 1536 << 10, http.StatusUnsupportedMediaType},
		{"signed in, 5 MB that is no image, to an upload", editor, edit + "/image", 5 << 20, http.StatusUnprocessableEntity},
		{"signed in, 12 MB, to an upload", editor, edit + "/image", 12 << 20, http.StatusUnprocessableEntity},
	}
	for _, c := range cases {
		res := c.who.postMultipart(c.path, fields, map[string]upload{"file": bigFile(t, c.size)})
		if res.status != c.status {
			t.Errorf("%s: status %d, want %d\n%s", c.name, res.status, c.status, excerpt(res))
		}
		emptyDir(t, tmp, c.name)
	}
}

// A body larger than its address accepts is refused with 413 and a page that says the limit in
// the visitor's language, whether its length is announced or not.
func TestBodiesAreLimitedPerAddress(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	addEditor(t, db)
	site := startSite(t, db)
	editor := site.newBrowser(t, "ru")
	editor.mustSignIn(editorEmail, editorPassword)
	city := cityBySlug(t, db, content.Twin, "duisburg")
	edit := "/admin/twin-cities/" + strconv.FormatInt(city.ID, 10)

	cases := []struct {
		name      string
		who       *browser
		path      string
		size      int
		status    int
		limitText string // as the page's text reads, its spaces squashed
	}{
		{"sign-in over 8 KB", site.newBrowser(t, "en"), "/admin/login", 9 << 10, http.StatusRequestEntityTooLarge, "8 KB"},
		{"a sign-in code over 8 KB", site.newBrowser(t, "en"), "/admin/login/code", 9 << 10, http.StatusRequestEntityTooLarge, "8 KB"},
		{"sign-in under 8 KB", site.newBrowser(t, "en"), "/admin/login", 7 << 10, http.StatusUnauthorized, ""},
		{"public settings over 16 KB", site.newBrowser(t, "ru"), "/ru/accessibility", 17 << 10, http.StatusRequestEntityTooLarge, "16 КБ"},
		{"an entry over 2 MB", editor, edit, 2<<20 + 1, http.StatusRequestEntityTooLarge, "2 МБ"},
		{"an entry of 1.5 MB", editor, edit, 1536 << 10, http.StatusUnprocessableEntity, ""},
	}
	for _, c := range cases {
		v := url.Values{"email": {"someone@perm.example"}, "password": {"a password that is wrong"},
			"version": {strconv.Itoa(city.Version)}, "slug": {"duisburg"}}
		v.Set("editor_note", strings.Repeat("x", c.size-len(v.Encode())-len("&editor_note=")))
		for _, chunked := range []bool{false, true} {
			body := v.Encode()
			var req *http.Request
			if chunked { // no Content-Length: the limit must hold while reading
				req = c.who.newRequest(http.MethodPost, c.path, struct{ *strings.Reader }{strings.NewReader(body)})
			} else {
				req = c.who.newRequest(http.MethodPost, c.path, strings.NewReader(body))
			}
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			req.Header.Set("Sec-Fetch-Site", "same-origin")
			res := c.who.do(req)
			if res.status != c.status {
				t.Errorf("%s (chunked %v): status %d, want %d\n%s", c.name, chunked, res.status, c.status, excerpt(res))
				continue
			}
			if c.limitText != "" && !strings.Contains(res.text(), c.limitText) {
				t.Errorf("%s (chunked %v): the page does not give the limit %q: %s", c.name, chunked, c.limitText, excerpt(res))
			}
		}
	}
}

// Ordinary forms are URL-encoded; a multipart body at any address but an upload is refused
// unread, with a page in the visitor's language.
func TestMultipartOnlyWhereFilesAreUploaded(t *testing.T) {
	t.Parallel()
	site := startSite(t, pgtest.SeededDB(t))
	res := site.newBrowser(t, "ru").postMultipart("/ru/accessibility", url.Values{"font": {"large"}}, nil)
	expectStatus(t, res, http.StatusUnsupportedMediaType)
	if h1 := squash(res.doc.Find("h1").Text()); h1 != squash(i18n.For(content.RU).FormTypeTitle) {
		t.Errorf("415 page heading %q", h1)
	}
}

// A form body that is not URL-encoding at all is a 400 page, not a 500.
func TestUnreadableFormIsABadRequest(t *testing.T) {
	t.Parallel()
	site := startSite(t, pgtest.SeededDB(t))
	b := site.newBrowser(t, "en")
	req := b.newRequest(http.MethodPost, "/en/accessibility", bytes.NewReader([]byte("font=%zz&scheme=%")))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	res := b.do(req)
	expectStatus(t, res, http.StatusBadRequest)
	if h1 := squash(res.doc.Find("h1").Text()); h1 != i18n.For(content.EN).BadRequestTitle {
		t.Errorf("400 page heading %q", h1)
	}
}
