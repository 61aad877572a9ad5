package web

import (
	"net/http"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"

	"twincities/internal/content"
	"twincities/static"
)

// Routes returns the site's handler: every route the site answers, in one place.
func (s *Server) Routes() http.Handler {
	r := chi.NewRouter()
	r.Use(s.logRequests, s.recoverPanics, securityHeaders, middleware.GetHead, trimTrailingSlash)
	r.NotFound(s.handle(s.notFound))
	r.MethodNotAllowed(methodNotAllowed)

	// Operations.
	r.Get("/healthz", s.healthz)
	r.Get("/readyz", s.readyz)

	// Our own files: CSS, flags, icons.
	r.Handle(static.Prefix+"*", static.Handler())

	// The public site, in each language.
	r.Get("/", s.redirectToLanguage)
	r.Route("/{lang:ru|en}", func(r chi.Router) {
		r.Use(withLang)
		r.Get("/", s.handle(s.home))
		r.Get("/twin-cities", s.handle(s.listCities(content.Twin)))
		r.Get("/twin-cities/{slug}", s.handle(s.showCity(content.Twin)))
		r.Get("/partner-cities", s.handle(s.listCities(content.Partner)))
		r.Get("/partner-cities/{slug}", s.handle(s.showCity(content.Partner)))
		r.Get("/memberships", s.handle(s.listMemberships))
		r.Get("/memberships/{slug}", s.handle(s.showMembership))
		r.Get("/awards", s.handle(s.listAwards))
		r.Get("/about", s.handle(s.showTextPage(content.About)))
		r.Get("/contacts", s.handle(s.showTextPage(content.Contacts)))
	})
	return r
}
