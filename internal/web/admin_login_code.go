package web

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"time"

	"twincities/internal/auth"
	"twincities/internal/content"
	"twincities/internal/store"
	"twincities/templates"
)

// codeStepLimit is how long the code may take after the password: enough to find the phone, too
// short for a session left open on a shared computer to be much use.
const codeStepLimit = 5 * time.Minute

// passwordPassed is what a session holds between the password and the code: whose password was
// right, in which session epoch (a new password or a reset meanwhile ends it), and when.
type passwordPassed struct {
	UserID int64
	Epoch  int
	At     time.Time
}

// askForCode answers a right password for an account with two-factor sign-in: the session, under
// a new token, remembers the password step, and the person is sent to the code page.
func (s *Server) askForCode(w http.ResponseWriter, r *http.Request, u content.User, next string) error {
	ctx := r.Context()
	// Whoever was signed in in this browser before is not any more; the token changes for the
	// same reason as at sign-in.
	if err := s.endSession(ctx); err != nil {
		return err
	}
	s.sessions.Put(ctx, keyPasswordPassed, passwordPassed{UserID: u.ID, Epoch: u.SessionEpoch, At: s.now()})
	http.Redirect(w, r, codePagePath(next, false), http.StatusSeeOther)
	return nil
}

// codePagePath is the code page's address, keeping next; recovery asks for a recovery code.
func codePagePath(next string, recovery bool) string {
	q := url.Values{}
	if next != "" {
		q.Set("next", next)
	}
	if recovery {
		q.Set("recovery", "1")
	}
	if len(q) == 0 {
		return "/admin/login/code"
	}
	return "/admin/login/code?" + q.Encode()
}

// passedPassword returns the password step the session holds, if it is recent enough. A step
// that ran out is forgotten, and expired is true.
func (s *Server) passedPassword(ctx context.Context) (p passwordPassed, ok, expired bool) {
	p, ok = s.sessions.Get(ctx, keyPasswordPassed).(passwordPassed)
	if !ok {
		return p, false, false
	}
	if s.now().Sub(p.At) > codeStepLimit {
		s.sessions.Remove(ctx, keyPasswordPassed)
		return p, false, true
	}
	return p, true, false
}

// backToSignIn sends someone whose password step is gone to the sign-in page, saying why when
// there is something to say (why is "" for someone who never passed it).
func (s *Server) backToSignIn(w http.ResponseWriter, r *http.Request, next, why string) {
	if why != "" {
		s.flash(r.Context(), why)
	}
	to := "/admin/login"
	if next != "" {
		to += "?next=" + url.QueryEscape(next)
	}
	http.Redirect(w, r, to, http.StatusSeeOther)
}

// expiredMessage is what the sign-in page says to someone whose code step ran out.
func expiredMessage(r *http.Request, expired bool) string {
	if expired {
		return adminMessages(r).CodeExpired
	}
	return ""
}

// loginCodeForm handles "GET /admin/login/code": the second step of signing in, for the code
// from the app or, with ?recovery=1, a recovery code.
func (s *Server) loginCodeForm(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	next := q.Get("next")
	if _, ok := staffOf(r.Context()); ok {
		http.Redirect(w, r, localAdminPath(next), http.StatusSeeOther)
		return nil
	}
	if _, ok, expired := s.passedPassword(r.Context()); !ok {
		s.backToSignIn(w, r, next, expiredMessage(r, expired))
		return nil
	}
	s.renderLoginCode(w, r, http.StatusOK, "", next, q.Get("recovery") == "1")
	return nil
}

func (s *Server) renderLoginCode(w http.ResponseWriter, r *http.Request, status int, problem, next string, recovery bool) {
	a := adminMessages(r)
	errs := map[string]string{}
	if problem != "" {
		errs["code"] = problem
	}
	f := userForm(a, url.Values{}, errs, []string{"code"}) // the code typed is never sent back
	s.render(w, r, status, templates.LoginCode(s.adminPage(r, a.CodeTitle, ""), f, next, recovery,
		codePagePath(next, !recovery)))
}

// loginCode handles "POST /admin/login/code". A code is checked exactly as a password is: each
// attempt reserved under the throttle of the account and the address, so wrong codes and wrong
// passwords count together, then settled. A right code signs in as the password alone does for
// an account without a second factor. The code is never logged, kept or sent back.
func (s *Server) loginCode(w http.ResponseWriter, r *http.Request) error {
	ctx, a := r.Context(), adminMessages(r)
	next, recovery := r.PostForm.Get("next"), r.PostForm.Get("recovery") == "1"
	passed, ok, expired := s.passedPassword(ctx)
	if !ok {
		s.backToSignIn(w, r, next, expiredMessage(r, expired))
		return nil
	}
	u, err := store.UserByID(ctx, s.db, passed.UserID)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return err
	}
	if err != nil || !u.Active() || u.SessionEpoch != passed.Epoch || !u.HasTwoFactor() {
		// Disabled, given a new password or reset since the password step: begin again.
		s.sessions.Remove(ctx, keyPasswordPassed)
		s.backToSignIn(w, r, next, a.SessionExpired)
		return nil
	}
	ok, err = s.checkSecondFactor(r, u, r.PostForm.Get("code"))
	switch {
	case errors.Is(err, store.ErrThrottled):
		s.renderLoginCode(w, r, http.StatusTooManyRequests, a.Throttled, next, recovery)
		return nil
	case err != nil:
		return err
	case !ok:
		msg := a.CodeWrong
		if recovery {
			msg = a.RecoveryWrong
		}
		s.renderLoginCode(w, r, http.StatusUnauthorized, msg, next, recovery)
		return nil
	}
	if err := s.signIn(ctx, u); err != nil {
		return err
	}
	http.Redirect(w, r, localAdminPath(next), http.StatusSeeOther)
	return nil
}

// checkSecondFactor reports whether typed is a code of u's second factor not used before: the
// code of the app's current step (or the ones next to it), or one of u's recovery codes. Like a
// password, it is checked only once the attempt is reserved under the sign-in throttle of u's
// account and the request's address (store.ErrThrottled when refused), and the outcome settled:
// a code is six digits, and only the throttle keeps them from being tried one after the other.
// A code that works is used up: a TOTP step is never accepted twice, a recovery code once.
func (s *Server) checkSecondFactor(r *http.Request, u content.User, typed string) (bool, error) {
	ctx, addr := r.Context(), s.clientAddr(r)
	attempt, err := store.ReserveLogin(ctx, s.db, u.Email, addr)
	if errors.Is(err, store.ErrThrottled) {
		s.log.Info("second-factor attempt", "email", u.Email, "address", addr, "outcome", store.LoginThrottled)
		return false, err
	}
	if err != nil {
		return false, err
	}
	method, ok, err := s.useSecondFactor(ctx, u, typed)
	if err != nil {
		return false, err // the attempt stays a failure
	}
	outcome := store.LoginFailure
	if ok {
		outcome = store.LoginSuccess
	}
	s.log.Info("second-factor attempt", "email", u.Email, "address", addr, "method", method, "outcome", outcome)
	if err := store.SettleLogin(ctx, s.db, attempt, &u.ID, outcome); err != nil {
		return false, err
	}
	return ok, nil
}

// useSecondFactor checks typed against u's second factor and uses it up when it is right. method
// says what typed looked like, for the log: "app", "recovery" or "neither".
func (s *Server) useSecondFactor(ctx context.Context, u content.User, typed string) (method string, ok bool, err error) {
	if auth.IsTOTPCode(typed) {
		secret, err := store.TOTPSecret(ctx, s.db, u.ID)
		if errors.Is(err, store.ErrNoTwoFactor) {
			return "app", false, nil
		}
		if err != nil {
			return "app", false, err
		}
		step, ok := auth.VerifyTOTP(secret, typed, s.now())
		if !ok {
			return "app", false, nil
		}
		ok, err = store.UseTOTPStep(ctx, s.db, u.ID, secret, step)
		return "app", ok, err
	}
	if code, ok := auth.NormalizeRecoveryCode(typed); ok {
		ok, err := store.UseRecoveryCode(ctx, s.db, u.ID, auth.HashRecoveryCode(code))
		return "recovery", ok, err
	}
	return "neither", false, nil
}
