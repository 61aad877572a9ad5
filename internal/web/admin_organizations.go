package web

import (
	"context"
	"net/http"
	"net/url"

	"github.com/a-h/templ"

	"twincities/internal/content"
	"twincities/internal/i18n"
	"twincities/internal/media"
	"twincities/internal/store"
	"twincities/templates"
)

// organizationResource is the admin of unions, organisations and associations.
var organizationResource = resource[content.Organization]{
	table: store.Organizations, base: "/admin/organizations", canCreate: true,
	title: func(a *i18n.AdminMessages, _ *i18n.Messages) string { return a.Organizations },
	menu:  func(a *i18n.AdminMessages, _ *i18n.Messages) string { return a.MenuOrganizations },
	blank: func() content.Organization {
		return content.Organization{Kind: content.Union, Scope: content.International}
	},
	list: store.ListOrganizations,
	// Issue 12, growth: a page at a time, from the database.
	page: func(ctx context.Context, db store.DBTX, f store.Filter, limit, offset int) ([]content.Organization, int, error) {
		total, err := store.CountOrganizations(ctx, db, f)
		if err != nil {
			return nil, 0, err
		}
		page, err := store.PageOrganizations(ctx, db, f, limit, offset)
		return page, total, err
	},
	belongs: func(content.Organization) bool { return true },
	sources: func(o content.Organization) []content.Source { return o.Sources },
	parse:   parseOrganization,
	fields: func(_ context.Context, _ *Server, f templates.Form) (templ.Component, error) {
		m := i18n.For(f.Admin.Lang)
		var kinds, scopes []templates.Option
		for _, k := range content.OrgKinds {
			kinds = append(kinds, templates.Option{Value: string(k), Label: m.OrgKindNames[k]})
		}
		for _, sc := range content.Scopes {
			scopes = append(scopes, templates.Option{Value: string(sc), Label: m.ScopeNames[sc]})
		}
		return templates.OrganizationFields(f, kinds, scopes), nil
	},
	detail: func(o content.Organization, l content.Lang) string {
		m := i18n.For(l)
		return m.OrgKindNames[o.Kind] + " · " + m.ScopeNames[o.Scope]
	},
	preview: func(_ context.Context, s *Server, r *http.Request, o content.Organization, editPath string) (templ.Component, error) {
		l := langOf(r)
		title, name := i18n.For(l).Memberships, o.Label(l)
		p := s.previewPage(r, name, "/memberships", editPath, "/memberships/"+o.Slug,
			crumb(r, title, "/memberships"), crumb(r, name, ""))
		return templates.Membership(p, o), nil
	},
	publicPath: func(o content.Organization) string { return "/memberships/" + o.Slug },
	picture:    func(o content.Organization) *content.Picture { return o.Picture },
	setPicture: func(o *content.Organization, p *content.Picture) { o.Picture = p },
	imageKind:  media.Logo,
}

// parseOrganization applies an organisation form's values.
func parseOrganization(v url.Values, o *content.Organization) []content.FieldError {
	p := fieldParser{v: v}
	o.Slug = p.text("slug")
	o.Kind = content.OrgKind(p.text("kind"))
	o.Scope = content.Scope(p.text("scope"))
	o.Name = p.bilingual("name")
	o.ShortName = p.bilingual("short_name")
	o.MemberSince = p.date("member_since")
	o.Role = p.bilingual("role")
	o.Description = p.bilingual("description")
	o.Website = p.text("website")
	o.Sources = p.sources()
	o.SortOrder = p.integer("sort_order")
	o.EditorNote = p.text("editor_note")
	return p.errs
}
