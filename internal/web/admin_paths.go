package web

import (
	"net/http"
	"strconv"

	"github.com/go-chi/chi/v5"

	"twincities/internal/content"
)

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
	k, ok := kindOf(content.Entity(chi.URLParam(r, "entity")))
	if !ok {
		return errNotFound
	}
	e, err := k.get(r.Context(), s.db, id)
	if err != nil {
		return err
	}
	http.Redirect(w, r, entryAdminPath(e), http.StatusSeeOther)
	return nil
}
