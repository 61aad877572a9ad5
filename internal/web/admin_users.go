package web

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"

	"github.com/go-chi/chi/v5"

	"twincities/internal/auth"
	"twincities/internal/content"
	"twincities/internal/i18n"
	"twincities/internal/store"
	"twincities/templates"
)

// listUsers handles "GET /admin/users" (administrators only).
func (s *Server) listUsers(w http.ResponseWriter, r *http.Request) error {
	users, err := store.ListUsers(r.Context(), s.db)
	if err != nil {
		return err
	}
	a := adminMessages(r)
	s.render(w, r, http.StatusOK, templates.Users(s.adminPage(r, a.Users, "/admin/users"), users))
	return nil
}

// newUser handles "GET /admin/users/new".
func (s *Server) newUser(w http.ResponseWriter, r *http.Request) error {
	s.renderUserForm(w, r, url.Values{"role": {string(content.Editor)}}, nil, http.StatusOK)
	return nil
}

func (s *Server) renderUserForm(w http.ResponseWriter, r *http.Request, v url.Values, errs map[string]string, status int) {
	a := adminMessages(r)
	v.Del("password")
	v.Del("password2") // a password is never sent back to the browser
	f := userForm(a, v, errs, []string{"name", "email", "role", "password", "password2"})
	p := s.adminPage(r, a.AddUser, "/admin/users", templates.Crumb{Label: a.Users, Path: "/admin/users"}, templates.Crumb{Label: a.AddUser})
	s.render(w, r, status, templates.UserForm(p, f, roleOptions(a)))
}

// createUser handles "POST /admin/users/new".
func (s *Server) createUser(w http.ResponseWriter, r *http.Request) error {
	if err := r.ParseForm(); err != nil {
		return errBadRequest
	}
	a, v := adminMessages(r), r.PostForm
	u := content.User{Email: content.NormalizeEmail(v.Get("email")), Name: v.Get("name"), Role: content.Role(v.Get("role"))}
	errs := map[string]string{}
	if err := u.Validate(); err != nil {
		for _, fe := range content.AsValidation(err).Fields {
			errs[fe.Field] = a.Problems[fe.Problem]
		}
	}
	password := v.Get("password")
	if msg := passwordProblem(a, password, v.Get("password2"), u.Email); msg != "" {
		errs["password"] = msg
	}
	if len(errs) == 0 {
		hash, err := s.hashPassword(r.Context(), password)
		if err != nil {
			return err
		}
		err = store.CreateUser(r.Context(), s.db, &u, hash, actorOf(r.Context()))
		if verr := content.AsValidation(err); verr != nil {
			errs[verr.Fields[0].Field] = a.Problems[verr.Fields[0].Problem]
		} else if err != nil {
			return err
		}
	}
	if len(errs) > 0 {
		s.renderUserForm(w, r, v, errs, http.StatusUnprocessableEntity)
		return nil
	}
	s.flash(r.Context(), a.FlashUserAdded)
	http.Redirect(w, r, "/admin/users", http.StatusSeeOther)
	return nil
}

// setUserDisabled handles "POST /admin/users/{id}/disable" and ".../enable". Disabling ends the
// person's sessions at once: their next request finds a new session epoch.
func (s *Server) setUserDisabled(disabled bool) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		id, err := strconv.ParseInt(chi.URLParam(r, "id"), 10, 64)
		if err != nil {
			return errNotFound
		}
		a := adminMessages(r)
		if me, _ := staffOf(r.Context()); disabled && me.ID == id {
			s.flash(r.Context(), a.CannotDisableYou)
			http.Redirect(w, r, "/admin/users", http.StatusSeeOther)
			return nil
		}
		if err := store.SetDisabled(r.Context(), s.db, id, disabled, actorOf(r.Context())); err != nil {
			return err
		}
		msg := a.FlashEnabled
		if disabled {
			msg = a.FlashDisabled
		}
		s.flash(r.Context(), msg)
		http.Redirect(w, r, "/admin/users", http.StatusSeeOther)
		return nil
	}
}

// passwordForm handles "GET /admin/users/{id}/password".
func (s *Server) passwordForm(w http.ResponseWriter, r *http.Request) error {
	u, err := s.userFromURL(r)
	if err != nil {
		return err
	}
	s.renderPasswordForm(w, r, u, nil, http.StatusOK)
	return nil
}

func (s *Server) renderPasswordForm(w http.ResponseWriter, r *http.Request, u content.User, errs map[string]string, status int) {
	a := adminMessages(r)
	f := userForm(a, url.Values{}, errs, []string{"password", "password2"})
	p := s.adminPage(r, a.ResetPassword+": "+u.Name, "/admin/users",
		templates.Crumb{Label: a.Users, Path: "/admin/users"}, templates.Crumb{Label: a.ResetPassword})
	s.render(w, r, status, templates.PasswordForm(p, f, u))
}

// setPassword handles "POST /admin/users/{id}/password": a new password, and the end of every
// session of that account.
func (s *Server) setPassword(w http.ResponseWriter, r *http.Request) error {
	u, err := s.userFromURL(r)
	if err != nil {
		return err
	}
	a := adminMessages(r)
	password := r.PostFormValue("password")
	if msg := passwordProblem(a, password, r.PostFormValue("password2"), u.Email); msg != "" {
		s.renderPasswordForm(w, r, u, map[string]string{"password": msg}, http.StatusUnprocessableEntity)
		return nil
	}
	hash, err := s.hashPassword(r.Context(), password)
	if err != nil {
		return err
	}
	if err := store.SetPassword(r.Context(), s.db, u.ID, hash, actorOf(r.Context())); err != nil {
		return err
	}
	s.flash(r.Context(), a.FlashPassword)
	http.Redirect(w, r, "/admin/users", http.StatusSeeOther)
	return nil
}

func (s *Server) userFromURL(r *http.Request) (content.User, error) {
	id, err := strconv.ParseInt(chi.URLParam(r, "id"), 10, 64)
	if err != nil {
		return content.User{}, errNotFound
	}
	return store.UserByID(r.Context(), s.db, id)
}

// passwordProblem says what is wrong with a new password, or "".
func passwordProblem(a *i18n.AdminMessages, password, repeated, email string) string {
	switch err := auth.CheckPassword(password, email); {
	case errors.Is(err, auth.ErrPasswordTooShort):
		return a.PasswordShort
	case errors.Is(err, auth.ErrPasswordTooLong):
		return a.PasswordLong
	case errors.Is(err, auth.ErrPasswordCommon):
		return a.PasswordCommon
	case err != nil:
		return a.PasswordInvalid
	case password != repeated:
		return a.PasswordMismatch
	}
	return ""
}

// userForm is the state of a staff form; order lists its fields for the error summary.
func userForm(a *i18n.AdminMessages, v url.Values, errs map[string]string, order []string) templates.Form {
	f := templates.Form{Values: v, Errors: map[string]string{}, Admin: a}
	for _, name := range order {
		if msg, ok := errs[name]; ok {
			f.Errors[name] = msg
			f.Order = append(f.Order, name)
		}
	}
	return f
}

func roleOptions(a *i18n.AdminMessages) []templates.Option {
	return []templates.Option{
		{Value: string(content.Editor), Label: a.RoleNames[content.Editor]},
		{Value: string(content.Publisher), Label: a.RoleNames[content.Publisher]},
		{Value: string(content.Admin), Label: a.RoleNames[content.Admin]},
	}
}
