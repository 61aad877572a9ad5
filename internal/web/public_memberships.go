package web

import (
	"net/http"

	"github.com/go-chi/chi/v5"

	"twincities/internal/content"
	"twincities/internal/i18n"
	"twincities/internal/schemaorg"
	"twincities/internal/store"
	"twincities/templates"
)

// listMemberships handles "GET /{lang}/memberships": organisations grouped by kind, then scope.
func (s *Server) listMemberships(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	page, ok := s.publicPageParam(w, r)
	if !ok {
		return nil
	}
	var (
		orgs  []content.Organization
		total int
		f     frame
		rs    store.Reads
	)
	// Issue 12, growth: a page of the list, in the order of the groups, and the count, of one
	// moment, with the note and the frame in one round trip.
	f.queue(&rs)
	rs.PageOrganizations(store.Public, listPageSize, (page-1)*listPageSize, &orgs)
	rs.CountOrganizations(store.Public, &total)
	queued := queueListNote(&rs, content.MembershipsNote)
	if err := rs.Send(ctx, s.db); err != nil {
		return err
	}
	note := queued.in(langOf(r))
	pg, err := makePager(r.URL, page, total, listPageSize)
	if err != nil {
		return err
	}
	title := i18n.For(langOf(r)).Memberships
	p := s.pageWith(r, &f, title, "/memberships", crumb(r, title, "/memberships"))
	keepPage(&p, page)
	links := make([]schemaorg.OrgLink, 0, len(orgs))
	names := make([]string, 0, len(orgs))
	for _, o := range orgs {
		links = append(links, schemaorg.OrgLink{Org: o, URL: p.AbsPath(p.Href("/memberships/" + o.Slug))})
		names = append(names, o.Name.In(p.Lang))
	}
	p.Description = listDescription(p.Lang, p.Msg.DescMemberships, names)
	p.Share.Data = append(p.Share.Data, schemaorg.OrganizationList(title, links, p.Lang, plainSummary))
	s.render(w, r, http.StatusOK, templates.Memberships(p, groupOrganizations(orgs), note, pg))
	return nil
}

// groupOrganizations groups organisations by kind and scope, in the order of content.OrgKinds and
// content.Scopes; empty groups are left out.
func groupOrganizations(orgs []content.Organization) []templates.OrgGroup {
	var groups []templates.OrgGroup
	for _, kind := range content.OrgKinds {
		for _, scope := range content.Scopes {
			g := templates.OrgGroup{Kind: kind, Scope: scope}
			for _, o := range orgs {
				if o.Kind == kind && o.Scope == scope {
					g.Orgs = append(g.Orgs, o)
				}
			}
			if len(g.Orgs) > 0 {
				groups = append(groups, g)
			}
		}
	}
	return groups
}

// showMembership handles "GET /{lang}/memberships/{slug}".
func (s *Server) showMembership(w http.ResponseWriter, r *http.Request) error {
	slug := chi.URLParam(r, "slug")
	if !validSlug(slug) {
		return errNotFound
	}
	o, err := store.OrganizationBySlug(r.Context(), s.db, slug, true)
	if err != nil {
		return err
	}
	l := langOf(r)
	title, name := i18n.For(l).Memberships, o.Name.In(l)
	p := s.page(r, name, "/memberships", crumb(r, title, "/memberships"), crumb(r, name, "/memberships/"+slug))
	switch {
	case o.Description.In(l) != "":
		p.Description = plainSummary(o.Description.In(l))
	case o.Role.In(l) != "":
		p.Description = trimWords(o.Role.In(l), descriptionLength)
	}
	p.Share.Type = "article"
	p.Share.Data = append(p.Share.Data, schemaorg.Organization(o, l, p.AbsPath(p.Path), plainSummary))
	s.render(w, r, http.StatusOK, templates.Membership(p, o))
	return nil
}
