package web

import (
	"errors"
	"net"
	"net/http"
	"net/url"
	"strings"

	"twincities/internal/content"
	"twincities/internal/store"
	"twincities/templates"
)

// maxLoginForm bounds a sign-in request: an e-mail and a password fit easily.
const maxLoginForm = 8 << 10

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
	f := templates.Form{Values: url.Values{"email": {email}}, A: a}
	s.render(w, r, status, templates.Login(s.adminPage(r, a.SignIn, ""), f, message, next))
}

// login handles "POST /admin/login". Throttling comes first, so a locked account or address is
// refused even with the right password. Every attempt is recorded and logged, never the password.
func (s *Server) login(w http.ResponseWriter, r *http.Request) error {
	r.Body = http.MaxBytesReader(w, r.Body, maxLoginForm)
	if err := r.ParseForm(); err != nil {
		http.Error(w, http.StatusText(http.StatusRequestEntityTooLarge), http.StatusRequestEntityTooLarge)
		return nil
	}
	ctx, a := r.Context(), adminMessages(r)
	email := content.NormalizeEmail(r.PostForm.Get("email"))
	password := r.PostForm.Get("password") // exactly as typed: never trimmed
	next := r.PostForm.Get("next")
	addr := s.clientAddr(r)

	locked, err := store.LoginLocked(ctx, s.db, email, addr)
	if err != nil {
		return err
	}
	if locked {
		s.logLogin(r, email, addr, nil, store.LoginThrottled)
		s.renderLogin(w, r, http.StatusTooManyRequests, email, a.Throttled, next)
		return nil
	}

	u, hash, err := store.UserByEmail(ctx, s.db, email)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return err
	}
	ok := false
	if err == nil {
		var rehash bool
		ok, rehash, err = s.hasher.Verify(password, hash)
		if err != nil {
			s.log.Error("stored password hash unreadable", "user", u.ID, "err", err)
			ok = false
		}
		if ok && rehash {
			if h, err := s.hasher.Hash(password); err == nil {
				if err := store.RehashPassword(ctx, s.db, u.ID, h); err != nil {
					s.log.Warn("password rehash failed", "user", u.ID, "err", err)
				}
			}
		}
	} else {
		// Spend the time a real check takes, so the answer's speed does not tell whether the
		// address has an account.
		s.hasher.DummyVerify(password)
	}
	if !ok || !u.Active() {
		var id *int64
		if u.ID != 0 {
			id = &u.ID
		}
		s.logLogin(r, email, addr, id, store.LoginFailure)
		s.renderLogin(w, r, http.StatusUnauthorized, email, a.SignInFailed, next)
		return nil
	}

	// A new token at sign-in: a session id known before it (fixation) is worth nothing after.
	if err := s.sessions.RenewToken(ctx); err != nil {
		return err
	}
	now := s.now()
	s.sessions.Put(ctx, keyUserID, u.ID)
	s.sessions.Put(ctx, keyEpoch, u.SessionEpoch)
	s.sessions.Put(ctx, keyAuthAt, now)
	s.sessions.Put(ctx, keySeenAt, now)
	s.logLogin(r, email, addr, &u.ID, store.LoginSuccess)
	http.Redirect(w, r, localAdminPath(next), http.StatusSeeOther)
	return nil
}

// logLogin records a sign-in attempt in the database and the log.
func (s *Server) logLogin(r *http.Request, email, addr string, userID *int64, outcome string) {
	s.log.Info("sign-in attempt", "email", email, "address", addr, "outcome", outcome)
	if err := store.RecordLogin(r.Context(), s.db, email, userID, addr, outcome); err != nil {
		s.log.Error("could not record sign-in attempt", "err", err)
	}
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

// clientAddr is the address a request came from: the connection's, or, behind a trusted reverse
// proxy, the last address it added to X-Forwarded-For.
func (s *Server) clientAddr(r *http.Request) string {
	if s.trustProxy {
		if xff := r.Header.Get("X-Forwarded-For"); xff != "" {
			parts := strings.Split(xff, ",")
			if ip := net.ParseIP(strings.TrimSpace(parts[len(parts)-1])); ip != nil {
				return ip.String()
			}
		}
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}
