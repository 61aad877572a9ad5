package web

import (
	"context"
	"errors"
	"net/http"
	"net/url"

	"twincities/internal/content"
	"twincities/internal/store"
	"twincities/templates"
)

// loginForm handles "GET /admin/login".
func (s *Server) loginForm(w http.ResponseWriter, r *http.Request) error {
	if _, ok := staffOf(r.Context()); ok {
		http.Redirect(w, r, localAdminPath(r.URL.Query().Get("next")), http.StatusSeeOther)
		return nil
	}
	s.renderLogin(w, r, http.StatusOK, "", "", r.URL.Query().Get("next"))
	return nil
}

func (s *Server) renderLogin(w http.ResponseWriter, r *http.Request, status int, email, message, next string) {
	a := adminMessages(r)
	f := templates.Form{Values: url.Values{"email": {email}}, Admin: a}
	s.render(w, r, status, templates.Login(s.adminPage(r, a.SignIn, ""), f, message, next))
}

// login handles "POST /admin/login". The attempt is reserved first (store.ReserveLogin), so a
// locked account or address is refused even with the right password, and a burst of parallel
// attempts cannot check more passwords than the throttle allows. Every attempt is recorded and
// logged, never the password. An account with two-factor sign-in is not signed in by its
// password: the code page comes next (askForCode).
func (s *Server) login(w http.ResponseWriter, r *http.Request) error {
	ctx, a := r.Context(), adminMessages(r)
	typed := r.PostForm.Get("email")
	password := r.PostForm.Get("password") // exactly as typed: never trimmed
	next := r.PostForm.Get("next")
	if !content.Typable(typed, false) || content.HasInvisible(typed) {
		s.renderLogin(w, r, http.StatusUnprocessableEntity, typed, a.Problems[content.ProblemCharacters], next)
		return nil
	}
	email := content.NormalizeEmail(typed)
	if len(email) > content.MaxEmail {
		s.renderLogin(w, r, http.StatusUnprocessableEntity, typed, a.Problems[content.ProblemEmail], next)
		return nil
	}
	addr := s.clientAddr(r)

	attempt, err := store.ReserveLogin(ctx, s.db, email, addr)
	if errors.Is(err, store.ErrThrottled) {
		s.log.Info("sign-in attempt", "email", email, "address", addr, "outcome", store.LoginThrottled)
		s.renderLogin(w, r, http.StatusTooManyRequests, email, a.Throttled, next)
		return nil
	}
	if err != nil {
		return err
	}
	u, ok, err := s.checkPassword(ctx, email, password)
	if err != nil {
		return err // the attempt stays a failure
	}
	ok = ok && u.Active()
	outcome, id := store.LoginFailure, (*int64)(nil)
	if u.ID != 0 {
		id = &u.ID
	}
	switch {
	case ok && u.HasTwoFactor():
		outcome = store.LoginPassword // not signed in yet: the code comes next
	case ok:
		outcome = store.LoginSuccess
	}
	s.log.Info("sign-in attempt", "email", email, "address", addr, "outcome", outcome)
	if err := store.SettleLogin(ctx, s.db, attempt, id, outcome); err != nil {
		return err
	}
	if !ok {
		s.renderLogin(w, r, http.StatusUnauthorized, email, a.SignInFailed, next)
		return nil
	}
	if u.HasTwoFactor() {
		return s.askForCode(w, r, u, next)
	}
	if err := s.signIn(ctx, u); err != nil {
		return err
	}
	http.Redirect(w, r, localAdminPath(next), http.StatusSeeOther)
	return nil
}

// signIn makes the session that of u, signed in now: after the password, or after the password
// and the code.
func (s *Server) signIn(ctx context.Context, u content.User) error {
	// A new token at sign-in: a session id known before it (fixation) is worth nothing after.
	if err := s.sessions.RenewToken(ctx); err != nil {
		return err
	}
	now := s.now()
	s.sessions.Remove(ctx, keyPasswordPassed)
	s.sessions.Put(ctx, keyUserID, u.ID)
	s.sessions.Put(ctx, keyEpoch, u.SessionEpoch)
	s.sessions.Put(ctx, keyAuthAt, now)
	s.sessions.Put(ctx, keySeenAt, now)
	return nil
}

// checkPassword reports whether password is the one of the account with email, and returns the
// account (the zero User when there is none). A hash made at an older cost is replaced while the
// password is at hand.
func (s *Server) checkPassword(ctx context.Context, email, password string) (content.User, bool, error) {
	u, hash, err := store.UserByEmail(ctx, s.db, email)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return content.User{}, false, err
	}
	found := err == nil
	var ok, rehash bool
	var newHash string
	err = s.hashing(ctx, func() {
		if !found {
			// Spend the time a real check takes, so the answer's speed does not tell whether the
			// address has an account.
			s.hasher.DummyVerify(password)
			return
		}
		var verr error
		ok, rehash, verr = s.hasher.Verify(password, hash)
		if verr != nil {
			s.log.Error("stored password hash unreadable", "user", u.ID, "err", verr)
			ok = false
		}
		if ok && rehash {
			if h, herr := s.hasher.Hash(password); herr == nil {
				newHash = h
			}
		}
	})
	if err != nil {
		return content.User{}, false, err
	}
	if newHash != "" {
		if err := store.RehashPassword(ctx, s.db, u.ID, newHash); err != nil {
			s.log.Warn("password rehash failed", "user", u.ID, "err", err)
		}
	}
	return u, ok, nil
}

// logout handles "POST /admin/logout".
func (s *Server) logout(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	if err := s.sessions.Destroy(ctx); err != nil {
		return err
	}
	s.flash(ctx, adminMessages(r).SignedOut)
	http.Redirect(w, r, "/admin/login", http.StatusSeeOther)
	return nil
}
