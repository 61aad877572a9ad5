package web

import (
	"context"
	"fmt"
	"net/http"
	"runtime/debug"
	"strings"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"

	"twincities/internal/content"
	"twincities/static"
)

// logRequests writes one line per request: method, path, status, duration. Only the path is
// logged, never the query string, so nothing a visitor typed into a form ends up in the log; and
// without a review link's token (logPath).
func (s *Server) logRequests(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		ww := middleware.NewWrapResponseWriter(w, r.ProtoMajor)
		next.ServeHTTP(ww, r)
		status := ww.Status()
		if status == 0 {
			status = http.StatusOK
		}
		s.log.Info("request", "method", r.Method, "path", logPath(r), "status", status,
			"duration", time.Since(start).Round(time.Microsecond), "bytes", ww.BytesWritten())
	})
}

// recoverPanics turns a panic in a handler into the friendly error page and a logged stack trace.
func (s *Server) recoverPanics(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.serverError(w, r, fmt.Errorf("panic: %v\n%s", v, debug.Stack()))
			}
		}()
		next.ServeHTTP(w, r)
	})
}

// securityHeaders sets the headers every response carries. The content security policy allows
// only our own files: no third-party scripts, fonts or images can load, by design (152-FZ). A
// site served over https tells browsers to use nothing else, for a year, on its subdomains too.
func (s *Server) securityHeaders(next http.Handler) http.Handler {
	hsts := strings.HasPrefix(s.baseURL, "https://")
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		if hsts {
			h.Set("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
		}
		h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "+
			"object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "strict-origin-when-cross-origin")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()")
		next.ServeHTTP(w, r)
	})
}

// trimTrailingSlash sends /ru/awards/ to /ru/awards, keeping / and /ru/ (the home pages) as they are.
func trimTrailingSlash(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := r.URL.Path
		if len(p) > 1 && strings.HasSuffix(p, "/") && strings.Count(p, "/") > 2 && r.Method == http.MethodGet {
			// One leading slash only: "//host/" must not become a redirect to another site. And the
			// path as sent, still escaped: decoded, "/%5Chost/x/" would lead to "/\host/x", which
			// browsers read as "//host/x", another site.
			if strings.Contains(p, reviewSegment) {
				// A review link's token is in the Location: a browser must not keep the redirect,
				// nor send the address on as a Referer (as the review page itself does).
				w.Header().Set("Cache-Control", "no-store")
				w.Header().Set("Referrer-Policy", "no-referrer")
			}
			http.Redirect(w, r, "/"+strings.Trim(r.URL.EscapedPath(), "/"), http.StatusMovedPermanently)
			return
		}
		next.ServeHTTP(w, r)
	})
}

type langKey struct{}

// withLang puts the language of the URL (/ru/..., /en/...) into the request context.
func withLang(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		l, ok := content.ParseLang(chi.URLParam(r, "lang"))
		if !ok {
			l = content.RU
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), langKey{}, l)))
	})
}

// langOf is the language of the page being served: from the URL when it has one, the admin's
// chosen language in the admin, otherwise the visitor's preference (for a 404 at an address
// outside /ru and /en).
func langOf(r *http.Request) content.Lang {
	if l, ok := r.Context().Value(langKey{}).(content.Lang); ok {
		return l
	}
	if r.URL.Path == "/admin" || strings.HasPrefix(r.URL.Path, "/admin/") {
		return adminLang(r)
	}
	if first, _, _ := strings.Cut(strings.TrimPrefix(r.URL.Path, "/"), "/"); first != "" {
		if l, ok := content.ParseLang(first); ok {
			return l
		}
	}
	return preferredLang(r)
}

// compress gzips text responses (pages, the manifest, feeds) for browsers that accept it: the
// pages are mostly text and shrink to a fraction. Our static files are left alone: they are
// compressed once, each form with its own ETag (static.Handler), and must not be compressed again.
// Issue 12, page cache: the cached pages come already encoded (Content-Encoding set, which chi's
// compressor leaves alone); so that both choose alike, chi sees Accept-Encoding read with its
// weights (chi's own reading ignores them and would gzip for "gzip;q=0") and reduced to the
// codings we make, br and gzip.
func compress(next http.Handler) http.Handler {
	compressed := compressText(next)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, static.Prefix) {
			next.ServeHTTP(w, r)
			return
		}
		if ae := r.Header.Get("Accept-Encoding"); ae != "" {
			var accepted []string
			br, gz := acceptedEncodings(ae)
			if br {
				accepted = append(accepted, "br")
			}
			if gz {
				accepted = append(accepted, "gzip")
			}
			if normal := strings.Join(accepted, ", "); normal != ae {
				r = r.Clone(r.Context())
				r.Header.Set("Accept-Encoding", normal)
			}
		}
		compressed.ServeHTTP(w, r)
	})
}

// compressLevel is the gzip level of dynamic responses. Measured on the home page (72 KB of HTML,
// issue 12): level 5 takes 1.2 ms and makes 14.0 KB; level 4 1.0 ms and 14.4 KB; level 1 0.8 ms
// but 20.7 KB, half as large again (the map's coordinates). Compression is a small part of an
// uncached page, so the smaller answer wins.
const compressLevel = 5

// compressText compresses every dynamic text response at compressLevel.
var compressText = middleware.Compress(compressLevel, "text/html", "text/css", "text/plain", "text/javascript",
	"application/javascript", "image/svg+xml", "application/manifest+json", "application/xml")
