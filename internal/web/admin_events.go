package web

import (
	"context"
	"net/http"
	"net/url"
	"strconv"

	"github.com/a-h/templ"

	"twincities/internal/content"
	"twincities/internal/i18n"
	"twincities/internal/media"
	"twincities/internal/store"
	"twincities/templates"
)

// eventResource is the admin of timeline events.
var eventResource = resource[content.Event]{
	table: store.Events, base: "/admin/events", canCreate: true,
	title: func(a *i18n.AdminMessages, _ *i18n.Messages) string { return a.Events },
	blank: func() content.Event { return content.Event{} },
	list: func(ctx context.Context, db store.DBTX, f store.Filter) ([]content.Event, error) {
		return store.ListEvents(ctx, db, store.EventQuery{Filter: f})
	},
	// Issue 12, growth: a page at a time, from the database.
	page: func(ctx context.Context, db store.DBTX, f store.Filter, limit, offset int) ([]content.Event, int, error) {
		total, err := store.CountEvents(ctx, db, store.EventQuery{Filter: f})
		if err != nil {
			return nil, 0, err
		}
		page, err := store.ListEvents(ctx, db, store.EventQuery{Filter: f, Limit: limit, Offset: offset})
		return page, total, err
	},
	belongs: func(content.Event) bool { return true },
	sources: func(e content.Event) []content.Source { return e.Sources },
	parse:   parseEvent,
	fields: func(ctx context.Context, s *Server, f templates.Form) (templ.Component, error) {
		cities, err := s.cityOptions(ctx, f.Admin)
		if err != nil {
			return nil, err
		}
		return templates.EventFields(f, cities), nil
	},
	detail:     func(e content.Event, l content.Lang) string { return i18n.FormatDate(e.Date, l) },
	preview:    previewEvent,
	picture:    func(e content.Event) *content.Picture { return e.Picture },
	setPicture: func(e *content.Event, p *content.Picture) { e.Picture = p },
	imageKind:  media.Photo,
	// An event has no page of its own: it shows on its city's page or on the about page.
}

// parseEvent applies an event form's values.
func parseEvent(v url.Values, e *content.Event) []content.FieldError {
	p := fieldParser{v: v}
	e.CityID = p.optionalID("city_id")
	e.Date = p.date("date")
	e.Title = p.bilingual("title")
	e.Text = p.bilingual("text")
	e.Link = p.text("link")
	e.Sources = p.sources()
	e.EditorNote = p.text("editor_note")
	return p.errs
}

// previewEvent shows the event where the public will see it: on its city's page, among that
// city's published events, or on the about page when it belongs to no city.
func previewEvent(ctx context.Context, s *Server, r *http.Request, e content.Event, editPath string) (templ.Component, error) {
	l := langOf(r)
	if e.CityID == nil {
		page, err := store.PageByKey(ctx, s.db, content.About)
		if err != nil {
			return nil, err
		}
		events, err := store.ListEvents(ctx, s.db, store.EventQuery{General: true, Filter: store.Public})
		if err != nil {
			return nil, err
		}
		title := page.Title.In(l)
		p := s.previewPage(r, title, "/about", editPath, "/about", crumb(r, title, ""))
		return templates.TextPage(p, templates.TextPageData{Page: page, Events: withEvent(events, e)}), nil
	}
	d, err := s.cityPage(ctx, nil, store.CityAddress{}, func(rs *store.Reads, out *content.City, found *bool) { rs.CityByID(*e.CityID, out, found) })
	if err != nil {
		return nil, err
	}
	d.Events = withEvent(d.Events, e)
	section, title := sectionOf(d.City.Kind, l)
	name := d.City.Label(l)
	p := s.previewPage(r, name, section, editPath, cityPublicPath(d.City), crumb(r, title, section), crumb(r, name, ""))
	return templates.City(p, d), nil
}

// withEvent puts e among events (replacing its published copy), in date order.
func withEvent(events []content.Event, e content.Event) []content.Event {
	out := make([]content.Event, 0, len(events)+1)
	placed := false
	for _, ev := range events {
		if ev.ID == e.ID {
			continue
		}
		if !placed && e.Date.Before(ev.Date) {
			out = append(out, e)
			placed = true
		}
		out = append(out, ev)
	}
	if !placed {
		out = append(out, e)
	}
	return out
}

func idString(id int64) string { return strconv.FormatInt(id, 10) }
