package web

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/a-h/templ"

	"twincities/internal/content"
	"twincities/internal/i18n"
	"twincities/internal/media"
	"twincities/internal/store"
	"twincities/templates"
)

// newsResource is the admin of news items (issue 11, news). The list, the trash, the history,
// drafts and schedules reach news through the registry (kinds.go), as they reach every kind.
var newsResource = resource[content.News]{
	table: store.News, base: "/admin/news", canCreate: true,
	title: func(_ *i18n.AdminMessages, m *i18n.Messages) string { return m.News },
	blank: func() content.News { return content.News{} },
	list: func(ctx context.Context, db store.DBTX, f store.Filter) ([]content.News, error) {
		return store.ListNews(ctx, db, store.NewsQuery{Filter: f})
	},
	// Issue 12, growth: a page at a time, from the database.
	page: func(ctx context.Context, db store.DBTX, f store.Filter, limit, offset int) ([]content.News, int, error) {
		total, err := store.CountNews(ctx, db, store.NewsQuery{Filter: f})
		if err != nil {
			return nil, 0, err
		}
		page, err := store.ListNews(ctx, db, store.NewsQuery{Filter: f, Limit: limit, Offset: offset})
		return page, total, err
	},
	belongs: func(content.News) bool { return true },
	sources: func(n content.News) []content.Source { return n.Sources },
	parse:   parseNews,
	fields: func(ctx context.Context, s *Server, f templates.Form) (templ.Component, error) {
		cities, err := store.ListCities(ctx, s.db, store.CityQuery{})
		if err != nil {
			return nil, err
		}
		opts := make([]templates.Option, 0, len(cities))
		for _, c := range cities {
			opts = append(opts, templates.Option{Value: idString(c.ID), Label: c.Label(f.Admin.Lang) + " (" + f.Admin.KindNames[c.Kind] + ")"})
		}
		return templates.NewsFields(f, opts), nil
	},
	detail:     func(n content.News, l content.Lang) string { return i18n.FormatDate(n.Date, l) },
	preview:    previewNews,
	publicPath: func(n content.News) string { return templates.NewsPath(n) },
	picture:    func(n content.News) *content.Picture { return n.Picture },
	setPicture: func(n *content.News, p *content.Picture) { n.Picture = p },
	imageKind:  media.Photo,
}

// parseNews applies a news item's form values.
func parseNews(v url.Values, n *content.News) []content.FieldError {
	p := fieldParser{v: v}
	n.Date = p.date("date")
	n.Title = p.bilingual("title")
	n.Slug = p.text("slug")
	n.Lead = p.bilingual("lead")
	n.Body = p.bilingual("body")
	n.CityIDs = p.ids("city_ids")
	n.Sources = p.sources()
	n.EditorNote = p.text("editor_note")
	return p.errs
}

// ids reads references to other entries sent as several values (boxes ticked), or as one value
// listing them by commas (as an entry's Fields writes them).
func (p *fieldParser) ids(name string) []int64 {
	var out []int64
	for _, v := range p.v[name] {
		for _, s := range strings.Split(v, ",") {
			if s = strings.TrimSpace(s); s == "" {
				continue
			}
			id, err := strconv.ParseInt(s, 10, 64)
			if err != nil || id <= 0 {
				p.errs = append(p.errs, content.FieldError{Field: name, Problem: content.ProblemChoice})
				continue
			}
			out = append(out, id)
		}
	}
	return out
}

// previewNews shows the item on its own page, as the public will see it.
func previewNews(ctx context.Context, s *Server, r *http.Request, n content.News, editPath string) (templ.Component, error) {
	d := templates.NewsItemData{Item: n}
	var err error
	if d.Cities, err = newsCities(ctx, s.db, n); err != nil {
		return nil, err
	}
	title, label := i18n.For(langOf(r)).News, n.Title.In(langOf(r))
	p := s.previewPage(r, label, "/news", editPath, templates.NewsPath(n), crumb(r, title, "/news"), crumb(r, label, ""))
	return templates.NewsItem(p, d), nil
}

// newsCities are the published cities an item is about, in the order of the cities' lists.
func newsCities(ctx context.Context, db store.DBTX, n content.News) ([]content.City, error) {
	if len(n.CityIDs) == 0 {
		return nil, nil
	}
	cities, err := store.ListCities(ctx, db, store.CityQuery{Filter: store.Public})
	if err != nil {
		return nil, err
	}
	var out []content.City
	for _, c := range cities {
		for _, id := range n.CityIDs {
			if c.ID == id {
				out = append(out, c)
			}
		}
	}
	return out, nil
}
