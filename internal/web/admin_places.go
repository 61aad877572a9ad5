package web

import (
	"context"
	"net/http"
	"net/url"

	"github.com/a-h/templ"

	"twincities/internal/content"
	"twincities/internal/i18n"
	"twincities/internal/store"
	"twincities/templates"
)

// placeResource is the admin of places: the department's office, the Twinned Cities Hall and
// their contact details, shown on the contacts page.
var placeResource = resource[content.Place]{
	table: store.Places, base: "/admin/places", canCreate: true,
	title:   func(a *i18n.AdminMessages, _ *i18n.Messages) string { return a.Places },
	menu:    func(a *i18n.AdminMessages, _ *i18n.Messages) string { return a.MenuPlaces },
	blank:   func() content.Place { return content.Place{} },
	list:    store.ListPlaces,
	belongs: func(content.Place) bool { return true },
	sources: func(content.Place) []content.Source { return nil },
	parse:   parsePlace,
	fields: func(_ context.Context, _ *Server, f templates.Form) (templ.Component, error) {
		return templates.PlaceFields(f), nil
	},
	detail: func(p content.Place, l content.Lang) string { return p.Address.In(l) },
	// The preview is the contacts page with this place among the published ones, in its place.
	preview: func(ctx context.Context, s *Server, r *http.Request, pl content.Place, editPath string) (templ.Component, error) {
		d, err := s.contactsData(ctx)
		if err != nil {
			return nil, err
		}
		d.Places = withPlace(d.Places, pl)
		title := d.Page.Title.In(langOf(r))
		p := s.previewPage(r, title, "/contacts", editPath, "/contacts", crumb(r, title, ""))
		return templates.TextPage(p, d), nil
	},
	publicPath: func(content.Place) string { return "/contacts" },
}

// parsePlace applies a place form's values.
func parsePlace(v url.Values, pl *content.Place) []content.FieldError {
	p := fieldParser{v: v}
	pl.Slug = p.text("slug")
	pl.Name = p.bilingual("name")
	pl.Description = p.bilingual("description")
	pl.Address = p.bilingual("address")
	pl.Phone = p.text("phone")
	pl.Email = p.text("email")
	pl.Hours = p.bilingual("hours")
	pl.HeadName = p.bilingual("head_name")
	pl.HeadPosition = p.bilingual("head_position")
	pl.Website = p.text("website")
	pl.Location = p.location()
	pl.SortOrder = p.integer("sort_order")
	pl.EditorNote = p.text("editor_note")
	return p.errs
}

// withPlace is the published places with pl put in, or in place of its stored copy, at the
// position its sort order gives it.
func withPlace(places []content.Place, pl content.Place) []content.Place {
	out := make([]content.Place, 0, len(places)+1)
	added := false
	for _, q := range places {
		if q.ID == pl.ID && pl.ID != 0 {
			continue
		}
		if !added && pl.SortOrder < q.SortOrder {
			out = append(out, pl)
			added = true
		}
		out = append(out, q)
	}
	if !added {
		out = append(out, pl)
	}
	return out
}
