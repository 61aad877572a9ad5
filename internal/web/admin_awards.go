package web

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"sort"

	"github.com/a-h/templ"

	"twincities/internal/content"
	"twincities/internal/i18n"
	"twincities/internal/media"
	"twincities/internal/store"
	"twincities/templates"
)

// awardResource is the admin of awards.
var awardResource = resource[content.Award]{
	table: store.Awards, base: "/admin/awards", canCreate: true,
	title: func(_ *i18n.AdminMessages, m *i18n.Messages) string { return m.Awards },
	blank: func() content.Award { return content.Award{} },
	list: func(ctx context.Context, db store.DBTX, f store.Filter) ([]content.Award, error) {
		return store.ListAwards(ctx, db, store.AwardQuery{Filter: f})
	},
	// Issue 12, growth: a page at a time, from the database.
	page: func(ctx context.Context, db store.DBTX, f store.Filter, limit, offset int) ([]content.Award, int, error) {
		total, err := store.CountAwards(ctx, db, store.AwardQuery{Filter: f})
		if err != nil {
			return nil, 0, err
		}
		page, err := store.ListAwards(ctx, db, store.AwardQuery{Filter: f, Limit: limit, Offset: offset})
		return page, total, err
	},
	belongs: func(content.Award) bool { return true },
	sources: func(a content.Award) []content.Source { return a.Sources },
	parse:   parseAward,
	fields: func(ctx context.Context, s *Server, f templates.Form) (templ.Component, error) {
		cities, err := s.cityOptions(ctx, f.Admin)
		if err != nil {
			return nil, err
		}
		return templates.AwardFields(f, cities), nil
	},
	detail: func(a content.Award, l content.Lang) string { return i18n.FormatDate(a.Date, l) },
	preview: func(ctx context.Context, s *Server, r *http.Request, a content.Award, editPath string) (templ.Component, error) {
		// The list as the public will see it: its first page, with this award in its place by
		// date (instead of its published version, if it has one), not the award alone.
		public, err := store.ListAwards(ctx, s.db, store.AwardQuery{Filter: store.Public, Limit: listPageSize})
		if err != nil {
			return nil, err
		}
		d := templates.AwardsData{Awards: withPreviewed(public, a), Cities: map[int64]content.City{}}
		cities, err := store.ListCities(ctx, s.db, store.CityQuery{Filter: store.Public})
		if err != nil {
			return nil, err
		}
		for _, c := range cities {
			d.Cities[c.ID] = c
		}
		title := i18n.For(langOf(r)).Awards
		p := s.previewPage(r, title, "/awards", editPath, "/awards", crumb(r, title, ""))
		return templates.Awards(p, d), nil
	},
	publicPath: func(content.Award) string { return "/awards" },
	picture:    func(a content.Award) *content.Picture { return a.Picture },
	setPicture: func(a *content.Award, p *content.Picture) { a.Picture = p },
	imageKind:  media.Photo,
}

// parseAward applies an award form's values.
func parseAward(v url.Values, a *content.Award) []content.FieldError {
	p := fieldParser{v: v}
	a.Date = p.date("date")
	a.Title = p.bilingual("title")
	a.AwardedBy = p.bilingual("awarded_by")
	a.Place = p.bilingual("place")
	a.Description = p.bilingual("description")
	a.CityID = p.optionalID("city_id")
	a.Sources = p.sources()
	a.EditorNote = p.text("editor_note")
	return p.errs
}

// cityOptions offers every city not in the trash, for an award or event to belong to.
func (s *Server) cityOptions(ctx context.Context, a *i18n.AdminMessages) ([]templates.Option, error) {
	cities, err := store.ListCities(ctx, s.db, store.CityQuery{})
	if err != nil {
		return nil, err
	}
	opts := []templates.Option{{Value: "", Label: a.NoCity}}
	for _, c := range cities {
		opts = append(opts, templates.Option{Value: idString(c.ID), Label: c.Label(a.Lang) + " (" + a.KindNames[c.Kind] + ")"})
	}
	return opts, nil
}

// withPreviewed is the published awards with a in its place by date, newest first as the list
// orders them (before the others of its date, where a new award goes), cut to a page.
func withPreviewed(public []content.Award, a content.Award) []content.Award {
	out := make([]content.Award, 0, len(public)+1)
	for _, p := range public {
		if p.ID != a.ID {
			out = append(out, p)
		}
	}
	at := sort.Search(len(out), func(i int) bool { return !out[i].Date.Time.After(a.Date.Time) })
	out = slices.Insert(out, at, a)
	if len(out) > listPageSize {
		out = out[:listPageSize]
	}
	return out
}
