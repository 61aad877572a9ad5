package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"

	"github.com/a-h/templ"

	"twincities/internal/content"
	"twincities/internal/i18n"
	"twincities/internal/media"
	"twincities/internal/store"
	"twincities/templates"
)

// cityResource is the admin of twin cities or partner cities.
func cityResource(kind content.CityKind) resource[content.City] {
	base := "/admin/twin-cities"
	title := func(_ *i18n.AdminMessages, m *i18n.Messages) string { return m.TwinCities }
	menu := func(a *i18n.AdminMessages, _ *i18n.Messages) string { return a.MenuTwinCities }
	if kind == content.Partner {
		base = "/admin/partner-cities"
		title = func(_ *i18n.AdminMessages, m *i18n.Messages) string { return m.PartnerCities }
		menu = func(a *i18n.AdminMessages, _ *i18n.Messages) string { return a.MenuPartnerCities }
	}
	return resource[content.City]{
		table: store.Cities, base: base, title: title, menu: menu, canCreate: true,
		blank: func() content.City {
			c := content.City{Kind: kind, Status: content.Active}
			if kind == content.Partner {
				c.Country = "RU"
			}
			return c
		},
		list: func(ctx context.Context, db store.DBTX, f store.Filter) ([]content.City, error) {
			return store.ListCities(ctx, db, store.CityQuery{Kind: kind, Filter: f})
		},
		// Issue 12, growth: a page at a time, from the database.
		page: func(ctx context.Context, db store.DBTX, f store.Filter, limit, offset int) ([]content.City, int, error) {
			total, err := store.CountCities(ctx, db, store.CityQuery{Kind: kind, Filter: f})
			if err != nil {
				return nil, 0, err
			}
			page, err := store.ListCities(ctx, db, store.CityQuery{Kind: kind, Filter: f, Limit: limit, Offset: offset})
			return page, total, err
		},
		belongs: func(c content.City) bool { return c.Kind == kind },
		sources: func(c content.City) []content.Source { return c.Sources },
		parse:   parseCity,
		fields: func(ctx context.Context, s *Server, f templates.Form) (templ.Component, error) {
			return templates.CityFields(f, countryOptions(f.Admin.Lang, f.Value("country")), statusOptions(f.Admin)), nil
		},
		detail: func(c content.City, l content.Lang) string {
			d := i18n.CountryName(c.Country, l)
			if since := i18n.FormatSince(c.Since, l); since != "" {
				d += ", " + since
			}
			if !c.IsCurrent() {
				d += " · " + i18n.StatusLine(c.Status, c.StatusDate, l)
			}
			return d
		},
		preview:    previewCity,
		publicPath: func(c content.City) string { return cityPublicPath(c) },
		picture:    func(c content.City) *content.Picture { return c.Picture },
		setPicture: func(c *content.City, p *content.Picture) { c.Picture = p },
		imageKind:  media.Photo,
		gallery:    func(c content.City) []content.Photo { return c.Gallery },
		setGallery: func(c *content.City, g []content.Photo) { c.Gallery = g },
	}
}

// parseCity applies a city form's values.
func parseCity(v url.Values, c *content.City) []content.FieldError {
	p := fieldParser{v: v}
	c.Slug = p.text("slug")
	c.Name = p.bilingual("name")
	c.Country = strings.ToUpper(strings.TrimSpace(p.text("country")))
	c.Region = p.bilingual("region")
	c.Location = p.location()
	c.TimeZone = strings.TrimSpace(p.text("time_zone"))
	c.Since = p.date("since")
	c.Status = content.Status(p.text("status"))
	c.StatusDate = p.date("status_date")
	c.StatusNote = p.bilingual("status_note")
	c.Summary = p.bilingual("summary")
	c.Body = p.bilingual("body")
	c.Website = p.text("website")
	c.PermPage = p.text("perm_page_url")
	c.Sources = p.sources()
	c.SortOrder = p.integer("sort_order")
	c.EditorNote = p.text("editor_note")
	return p.errs
}

// cityPublicPath is a city's public page below /{lang}.
func cityPublicPath(c content.City) string {
	section, _ := sectionOf(c.Kind, content.EN)
	return section + "/" + c.Slug
}

// previewCity renders a city's public page with its published events and awards.
func previewCity(ctx context.Context, s *Server, r *http.Request, c content.City, editPath string) (templ.Component, error) {
	d, err := s.cityPage(ctx, nil, store.CityAddress{}, func(_ *store.Reads, out *content.City, found *bool) { *out, *found = c, true })
	if err != nil {
		return nil, err
	}
	l := langOf(r)
	section, title := sectionOf(c.Kind, l)
	name := c.Label(l)
	p := s.previewPage(r, name, section, editPath, cityPublicPath(c), crumb(r, title, section), crumb(r, name, ""))
	return templates.City(p, d), nil
}

// countryOptions offers every country, by name in l; an unknown stored code stays selectable.
func countryOptions(l content.Lang, current string) []templates.Option {
	list := i18n.Countries(l)
	opts := make([]templates.Option, 0, len(list)+2)
	opts = append(opts, templates.Option{Value: "", Label: "—"})
	known := false
	for _, c := range list {
		opts = append(opts, templates.Option{Value: c.Code, Label: c.Name + " (" + c.Code + ")"})
		known = known || c.Code == current
	}
	if !known && current != "" {
		opts = append(opts, templates.Option{Value: current, Label: current})
	}
	return opts
}

func statusOptions(a *i18n.AdminMessages) []templates.Option {
	var opts []templates.Option
	for _, st := range []content.Status{content.Active, content.Suspended, content.Ended} {
		opts = append(opts, templates.Option{Value: string(st), Label: a.StatusNames[st]})
	}
	return opts
}
