package web

import (
	"net/http"
	"strings"

	"github.com/go-chi/chi/v5"

	"twincities/internal/content"
	"twincities/static"
)

// Routes returns the site's handler: every route the site answers, in one place. Every
// state-changing request passes cross-origin protection first; no GET changes anything.
func (s *Server) Routes() http.Handler {
	r := chi.NewRouter()
	r.Use(compress, trimTrailingSlash)
	r.NotFound(s.cached(s.notFound))

	// Operations.
	r.Get("/healthz", s.healthz)
	r.Get("/readyz", s.readyz)

	// Our own files: CSS, flags, icons; and uploaded images, named by their content.
	r.Handle(static.Prefix+"*", static.Handler())
	r.Get("/media/{file}", s.handle(s.serveImage))
	r.Get("/favicon.ico", s.favicon)
	r.Get("/manifest.webmanifest", s.manifest)
	r.Get("/robots.txt", s.robots)
	r.Get("/sitemap.xml", s.handle(s.sitemap))

	// Issue 10, structured data and previews: the pictures of shared links, in both languages.
	r.Get("/share/home.png", s.handle(s.shareHome))
	r.Get("/share/{kind:twin|partner}/{file}", s.handle(s.shareCity))

	// The public site, in each language. Issue 12, page cache: s.cached and s.cachedWith mark the
	// pages that may be answered from the page cache (pagecache_serve.go) and say which query
	// parameters each reads; never the write form, search, review links, nor anything with a
	// session or a cookie to set.
	r.Get("/", s.redirectToLanguage)
	r.Route("/{lang:ru|en}", func(r chi.Router) {
		r.Use(withLang)
		r.Get("/", s.cached(s.home))
		r.Get("/twin-cities", s.cached(s.listCities(content.Twin)))
		r.Get("/twin-cities/{slug}", s.cached(s.showCity(content.Twin)))
		r.Get("/partner-cities", s.cached(s.listCities(content.Partner)))
		r.Get("/partner-cities/{slug}", s.cached(s.showCity(content.Partner)))
		r.Get("/memberships", s.cached(s.listMemberships))
		r.Get("/memberships/{slug}", s.cached(s.showMembership))
		r.Get("/awards", s.cached(s.listAwards))
		r.Get("/about", s.cached(s.showTextPage(content.About)))
		r.Get("/contacts", s.cached(s.showTextPage(content.Contacts)))
		r.Get("/contacts/write", s.handle(s.writeForm))
		r.Post("/contacts/write", s.handle(s.sendMessage))
		r.Get("/contacts/write/sent", s.handle(s.writeSent))
		r.Get("/privacy", s.cached(s.showTextPage(content.Privacy)))
		r.Get("/accessibility", s.cachedWith(accessibilityQuery, s.accessibilityPage))
		r.Post("/accessibility", s.handle(s.setAccessibility))
		// Issue 10, feeds: the Atom feed of new events and awards; the calendar of what is coming.
		r.Get("/feed.atom", s.handle(s.feed))
		r.Get("/calendar.ics", s.handle(s.calendar))
		// Issue 10, search: the search page, which the box in every page's header asks.
		r.Get("/search", s.handle(s.search))
		// Issue 10, open data: the section's page.
		r.Get("/opendata", s.cached(s.openDataPage))
		// Issue 10, JSON API: the page that explains it.
		r.Get("/api", s.cached(s.apiPage))
		// Issue 11, review links: an entry shown to someone without an account (public_review.go).
		r.Get("/review/{token}", s.handle(s.showReview))
		// Issue 11, news: the list, paged, and each item's page.
		r.Get("/news", s.cachedWith(newsPageQuery, s.listNews))
		r.Get("/news/{slug}", s.cached(s.showNews))
	})

	// Issue 10, JSON API: the published data, read-only, for anyone (api_*.go). Every answer,
	// errors included, is JSON; any other method than GET, HEAD and OPTIONS is a 405.
	r.Route("/api", func(r chi.Router) {
		r.NotFound(s.handle(s.notFound))
		r.MethodNotAllowed(s.handle(s.apiMethodNotAllowed))
		for pattern, h := range map[string]handlerFunc{
			"/v1/openapi.json":         s.openAPI,
			"/v1/cities":               s.apiCities,
			"/v1/cities/{kind}/{slug}": s.apiCity,
			"/v1/organizations":        s.apiOrganizations,
			"/v1/awards":               s.apiAwards,
			"/v1/events":               s.apiEvents,
		} {
			r.Get(pattern, s.handle(h))
			r.Options(pattern, s.apiPreflight) // a browser's CORS preflight
		}
	})

	// Issue 10, open data: the files, at the addresses the recommendations give them, the same in
	// both languages.
	r.Get("/opendata/list.csv", s.handle(s.openDataRegister))
	r.Get("/opendata/{identifier}/meta.csv", s.handle(s.openDataPassport))
	r.Get("/opendata/{identifier}/{file}", s.handle(s.openDataFile))

	// The staff's admin: sessions, sign-in (the password, then the code of a second factor), then
	// everything behind it.
	r.Route("/admin", func(r chi.Router) {
		r.Use(s.sessions.LoadAndSave, s.loadStaff)
		r.Get("/login", s.handle(s.loginForm))
		r.Post("/login", s.handle(s.login))
		r.Get("/login/code", s.handle(s.loginCodeForm))
		r.Post("/login/code", s.handle(s.loginCode))
		r.Post("/language", s.handle(s.setAdminLanguage))
		r.Group(func(r chi.Router) {
			r.Use(s.requireStaff)
			// Issue 12, page cache: a change saved here shows on this instance's next page at once
			// (staff only: a stranger's failed sign-ins must not empty the cache).
			r.Use(s.dropPagesAfterWrites)
			r.Post("/logout", s.handle(s.logout))

			// The person's own second factor: open before it is set up, even where it is required.
			r.Get("/account/two-factor", s.handle(s.twoFactorPage))
			r.Post("/account/two-factor/start", s.handle(s.startTwoFactor))
			r.Post("/account/two-factor/confirm", s.handle(s.confirmTwoFactor))
			r.Post("/account/two-factor/recovery-codes", s.handle(s.regenerateRecoveryCodes))
			r.Post("/account/two-factor/disable", s.handle(s.disableTwoFactor))

			// Everything else: only with a second factor, when administrators require one.
			r.Group(func(r chi.Router) {
				r.Use(s.requireTwoFactor)
				r.Get("/", s.handle(s.dashboard))
				r.Get("/history", s.handle(s.changeLog))
				r.Get("/trash", s.handle(s.trash))
				r.Get("/go/{entity}/{id}", s.handle(s.goToEntry))
				// Issue 11, images in the form: the media library (admin_media.go).
				r.Get("/media", s.handle(s.mediaLibrary))
				// Issue 10, search: staff search, over drafts and the trash too.
				r.Get("/search", s.handle(s.adminSearch))
				// The messages visitors wrote to the department: every member of staff.
				r.Get("/messages", s.handle(s.listMessages))
				r.Get("/messages/{id}", s.handle(s.showMessage))
				r.Post("/messages/{id}/answered", s.handle(s.markMessageAnswered))
				r.Post("/messages/{id}/delete", s.handle(s.deleteMessage))
				// Issue 11, friendly inputs: a scheduled action that failed, taken off the dashboard.
				r.Post("/schedules/{sid}/dismiss", s.handle(s.dismissSchedule))
				// Each kind of entry's routes, from the registry (kinds.go): twin-cities,
				// partner-cities, events, organizations, awards, pages.
				for _, k := range kinds {
					s.entryRoutes(r, k)
				}
				// Issue 11, news: a news draft of a round anniversary, from the dashboard.
				r.Post("/news/anniversary", s.handle(s.draftAnniversaryNews))

				// Staff accounts and site-wide settings: administrators only.
				r.Group(func(r chi.Router) {
					r.Use(s.requireAdmin)
					r.Get("/users", s.handle(s.listUsers))
					r.Get("/users/new", s.handle(s.newUser))
					r.Post("/users/new", s.handle(s.createUser))
					r.Post("/users/{id}/disable", s.handle(s.setUserDisabled(true)))
					r.Post("/users/{id}/enable", s.handle(s.setUserDisabled(false)))
					r.Get("/users/{id}/password", s.handle(s.passwordForm))
					r.Post("/users/{id}/password", s.handle(s.setPassword))
					r.Get("/users/{id}/two-factor/reset", s.handle(s.resetTwoFactorForm))
					r.Post("/users/{id}/two-factor/reset", s.handle(s.resetTwoFactor))
					r.Get("/settings", s.handle(s.settingsPage))
					r.Post("/settings", s.handle(s.saveSettings))
				})
			})
		})
	})

	cop := http.NewCrossOriginProtection()
	if err := cop.AddTrustedOrigin(s.baseURL); err != nil {
		s.log.Warn("BASE_URL is not a valid origin for cross-origin protection", "err", err)
	}
	cop.SetDenyHandler(http.HandlerFunc(s.crossOriginDenied))
	// Outside the router, which passes copies of the request on: logging, the last resort for a
	// panic and the headers of every response wrap everything; admin responses are never cached,
	// whatever answers them: a page, a redirect, a refusal, a body refused unread; the body is
	// read before anything else sees the request (see readBodies).
	return s.logRequests(s.recoverPanics(s.securityHeaders(noStoreUnder("/admin", s.readBodies(headAsGet(cop.Handler(r)))))))
}

// entryRoutes adds the admin routes of one kind of entry, below its base (such as
// /admin/twin-cities); r is the router mounted at /admin. A kind without a handler has no route.
func (s *Server) entryRoutes(r chi.Router, k kind) {
	h := k.routes(s)
	base := strings.TrimPrefix(k.base, "/admin")
	route := func(method, pattern string, h handlerFunc, middleware ...func(http.Handler) http.Handler) {
		if h != nil {
			r.With(middleware...).Method(method, base+pattern, s.handle(h))
		}
	}
	route(http.MethodGet, "", h.list)                              // the list, filtered and searched
	route(http.MethodGet, "/new", h.newForm)                       // a new entry's form
	route(http.MethodPost, "/new", h.create)                       // a new draft
	route(http.MethodGet, "/{id}", h.edit)                         // an entry's form
	route(http.MethodPost, "/{id}", h.update)                      // saved, if nobody saved meanwhile
	route(http.MethodGet, "/{id}/preview", h.preview)              // as the public will see it
	route(http.MethodGet, "/{id}/history", h.history)              // every version and change
	route(http.MethodPost, "/{id}/revert", h.revert)               // an earlier version again
	route(http.MethodPost, "/{id}/publish", h.publish)             // public
	route(http.MethodPost, "/{id}/unpublish", h.unpublish)         // a draft again
	route(http.MethodPost, "/{id}/delete", h.delete)               // to the trash
	route(http.MethodPost, "/{id}/restore", h.restore)             // out of the trash
	route(http.MethodPost, "/{id}/purge", h.purge, s.requireAdmin) // gone for good
	route(http.MethodPost, "/{id}/image", h.uploadImage)           // a new picture
	route(http.MethodPost, "/{id}/image/remove", h.removeImage)    // no picture
	route(http.MethodPost, "/{id}/gallery/image", h.addPhoto)      // one more photo in the gallery
	route(http.MethodPost, "/{id}/gallery/{n}", h.editPhoto)       // a photo's words, place, or removal
	// Issue 11, drafts: the working copy beside a published entry (saved and published by POST /{id}).
	route(http.MethodPost, "/{id}/draft/discard", h.discardDraft) // the draft dropped, the published version kept
	// Issue 11, scheduling: publish or withdraw later, and cancel that (admin_schedule.go).
	route(http.MethodPost, "/{id}/schedule", h.schedule)
	route(http.MethodPost, "/{id}/schedule/{sid}/cancel", h.cancelSchedule)
	// Issue 11, review before publishing: a publisher or an administrator approves what waits for
	// review, or returns it with a comment (admin_review.go; sent by POST /{id} with do=review).
	route(http.MethodPost, "/{id}/review/approve", h.approveReview)
	route(http.MethodPost, "/{id}/review/return", h.returnReview)
	// Issue 11, review links: links that show the entry without an account, made (the answer shows
	// the new one once) and revoked (admin_review_links.go).
	route(http.MethodPost, "/{id}/review-links", h.createReviewLink)
	route(http.MethodPost, "/{id}/review-links/{lid}/revoke", h.revokeReviewLink)
}
