package web

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"

	"github.com/go-chi/chi/v5"

	"twincities/internal/i18n"
	"twincities/internal/store"
	"twincities/templates"
)

// The errors handlers return for requests the site refuses; fail turns each into its page.
var (
	// errNotFound is an address the site does not have.
	errNotFound = errors.New("web: not found")
	// errBadRequest is a request no form of ours sends: a missing version, an unreadable body.
	errBadRequest = errors.New("web: bad request")
	// errBadSearch is a search holding characters nobody can type (a NUL byte, broken UTF-8).
	errBadSearch = errors.New("web: search with untypable characters")
	// errBusy means every slot for checking passwords stayed taken for too long.
	errBusy = errors.New("web: too busy to check a password")
)

// retryAfter is what a 503 asks clients to wait, in seconds: about as long as the local database
// takes to be restarted.
const retryAfter = 30

// fail maps an error to its response, in one place: not found is a 404 page; a request the site
// refuses gets a page saying why (400); a database that cannot be reached, or a server too busy,
// a 503 page; anything else is logged and shown as the friendly 500 page. Below /api the same
// statuses are problem details in JSON instead of pages (see writeProblem).
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	m := i18n.For(langOf(r))
	var tooBig *http.MaxBytesError
	var badFilter *badFilterError
	switch {
	case errors.Is(err, errNotFound), errors.Is(err, store.ErrNotFound):
		s.notFoundPage(w, r)
	case errors.Is(err, errBadRequest):
		s.problem(w, r, http.StatusBadRequest, m.BadRequestTitle, m.BadRequest)
	case errors.Is(err, errBadSearch):
		s.problem(w, r, http.StatusBadRequest, m.BadRequestTitle, m.BadSearch)
	case isSearchFailure(err):
		s.searchProblem(w, r, err)
	case errors.As(err, &badFilter):
		s.problem(w, r, http.StatusBadRequest, m.APIBadFilterTitle, badFilter.detail(m))
	case errors.Is(err, errMethodNotAllowed):
		s.problem(w, r, http.StatusMethodNotAllowed, m.APIMethodTitle, m.APIMethod)
	case errors.As(err, &tooBig):
		s.tooLarge(w, r, tooBig.Limit)
	case errors.Is(err, context.Canceled) && r.Context().Err() != nil:
		// The visitor went away; there is no one to answer.
	case errors.Is(err, errBusy):
		s.logLimited(slog.LevelWarn, "server busy", "all password-checking slots stayed taken; a request was refused", err)
		s.unavailablePage(w, r)
	case store.Unavailable(err):
		s.logLimited(slog.LevelError, "database unavailable", "database unavailable", err)
		s.unavailablePage(w, r)
	case store.Untypable(err):
		// Validation should have refused this text before it reached the database: say so to
		// whoever reads the log, and to the visitor that the form held what cannot be stored.
		s.logLimited(slog.LevelError, "untypable text "+routeOf(r), "the database refused text that validation let through",
			err, "method", r.Method, "path", logPath(r))
		s.problem(w, r, http.StatusBadRequest, m.BadRequestTitle, m.BadRequest)
	default:
		s.serverError(w, r, err)
	}
}

// routeOf is the route pattern a request matched ("/{lang}/twin-cities/{slug}"), or its path
// when it matched none: a bounded name for the kind of request, for the log.
func routeOf(r *http.Request) string {
	if rc := chi.RouteContext(r.Context()); rc != nil {
		if p := rc.RoutePattern(); p != "" {
			return r.Method + " " + p
		}
	}
	return r.Method + " (no route)"
}

// notFound handles every address no route matches.
func (s *Server) notFound(w http.ResponseWriter, r *http.Request) error {
	s.notFoundPage(w, r)
	return nil
}

func (s *Server) notFoundPage(w http.ResponseWriter, r *http.Request) {
	if isAPI(r) {
		m := i18n.For(langOf(r))
		s.writeProblem(w, r, http.StatusNotFound, m.APINotFoundTitle, m.APINotFound)
		return
	}
	p := s.page(r, i18n.For(langOf(r)).NotFoundTitle, "")
	p.NoIndex = true
	s.render(w, r, http.StatusNotFound, templates.NotFound(p))
}

// serverError logs err and shows the error page, which says nothing of what went wrong inside.
// The same failure on the same route is logged at most once every few seconds, with a count of
// the lines held back: a fault every request meets must not flood the log.
func (s *Server) serverError(w http.ResponseWriter, r *http.Request, err error) {
	s.logLimited(slog.LevelError, "server error "+routeOf(r)+" "+fmt.Sprintf("%T", rootCause(err)), "server error", err,
		"method", r.Method, "path", logPath(r))
	if isAPI(r) {
		m := i18n.For(langOf(r))
		s.writeProblem(w, r, http.StatusInternalServerError, m.ErrorTitle, m.APIServerError)
		return
	}
	p := s.page(r, i18n.For(langOf(r)).ErrorTitle, "")
	p.NoIndex = true
	var buf bytes.Buffer
	if rerr := templates.ServerError(p).Render(r.Context(), &buf); rerr != nil {
		http.Error(w, http.StatusText(http.StatusInternalServerError), http.StatusInternalServerError)
		return
	}
	writeHTML(w, r, http.StatusInternalServerError, buf.Bytes())
}

// rootCause is the innermost error err wraps.
func rootCause(err error) error {
	for {
		next := errors.Unwrap(err)
		if next == nil {
			return err
		}
		err = next
	}
}

// problem shows a page saying what happened (title) and what to do (text), with status; below
// /api, the same as a problem detail.
func (s *Server) problem(w http.ResponseWriter, r *http.Request, status int, title, text string) {
	if isAPI(r) {
		s.writeProblem(w, r, status, title, text)
		return
	}
	p := s.page(r, title, "")
	p.NoIndex = true
	s.render(w, r, status, templates.Problem(p, text))
}

// unavailablePage answers 503: the site cannot serve this page for a while, and says when to try
// again.
func (s *Server) unavailablePage(w http.ResponseWriter, r *http.Request) {
	m := i18n.For(langOf(r))
	w.Header().Set("Retry-After", strconv.Itoa(retryAfter))
	w.Header().Set("Cache-Control", "no-store")
	text := m.Unavailable
	if isAPI(r) {
		text = m.APIUnavailable
	}
	s.problem(w, r, http.StatusServiceUnavailable, m.UnavailableTitle, text)
}

// tooLarge answers 413: the body was larger than limit bytes, which the page says in words.
func (s *Server) tooLarge(w http.ResponseWriter, r *http.Request, limit int64) {
	m := i18n.For(langOf(r))
	size := fmt.Sprintf(m.Kilobytes, limit>>10)
	if limit >= 1<<20 {
		size = fmt.Sprintf(m.Megabytes, limit>>20)
	}
	s.problem(w, r, http.StatusRequestEntityTooLarge, m.TooLargeTitle, fmt.Sprintf(m.TooLarge, size))
}

// crossOriginDenied answers a state-changing request sent from another site: 403, and a log line.
func (s *Server) crossOriginDenied(w http.ResponseWriter, r *http.Request) {
	s.logLimited(slog.LevelWarn, "cross-origin "+routeOf(r), "cross-origin request refused", nil,
		"method", r.Method, "path", logPath(r), "origin", r.Header.Get("Origin"))
	m := i18n.For(langOf(r))
	s.problem(w, r, http.StatusForbidden, m.RefusedTitle, m.CrossOrigin)
}
