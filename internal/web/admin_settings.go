package web

import (
	"net/http"
	"net/url"

	"twincities/internal/content"
	"twincities/internal/store"
	"twincities/templates"
)

// settingsValues are the settings as the form shows them.
func settingsValues(set content.Settings) url.Values {
	v := url.Values{}
	for _, f := range set.Fields() {
		if f.Field == "require_two_factor" || f.Field == "require_review" { // checkboxes
			if f.Value == "yes" {
				v.Set(f.Field, "on")
			}
			continue
		}
		v.Set(f.Field, f.Value)
	}
	return v
}

// frequencyOptions are the update frequencies the settings form offers, in the person's language.
func frequencyOptions(r *http.Request) []templates.Option {
	a := adminMessages(r)
	var opts []templates.Option
	for _, f := range content.Frequencies {
		opts = append(opts, templates.Option{Value: string(f), Label: a.Frequencies[f]})
	}
	return opts
}

// settingsPage handles "GET /admin/settings" (administrators only): the site-wide settings.
func (s *Server) settingsPage(w http.ResponseWriter, r *http.Request) error {
	set, err := store.GetSettings(r.Context(), s.db)
	if err != nil {
		return err
	}
	a := adminMessages(r)
	f := templates.Form{Values: settingsValues(set), Admin: a}
	s.render(w, r, http.StatusOK, templates.SettingsPage(s.adminPage(r, a.Settings, "/admin/settings"), f, frequencyOptions(r)))
	return nil
}

// saveSettings handles "POST /admin/settings": the settings as the form sends them (a checkbox
// left unticked is not sent at all), each change written to the audit log. Invalid settings come
// back in the form with a message at each field (422), nothing saved.
func (s *Server) saveSettings(w http.ResponseWriter, r *http.Request) error {
	pf := r.PostForm
	set := content.Settings{RequireTwoFactor: pf.Get("require_two_factor") != "", OpenData: content.OpenData{
		INN: pf.Get("opendata_inn"), Creator: pf.Get("opendata_creator"), Name: pf.Get("opendata_name"),
		Phone: pf.Get("opendata_phone"), Email: pf.Get("opendata_email"), Frequency: content.Frequency(pf.Get("opendata_frequency")),
	}, RequireReview: pf.Get("require_review") != ""}
	err := store.UpdateSettings(r.Context(), s.db, set, actorOf(r.Context()))
	if v := content.AsValidation(err); v != nil {
		a := adminMessages(r)
		values := url.Values{}
		for k := range pf {
			values.Set(k, pf.Get(k))
		}
		f := formState(a, values, set.Fields(), v.Fields)
		s.render(w, r, http.StatusUnprocessableEntity, templates.SettingsPage(s.adminPage(r, a.Settings, "/admin/settings"), f, frequencyOptions(r)))
		return nil
	}
	if err != nil {
		return err
	}
	s.flash(r.Context(), adminMessages(r).FlashSettings)
	http.Redirect(w, r, "/admin/settings", http.StatusSeeOther)
	return nil
}
