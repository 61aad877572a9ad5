package web

import (
	"net/http"

	"twincities/internal/content"
	"twincities/internal/store"
)

// apiOrganization is an association or union of cities Perm is a member of.
type apiOrganization struct {
	ID          int64       `json:"id"`
	Slug        string      `json:"slug"`
	Kind        string      `json:"kind"`
	Scope       string      `json:"scope"`
	Name        apiText     `json:"name"`
	ShortName   *apiText    `json:"short_name"`
	MemberSince *apiDate    `json:"member_since"`
	Role        *apiText    `json:"role"`
	Description *apiText    `json:"description"`
	Website     *string     `json:"website"`
	Sources     []apiSource `json:"sources"`
	Image       *apiImage   `json:"image"`
	Links       apiLinks    `json:"links"`
}

func (s *Server) organizationOf(o content.Organization) apiOrganization {
	return apiOrganization{ID: o.ID, Slug: o.Slug, Kind: string(o.Kind), Scope: string(o.Scope),
		Name: apiText{RU: o.Name.RU, EN: o.Name.EN}, ShortName: textOf(o.ShortName), MemberSince: dateOf(o.MemberSince),
		Role: textOf(o.Role), Description: textOf(o.Description), Website: stringOf(o.Website),
		Sources: sourcesOf(o.Sources), Image: s.imageOf(o.Picture), Links: s.links("/memberships/"+o.Slug, "")}
}

// apiOrganizations handles "GET /api/v1/organizations": the published memberships, filtered by
// kind and scope.
func (s *Server) apiOrganizations(w http.ResponseWriter, r *http.Request) error {
	kind, err := queryChoice(r, "kind", string(content.Union), string(content.Association))
	if err != nil {
		return err
	}
	scope, err := queryChoice(r, "scope", string(content.International), string(content.National), string(content.Interregional))
	if err != nil {
		return err
	}
	orgs, err := store.ListOrganizations(r.Context(), s.db, store.Public)
	if err != nil {
		return err
	}
	items := []apiOrganization{}
	for _, o := range orgs {
		if (kind == "" || string(o.Kind) == kind) && (scope == "" || string(o.Scope) == scope) {
			items = append(items, s.organizationOf(o))
		}
	}
	return writeAPI(w, r, listOf(items))
}
