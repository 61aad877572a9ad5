package web

import (
	"bytes"
	"net/http"
	"strings"
	"sync"

	"github.com/a-h/templ"

	"twincities/internal/content"
	"twincities/internal/i18n"
	"twincities/templates"
)

// handlerFunc is a handler that returns its error instead of writing it, so that turning errors
// into status codes happens in one place (fail).
type handlerFunc func(w http.ResponseWriter, r *http.Request) error

func (s *Server) handle(h handlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if err := h(w, r); err != nil {
			s.fail(w, r, err)
		}
	}
}

// render writes component with status. It renders into a buffer first, so a failure half-way
// becomes a clean error page instead of half a page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, c templ.Component) {
	buf := renderBuffers.Get().(*bytes.Buffer)
	if err := c.Render(r.Context(), buf); err != nil {
		putRenderBuffer(buf)
		s.serverError(w, r, err)
		return
	}
	// The page cache's recorder keeps the buffer itself: copying the page into it was the
	// largest allocation of an uncached page (issue 12).
	if rec, ok := w.(*pageRecorder); ok && rec.unbegun() {
		htmlHeaders(rec.header, r)
		rec.status, rec.body = status, buf
		return
	}
	// The other writers copy what they are given (net/http into its connection's buffer), so the
	// buffer can serve the next page.
	writeHTML(w, r, status, buf.Bytes())
	putRenderBuffer(buf)
}

// renderBuffers are the buffers pages are rendered into. Growing a new buffer to a page's size
// for every page was half of what an uncached home page allocated (issue 12), and the collector's
// work that followed a good part of its time.
var renderBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// maxKeptRenderBuffer is the largest buffer kept for another page: one grown by an exceptional
// page is left to the collector rather than held.
const maxKeptRenderBuffer = 1 << 20

// putRenderBuffer hands buf back for another page.
func putRenderBuffer(buf *bytes.Buffer) {
	if buf.Cap() > maxKeptRenderBuffer {
		return
	}
	buf.Reset()
	renderBuffers.Put(buf)
}

// writeHTML writes a page. Every page follows the visitor's settings of the version for the
// visually impaired, kept in a cookie: caches must tell visitors apart by their cookies, and a
// page made for one visitor's settings is for that visitor alone.
func writeHTML(w http.ResponseWriter, r *http.Request, status int, body []byte) {
	htmlHeaders(w.Header(), r)
	w.WriteHeader(status)
	w.Write(body)
}

// htmlHeaders are writeHTML's headers, set in h.
func htmlHeaders(h http.Header, r *http.Request) {
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Add("Vary", "Cookie")
	if _, err := r.Cookie(a11yCookie); err == nil && h.Get("Cache-Control") == "" {
		h.Set("Cache-Control", "private")
	}
}

// pageWith is page with a frame read beforehand, with the page's own reads.
func (s *Server) pageWith(r *http.Request, f *frame, title, section string, crumbs ...templates.Crumb) templates.Page {
	l := langOf(r)
	p := templates.Page{
		Lang:    l,
		Msg:     i18n.For(l),
		Title:   title,
		Path:    r.URL.Path,
		AltPath: otherLangPath(r.URL.Path, l),
		BaseURL: s.baseURL,
		Crumbs:  crumbs,
		Section: section,
		A11y:    a11yOf(r),
	}
	if f.hasDepartment {
		p.Department = &f.department
	}
	p.Share = s.baseShare(p, f)
	return p
}

// otherLangPath is path in the other language: /ru/awards becomes /en/awards. Paths outside the
// language trees lead to the other language's home page.
func otherLangPath(path string, l content.Lang) string {
	prefix := "/" + string(l)
	if path == prefix || strings.HasPrefix(path, prefix+"/") {
		return "/" + string(l.Other()) + strings.TrimPrefix(path, prefix)
	}
	return "/" + string(l.Other()) + "/"
}

// crumb is a breadcrumb to a section of the site in the page's language.
func crumb(r *http.Request, label, rest string) templates.Crumb {
	return templates.Crumb{Label: label, Path: "/" + string(langOf(r)) + rest}
}

// validSlug reports whether a slug from a URL could exist, to answer 404 without asking the database.
func validSlug(slug string) bool {
	if slug == "" || len(slug) > content.MaxSlug {
		return false
	}
	for _, c := range slug {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}
