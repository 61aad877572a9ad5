package web

import (
	"net/http"
	"strconv"

	"github.com/go-chi/chi/v5"

	"twincities/internal/i18n"
	"twincities/internal/store"
	"twincities/templates"
)

// The messages visitors wrote to the department, for every member of staff. They are personal
// data: what they say is never logged, only their numbers.

// listMessages handles "GET /admin/messages": every message kept, newest first.
func (s *Server) listMessages(w http.ResponseWriter, r *http.Request) error {
	page, err := pageParam(r)
	if err != nil {
		return err
	}
	ms, err := store.ListMessages(r.Context(), s.db)
	if err != nil {
		return err
	}
	// Issue 12, growth: a page of the inbox.
	pg, err := makePager(r.URL, page, len(ms), listPageSize)
	if err != nil {
		return err
	}
	a := adminMessages(r)
	d := templates.InboxData{Messages: pageItems(ms, pg), RetentionDays: int(s.messageRetention.Hours() / 24), Pager: pg}
	s.render(w, r, http.StatusOK, templates.Inbox(s.adminPage(r, a.Inbox, "/admin/messages"), d))
	return nil
}

// showMessage handles "GET /admin/messages/{id}": one message, which is then read. Opening it is
// the one GET that changes something, and only the mark of having been read, which no one can
// misuse: a page that shows the message has shown it.
func (s *Server) showMessage(w http.ResponseWriter, r *http.Request) error {
	id, err := strconv.ParseInt(chi.URLParam(r, "id"), 10, 64)
	if err != nil {
		return errNotFound
	}
	m, err := store.OpenMessage(r.Context(), s.db, id)
	if err != nil {
		return err
	}
	a := adminMessages(r)
	p := s.adminPage(r, m.Subject, "/admin/messages", templates.Crumb{Label: a.Inbox, Path: "/admin/messages"},
		templates.Crumb{Label: m.Subject})
	s.render(w, r, http.StatusOK, templates.MessageView(p, m))
	return nil
}

// markMessageAnswered handles "POST /admin/messages/{id}/answered": by the person signed in.
func (s *Server) markMessageAnswered(w http.ResponseWriter, r *http.Request) error {
	id, err := strconv.ParseInt(chi.URLParam(r, "id"), 10, 64)
	if err != nil {
		return errNotFound
	}
	u, _ := staffOf(r.Context())
	if err := store.MarkMessageAnswered(r.Context(), s.db, id, u.Name); err != nil {
		return err
	}
	s.log.Info("message marked answered", "id", id, "by", u.Email)
	s.flash(r.Context(), adminMessages(r).FlashAnswered)
	http.Redirect(w, r, "/admin/messages/"+strconv.FormatInt(id, 10), http.StatusSeeOther)
	return nil
}

// deleteMessage handles "POST /admin/messages/{id}/delete": gone for good, with no trash.
func (s *Server) deleteMessage(w http.ResponseWriter, r *http.Request) error {
	id, err := strconv.ParseInt(chi.URLParam(r, "id"), 10, 64)
	if err != nil {
		return errNotFound
	}
	if err := store.DeleteMessage(r.Context(), s.db, id); err != nil {
		return err
	}
	u, _ := staffOf(r.Context())
	s.log.Info("message deleted", "id", id, "by", u.Email)
	s.flash(r.Context(), adminMessages(r).FlashMessageGone)
	http.Redirect(w, r, "/admin/messages", http.StatusSeeOther)
	return nil
}

// withInbox puts the messages into the admin menu after the dashboard, with how many are unread.
// The menu is on every admin page: when the count cannot be read, the section is there without it.
func (s *Server) withInbox(r *http.Request, sections []templates.Section, a *i18n.AdminMessages) []templates.Section {
	inbox := templates.Section{Path: "/admin/messages", Label: a.MenuInbox}
	n, err := store.CountUnreadMessages(r.Context(), s.db)
	if err != nil {
		s.log.Warn("could not count unread messages", "err", err)
	} else {
		inbox.Unread = n
	}
	if len(sections) == 0 {
		return []templates.Section{inbox}
	}
	return append([]templates.Section{sections[0], inbox}, sections[1:]...)
}
