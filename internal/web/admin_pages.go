package web

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strconv"

	"github.com/go-chi/chi/v5"

	"github.com/a-h/templ"

	"twincities/internal/content"
	"twincities/internal/i18n"
	"twincities/internal/store"
	"twincities/templates"
)

// pageResource is the admin of the text pages (about, contacts). They exist once each: they can
// be edited, previewed and reverted, not created or deleted.
var pageResource = resource[content.Page]{
	table: store.Pages, base: "/admin/pages",
	title: func(a *i18n.AdminMessages, _ *i18n.Messages) string { return a.Pages },
	// Pages are never created; a blank one is the about page, so a form checked without saving
	// (kind.checkForm) is checked as the about page's.
	blank: func() content.Page { return content.Page{Key: content.About} },
	list: func(ctx context.Context, db store.DBTX, f store.Filter) ([]content.Page, error) {
		pages, err := store.ListPages(ctx, db)
		if err != nil || f.Search == "" {
			return pages, err
		}
		var found []content.Page
		for _, p := range pages {
			if containsFold(p.Title.RU, f.Search) || containsFold(p.Title.EN, f.Search) {
				found = append(found, p)
			}
		}
		return found, nil
	},
	belongs: func(content.Page) bool { return true },
	sources: func(content.Page) []content.Source { return nil },
	parse: func(v url.Values, pg *content.Page) []content.FieldError {
		p := fieldParser{v: v}
		pg.Title = p.bilingual("title")
		pg.Body = p.bilingual("body")
		return p.errs
	},
	fields: func(ctx context.Context, s *Server, f templates.Form) (templ.Component, error) {
		note, err := s.editsNote(ctx)
		if err != nil {
			return nil, err
		}
		return templates.PageFields(f, !note), nil
	},
	preview: func(ctx context.Context, s *Server, r *http.Request, pg content.Page, editPath string) (templ.Component, error) {
		d := templates.TextPageData{Page: pg}
		if pg.Key == content.About {
			events, err := store.ListEvents(ctx, s.db, store.EventQuery{General: true, Filter: store.Public})
			if err != nil {
				return nil, err
			}
			d.Events = events
		}
		if pg.Key == content.Contacts {
			places, err := store.ListPlaces(ctx, s.db, store.Public)
			if err != nil {
				return nil, err
			}
			d.Places = places
		}
		title := pg.Title.In(langOf(r))
		path := pagePublicPath(pg)
		p := s.previewPage(r, title, path, editPath, path, crumb(r, title, ""))
		return templates.TextPage(p, d), nil
	},
	publicPath: pagePublicPath,
}

// pagePublicPath is where a text page shows, below /{lang}: its own page, or for a list's note the
// list it heads.
func pagePublicPath(pg content.Page) string {
	switch pg.Key {
	case content.PartnerCitiesNote:
		return "/partner-cities"
	case content.MembershipsNote:
		return "/memberships"
	}
	return "/" + string(pg.Key)
}

// editsNote reports whether the page being edited (the {id} of the route) is a list's note, whose
// body may be left empty: its form then does not mark the body required. The form is given only
// its values, which do not hold the page's key, so the key is read here.
func (s *Server) editsNote(ctx context.Context) (bool, error) {
	rc := chi.RouteContext(ctx)
	if rc == nil {
		return false, nil
	}
	id, err := strconv.ParseInt(rc.URLParam("id"), 10, 64)
	if err != nil || id <= 0 {
		return false, nil
	}
	pg, err := store.Pages.Get(ctx, s.db, id)
	if errors.Is(err, store.ErrNotFound) {
		return false, nil
	}
	return pg.Key.IsNote(), err
}
