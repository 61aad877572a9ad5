package web

import (
	"net/http"
	"strconv"

	"github.com/go-chi/chi/v5"

	"twincities/internal/content"
	"twincities/internal/store"
)

// entryAdminPath is the edit page of an entry.
func entryAdminPath(e content.Entry) string {
	id := strconv.FormatInt(e.EntryID(), 10)
	switch v := e.(type) {
	case content.City:
		return cityResource(v.Kind).base + "/" + id
	case content.Organization:
		return "/admin/organizations/" + id
	case content.Award:
		return "/admin/awards/" + id
	case content.Event:
		return "/admin/events/" + id
	case content.Page:
		return "/admin/pages/" + id
	}
	return "/admin/"
}

// adminEntryPath is the address that leads to an entry named in the audit log; the entry may be
// gone, so it resolves when followed (see goToEntry).
func adminEntryPath(entity content.Entity, id string) string {
	switch entity {
	case content.EntityUser:
		return "/admin/users"
	case content.EntitySettings:
		return "/admin/settings"
	}
	return "/admin/go/" + string(entity) + "/" + id
}

// goToEntry handles "GET /admin/go/{entity}/{id}": on to the entry's edit page.
func (s *Server) goToEntry(w http.ResponseWriter, r *http.Request) error {
	id, err := strconv.ParseInt(chi.URLParam(r, "id"), 10, 64)
	if err != nil {
		return errNotFound
	}
	ctx := r.Context()
	var e content.Entry
	switch content.Entity(chi.URLParam(r, "entity")) {
	case content.EntityCity:
		e, err = store.Cities.Get(ctx, s.db, id)
	case content.EntityOrganization:
		e, err = store.Organizations.Get(ctx, s.db, id)
	case content.EntityAward:
		e, err = store.Awards.Get(ctx, s.db, id)
	case content.EntityEvent:
		e, err = store.Events.Get(ctx, s.db, id)
	case content.EntityPage:
		e, err = store.Pages.Get(ctx, s.db, id)
	default:
		return errNotFound
	}
	if err != nil {
		return err
	}
	http.Redirect(w, r, entryAdminPath(e), http.StatusSeeOther)
	return nil
}
