package web

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/go-chi/chi/v5"

	"twincities/internal/store"
)

// dismissSchedule handles "POST /admin/schedules/{sid}/dismiss": a scheduled action that could
// not be carried out, taken off the dashboard once someone has seen to it. Setting the entry's
// schedule again clears its failures too (store.AddSchedule). One already gone is no error: two
// people may dismiss it at once.
func (s *Server) dismissSchedule(w http.ResponseWriter, r *http.Request) error {
	sid, err := strconv.ParseInt(chi.URLParam(r, "sid"), 10, 64)
	if err != nil || sid <= 0 {
		return errNotFound
	}
	if err := store.DismissSchedule(r.Context(), s.db, sid); err != nil && !errors.Is(err, store.ErrNotFound) {
		return err
	}
	s.flash(r.Context(), adminMessages(r).FlashDismissed)
	http.Redirect(w, r, "/admin/", http.StatusSeeOther)
	return nil
}
