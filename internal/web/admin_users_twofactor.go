package web

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/go-chi/chi/v5"

	"twincities/internal/store"
	"twincities/templates"
)

// resetTwoFactorForm handles "GET /admin/users/{id}/two-factor/reset": what a reset does, and the
// button that does it.
func (s *Server) resetTwoFactorForm(w http.ResponseWriter, r *http.Request) error {
	u, err := s.userFromURL(r)
	if err != nil {
		return err
	}
	if !u.HasTwoFactor() {
		http.Redirect(w, r, "/admin/users", http.StatusSeeOther)
		return nil
	}
	a := adminMessages(r)
	p := s.adminPage(r, a.ResetTwoFactor+": "+u.Name, "/admin/users",
		templates.Crumb{Label: a.Users, Path: "/admin/users"}, templates.Crumb{Label: a.ResetTwoFactor})
	s.render(w, r, http.StatusOK, templates.ResetTwoFactor(p, u))
	return nil
}

// resetTwoFactor handles "POST /admin/users/{id}/two-factor/reset": an administrator removes a
// colleague's second factor, for someone who lost their phone and their recovery codes. It is
// written to the audit log, and every session of that account ends, as after a new password.
func (s *Server) resetTwoFactor(w http.ResponseWriter, r *http.Request) error {
	id, err := strconv.ParseInt(chi.URLParam(r, "id"), 10, 64)
	if err != nil {
		return errNotFound
	}
	err = store.ResetTwoFactor(r.Context(), s.db, id, actorOf(r.Context()))
	switch {
	case errors.Is(err, store.ErrNoTwoFactor):
		// Reset already, by someone else or a button pressed twice: nothing left to do.
	case err != nil:
		return err
	default:
		s.flash(r.Context(), adminMessages(r).FlashTwoFactorGone)
	}
	http.Redirect(w, r, "/admin/users", http.StatusSeeOther)
	return nil
}
