package web

import (
	"bytes"
	"context"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
)

// queryKey turns the query of a request to a cached page into its part of the cache key: only the
// parameters the page reads, normalised, so that a query the page does not understand adds no
// entry (it is answered from the entry without it). ok is false when the page must be rendered
// for this request alone: a value that would make an entry per visitor, or one the page refuses.
type queryKey func(q url.Values) (key string, ok bool)

// noQuery is the queryKey of the pages that read no parameter: every query is the page itself.
func noQuery(url.Values) (string, bool) { return "", true }

// newsPageQuery is listNews's: ?page=N, the first page being the page without it.
func newsPageQuery(q url.Values) (string, bool) {
	if !q.Has("page") {
		return "", true
	}
	n, err := strconv.Atoi(q.Get("page"))
	if err != nil || n < 1 || len(q["page"]) > 1 {
		return "", false
	}
	if n == 1 {
		return "", true
	}
	return "page=" + strconv.Itoa(n), true
}

// accessibilityQuery is accessibilityPage's: ?back= is any page of the site, so a page with it is
// rendered for the request alone.
func accessibilityQuery(q url.Values) (string, bool) { return "", !q.Has("back") }

// cached is s.handle(h) for a public page that may be answered from the page cache.
func (s *Server) cached(h handlerFunc) http.HandlerFunc { return s.cachedWith(noQuery, h) }

// cachedWith is cached for a page that reads the parameters query keeps. The page's 200 and 404
// answers carry a strong ETag and are answered 304 on a match; other answers pass as they are,
// and a page is stored only when nothing in it is for one visitor alone (no cookie set, no
// no-store) and it is HTML.
func (s *Server) cachedWith(query queryKey, h handlerFunc) http.HandlerFunc {
	next := s.handle(h)
	return func(w http.ResponseWriter, r *http.Request) {
		// HEAD is a GET by now (headAsGet). An answer already marked no-store (a 404 under
		// /admin, by noStoreUnder) is none of the cache's business.
		if r.Method != http.MethodGet || strings.Contains(w.Header().Get("Cache-Control"), "no-store") {
			next(w, r)
			return
		}
		qk, keep := "", true
		if r.URL.RawQuery != "" {
			qk, keep = query(r.URL.Query())
		}
		keep = keep && s.pages.enabled()
		var key string
		if keep {
			key = s.pageKey(r, qk)
			if p, ok := s.pages.get(key); ok {
				s.writePage(w, r, p)
				return
			}
		}
		generation, storable := s.pages.begin()
		if keep && storable {
			s.renderShared(w, r, next, key, generation)
			return
		}
		rec := &pageRecorder{header: http.Header{}}
		defer rec.release() // the page is written by then, and nothing else holds it
		next(rec, r)
		if !rec.reusable() {
			rec.replay(w)
			return
		}
		s.writePage(w, r, newCachedPage(rec.statusCode(), rec.header, rec.bytes(), oneOffEncoding(r)))
	}
}

// renderShared renders the page missing under key once for every request that asks for it
// meanwhile, and stores it. Without it, a crowd arriving just after a save (which empties the
// cache) would render and compress the same page once per request: measured with 64 connections
// on the home page, 9 requests a second, 5.5 s at the 99th percentile and 400 MB of memory
// instead of thousands a second. The requests share one render only within one generation: one
// arriving after a drop starts its own. The render does not end with the first visitor's
// connection, as the others wait for it.
func (s *Server) renderShared(w http.ResponseWriter, r *http.Request, next http.HandlerFunc, key string, generation uint64) {
	v, _, _ := s.rendering.Do(strconv.FormatUint(generation, 10)+" "+key, func() (any, error) {
		rec := &pageRecorder{header: http.Header{}}
		next(rec, r.WithContext(context.WithoutCancel(r.Context())))
		if !rec.reusable() {
			return rec, nil
		}
		// The page keeps a copy of its own size: the render buffer may be far larger, and the
		// cache's budget counts the page's bytes.
		p := newCachedPage(rec.statusCode(), rec.header, bytes.Clone(rec.bytes()), gzipped, brotlied)
		rec.release()
		s.pages.put(key, p, generation)
		return p, nil
	})
	switch v := v.(type) {
	case *cachedPage:
		s.writePage(w, r, v)
	case *pageRecorder:
		v.replay(w) // an error page, shared as it is: replay copies its headers
	}
}

// pageKey names what r's page depends on besides the content: the address (as routed, escaped or
// not, and the query's part), the language (a 404 outside /ru and /en follows Accept-Language),
// the settings of the version for the visually impaired, and the hour in Perm: the pages tell
// what is coming up by Perm's date, and a city's page the time difference, which a change to
// summer time moves.
func (s *Server) pageKey(r *http.Request, query string) string {
	a := a11yOf(r)
	var b strings.Builder
	b.Grow(64 + len(r.URL.Path) + len(r.URL.RawPath) + len(query))
	b.WriteString(string(langOf(r)))
	if a.On {
		b.WriteString(" a11y:" + a.Font + "." + a.Scheme + "." + strconv.FormatBool(a.Images))
	}
	b.WriteString(" " + s.now().In(s.pages.perm).Format("2006-01-02T15") + " ")
	b.WriteString(r.URL.Path)
	if r.URL.RawPath != "" {
		b.WriteString(" raw:" + r.URL.RawPath)
	}
	if query != "" {
		b.WriteString("?" + query)
	}
	return b.String()
}

// writePage answers r with p in the encoding the client prefers of those p has, or 304 when the
// client's copy is that one (a 404 is always sent whole).
func (s *Server) writePage(w http.ResponseWriter, r *http.Request, p *cachedPage) {
	e := p.encodingFor(r)
	h := w.Header()
	for k, v := range p.header {
		h[k] = slices.Clone(v) // the page's own slices stay as they are
	}
	h.Set("Vary", "Accept-Encoding, Cookie")
	h.Set("Cache-Control", s.pages.cacheControl(r))
	if p.status == http.StatusOK {
		h.Set("ETag", p.etags[e])
		if etagMatches(r.Header.Values("If-None-Match"), p.etags[e]) {
			h.Del("Content-Type")
			w.WriteHeader(http.StatusNotModified)
			return
		}
	}
	if e != identity {
		h.Set("Content-Encoding", contentCoding[e])
	}
	h.Set("Content-Length", strconv.Itoa(len(p.bodies[e])))
	w.WriteHeader(p.status)
	w.Write(p.bodies[e])
}

// cacheControl is what a public page says to browsers and shared caches: revalidate each time
// (no-cache), or a few seconds' freshness when PUBLIC_MAX_AGE allows it; private whenever the
// visitor's settings of the version for the visually impaired shaped it.
func (c *pageCache) cacheControl(r *http.Request) string {
	if _, err := r.Cookie(a11yCookie); err == nil {
		return c.privateControl
	}
	return c.publicControl
}

// pageRecorder keeps a handler's answer to decide what to do with it. Its body is a render
// buffer: render hands over the one it rendered the page into rather than have it copied, and a
// recorder done with its page gives it back (release).
type pageRecorder struct {
	header http.Header
	status int
	body   *bytes.Buffer
}

// unbegun reports whether nothing of the answer is recorded yet: render may then hand over its
// buffer as the body.
func (rec *pageRecorder) unbegun() bool { return rec.status == 0 && rec.body == nil }

// bytes is the body recorded.
func (rec *pageRecorder) bytes() []byte {
	if rec.body == nil {
		return nil
	}
	return rec.body.Bytes()
}

// release hands the body's buffer back for another page, once nothing refers to its bytes.
func (rec *pageRecorder) release() {
	if rec.body != nil {
		putRenderBuffer(rec.body)
		rec.body = nil
	}
}

func (rec *pageRecorder) Header() http.Header { return rec.header }

func (rec *pageRecorder) WriteHeader(status int) {
	if rec.status == 0 {
		rec.status = status
	}
}

func (rec *pageRecorder) Write(b []byte) (int, error) {
	if rec.status == 0 {
		rec.status = http.StatusOK
	}
	if rec.body == nil {
		rec.body = renderBuffers.Get().(*bytes.Buffer)
	}
	return rec.body.Write(b)
}

func (rec *pageRecorder) statusCode() int {
	if rec.status == 0 {
		return http.StatusOK
	}
	return rec.status
}

// reusable reports whether the answer is a page the same for anyone with the same key: HTML, 200
// or 404, setting no cookie and not marked no-store.
func (rec *pageRecorder) reusable() bool {
	status := rec.statusCode()
	return (status == http.StatusOK || status == http.StatusNotFound) &&
		strings.HasPrefix(rec.header.Get("Content-Type"), "text/html") &&
		len(rec.header.Values("Set-Cookie")) == 0 &&
		!strings.Contains(strings.ToLower(strings.Join(rec.header.Values("Cache-Control"), ",")), "no-store")
}

// replay sends the answer as the handler made it.
func (rec *pageRecorder) replay(w http.ResponseWriter) {
	h := w.Header()
	for k, v := range rec.header {
		h[k] = slices.Clone(v) // shared between the requests of one render (renderShared)
	}
	w.WriteHeader(rec.statusCode())
	w.Write(rec.bytes())
}
