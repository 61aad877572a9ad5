package web

import (
	"net/http"
	"net/url"

	"twincities/internal/content"
	"twincities/internal/store"
	"twincities/templates"
)

// settingsPage handles "GET /admin/settings" (administrators only): the site-wide settings.
func (s *Server) settingsPage(w http.ResponseWriter, r *http.Request) error {
	set, err := store.GetSettings(r.Context(), s.db)
	if err != nil {
		return err
	}
	a := adminMessages(r)
	v := url.Values{}
	if set.RequireTwoFactor {
		v.Set("require_two_factor", "on")
	}
	f := templates.Form{Values: v, Admin: a}
	s.render(w, r, http.StatusOK, templates.SettingsPage(s.adminPage(r, a.Settings, "/admin/settings"), f))
	return nil
}

// saveSettings handles "POST /admin/settings": the settings as the form sends them (a checkbox
// left unticked is not sent at all), each change written to the audit log.
func (s *Server) saveSettings(w http.ResponseWriter, r *http.Request) error {
	set := content.Settings{RequireTwoFactor: r.PostForm.Get("require_two_factor") != ""}
	if err := store.UpdateSettings(r.Context(), s.db, set, actorOf(r.Context())); err != nil {
		return err
	}
	s.flash(r.Context(), adminMessages(r).FlashSettings)
	http.Redirect(w, r, "/admin/settings", http.StatusSeeOther)
	return nil
}
