package web

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"strings"

	"github.com/a-h/templ"

	"twincities/internal/content"
	"twincities/internal/i18n"
	"twincities/internal/store"
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

// errNotFound is returned by handlers for an address the site does not have.
var errNotFound = errors.New("web: not found")

// fail maps an error to its response: not found is a 404 page, anything else is logged and shown
// as the friendly 500 page.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	switch {
	case errors.Is(err, errNotFound), errors.Is(err, store.ErrNotFound):
		s.notFoundPage(w, r)
	case errors.Is(err, errBadRequest):
		http.Error(w, i18n.For(langOf(r)).BadRequest, http.StatusBadRequest)
	case errors.Is(err, context.Canceled) && r.Context().Err() != nil:
		// The visitor went away; there is no one to answer.
	default:
		s.serverError(w, r, err)
	}
}

// notFound handles every address no route matches.
func (s *Server) notFound(w http.ResponseWriter, r *http.Request) error {
	s.notFoundPage(w, r)
	return nil
}

func (s *Server) notFoundPage(w http.ResponseWriter, r *http.Request) {
	p := s.page(r, i18n.For(langOf(r)).NotFoundTitle, "")
	p.NoIndex = true
	s.render(w, r, http.StatusNotFound, templates.NotFound(p))
}

// serverError logs err and shows the error page, which says nothing of what went wrong inside.
func (s *Server) serverError(w http.ResponseWriter, r *http.Request, err error) {
	s.log.Error("server error", "method", r.Method, "path", r.URL.Path, "err", err)
	p := s.page(r, i18n.For(langOf(r)).ErrorTitle, "")
	p.NoIndex = true
	var buf bytes.Buffer
	if rerr := templates.ServerError(p).Render(r.Context(), &buf); rerr != nil {
		http.Error(w, http.StatusText(http.StatusInternalServerError), http.StatusInternalServerError)
		return
	}
	writeHTML(w, http.StatusInternalServerError, buf.Bytes())
}

// render writes component with status. It renders into a buffer first, so a failure half-way
// becomes a clean error page instead of half a page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, c templ.Component) {
	var buf bytes.Buffer
	if err := c.Render(r.Context(), &buf); err != nil {
		s.serverError(w, r, err)
		return
	}
	writeHTML(w, status, buf.Bytes())
}

func writeHTML(w http.ResponseWriter, status int, body []byte) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(body)
}

// page describes the page being served for the layout. title is the page's own title ("" on the
// home page); section is the main section it belongs to; crumbs lead from home to it.
func (s *Server) page(r *http.Request, title, section string, crumbs ...templates.Crumb) templates.Page {
	l := langOf(r)
	return templates.Page{
		Lang:    l,
		M:       i18n.For(l),
		Title:   title,
		Path:    r.URL.Path,
		AltPath: otherLangPath(r.URL.Path, l),
		BaseURL: s.baseURL,
		Crumbs:  crumbs,
		Section: section,
		A11y:    a11yOf(r),
	}
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

// crossOriginDenied answers a state-changing request sent from another site: 403, and a log line.
func (s *Server) crossOriginDenied(w http.ResponseWriter, r *http.Request) {
	s.log.Warn("cross-origin request refused", "method", r.Method, "path", r.URL.Path, "origin", r.Header.Get("Origin"))
	http.Error(w, i18n.For(langOf(r)).CrossOrigin, http.StatusForbidden)
}
