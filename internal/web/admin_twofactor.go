package web

import (
	"errors"
	"net/http"
	"net/url"

	"twincities/internal/auth"
	"twincities/internal/content"
	"twincities/internal/i18n"
	"twincities/internal/qrsvg"
	"twincities/internal/store"
	"twincities/templates"
)

// twoFactorPath is the page where a member of staff sets up and manages their second factor.
const twoFactorPath = "/admin/account/two-factor"

// twoFactorPage handles "GET /admin/account/two-factor": whether two-factor sign-in is on, and
// what the person can do about it; during set-up, the QR code and the key.
func (s *Server) twoFactorPage(w http.ResponseWriter, r *http.Request) error {
	return s.renderTwoFactor(w, r, http.StatusOK, templates.Form{Values: url.Values{}, Admin: adminMessages(r)})
}

func (s *Server) renderTwoFactor(w http.ResponseWriter, r *http.Request, status int, f templates.Form) error {
	ctx, a := r.Context(), adminMessages(r)
	u, _ := staffOf(ctx)
	set, err := store.GetSettings(ctx, s.db)
	if err != nil {
		return err
	}
	d := templates.TwoFactorData{Required: set.RequireTwoFactor}
	if u.HasTwoFactor() {
		d.Since = i18n.FormatDate(content.Date{Time: u.TwoFactorSince.UTC(), Precision: content.Day}, adminLang(r))
		if d.RecoveryLeft, err = store.RecoveryCodesLeft(ctx, s.db, u.ID); err != nil {
			return err
		}
	} else if secret, ok := s.sessions.Get(ctx, keyNewTOTP).(string); ok {
		uri, err := auth.TOTPURI(a.TwoFactorIssuer, u.Email, secret)
		if err != nil {
			return err
		}
		qr, err := qrsvg.Encode(uri)
		if err != nil {
			return err
		}
		d.Setup = &templates.TwoFactorSetup{QR: qr, Key: auth.GroupKey(secret)}
	}
	s.render(w, r, status, templates.TwoFactorPage(s.adminPage(r, a.TwoFactor, ""), d, f))
	return nil
}

// startTwoFactor handles "POST /admin/account/two-factor/start": a new key for the person's
// authenticator app. It waits in the session until a code from the app confirms it; only then is
// it stored with the account. Starting again replaces it.
func (s *Server) startTwoFactor(w http.ResponseWriter, r *http.Request) error {
	if u, _ := staffOf(r.Context()); !u.HasTwoFactor() {
		secret, err := auth.NewTOTPSecret()
		if err != nil {
			return err
		}
		s.sessions.Put(r.Context(), keyNewTOTP, secret)
	}
	http.Redirect(w, r, twoFactorPath, http.StatusSeeOther)
	return nil
}

// confirmTwoFactor handles "POST /admin/account/two-factor/confirm": a code from the app proves
// it holds the key, which turns two-factor sign-in on. The answer shows the recovery codes, once:
// they are in this response and nowhere else, never kept for a redirect to fetch. The person's
// other sessions, begun with the password alone, end; this one goes on.
func (s *Server) confirmTwoFactor(w http.ResponseWriter, r *http.Request) error {
	ctx, a := r.Context(), adminMessages(r)
	u, _ := staffOf(ctx)
	secret, pending := s.sessions.Get(ctx, keyNewTOTP).(string)
	if u.HasTwoFactor() {
		http.Redirect(w, r, twoFactorPath, http.StatusSeeOther)
		return nil
	}
	if !pending {
		s.flash(ctx, a.SetupLost)
		http.Redirect(w, r, twoFactorPath, http.StatusSeeOther)
		return nil
	}
	step, ok := auth.VerifyTOTP(secret, r.PostForm.Get("code"), s.now())
	if !ok {
		return s.renderTwoFactor(w, r, http.StatusUnprocessableEntity, codeProblem(a, "code", a.ConfirmWrong))
	}
	codes, hashes, err := newRecoveryCodes()
	if err != nil {
		return err
	}
	epoch, err := store.EnableTwoFactor(ctx, s.db, u.ID, secret, step, hashes, actorOf(ctx))
	if errors.Is(err, store.ErrTwoFactorOn) {
		// Turned on meanwhile, from another tab: the codes shown there are the ones that count.
		s.sessions.Remove(ctx, keyNewTOTP)
		http.Redirect(w, r, twoFactorPath, http.StatusSeeOther)
		return nil
	}
	if err != nil {
		return err
	}
	s.sessions.Remove(ctx, keyNewTOTP)
	if err := s.sessions.RenewToken(ctx); err != nil {
		return err
	}
	s.sessions.Put(ctx, keyEpoch, epoch)
	s.renderRecoveryCodes(w, r, codes)
	return nil
}

// regenerateRecoveryCodes handles "POST /admin/account/two-factor/recovery-codes": new recovery
// codes in place of all the old ones, shown once. It asks for a code of the second factor first,
// like turning it off: whoever finds a session left open must not walk away with a way in.
func (s *Server) regenerateRecoveryCodes(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	u, _ := staffOf(ctx)
	if !u.HasTwoFactor() {
		http.Redirect(w, r, twoFactorPath, http.StatusSeeOther)
		return nil
	}
	if done, err := s.proveSecondFactor(w, r, u, "regenerate_code"); done || err != nil {
		return err
	}
	codes, hashes, err := newRecoveryCodes()
	if err != nil {
		return err
	}
	if err := store.ReplaceRecoveryCodes(ctx, s.db, u.ID, hashes, actorOf(ctx)); err != nil {
		return err
	}
	s.renderRecoveryCodes(w, r, codes)
	return nil
}

// disableTwoFactor handles "POST /admin/account/two-factor/disable": two-factor sign-in off,
// unless administrators require it. It asks for a current code of the second factor (or a
// recovery code) rather than the password: the password is exactly what two-factor sign-in
// assumes others may know, whereas a code shows the phone is at hand, and someone at a session
// left open has neither.
func (s *Server) disableTwoFactor(w http.ResponseWriter, r *http.Request) error {
	ctx, a := r.Context(), adminMessages(r)
	u, _ := staffOf(ctx)
	if !u.HasTwoFactor() {
		http.Redirect(w, r, twoFactorPath, http.StatusSeeOther)
		return nil
	}
	set, err := store.GetSettings(ctx, s.db)
	if err != nil {
		return err
	}
	if set.RequireTwoFactor {
		s.flash(ctx, a.CannotTurnOff)
		http.Redirect(w, r, twoFactorPath, http.StatusSeeOther)
		return nil
	}
	if done, err := s.proveSecondFactor(w, r, u, "disable_code"); done || err != nil {
		return err
	}
	if err := store.DisableTwoFactor(ctx, s.db, u.ID, actorOf(ctx)); err != nil && !errors.Is(err, store.ErrNoTwoFactor) {
		return err
	}
	s.flash(ctx, a.FlashTwoFactorOff)
	http.Redirect(w, r, twoFactorPath, http.StatusSeeOther)
	return nil
}

// proveSecondFactor checks the code in field against u's second factor, under the sign-in
// throttle. When it is not right it answers (the page again, 422 or 429) and reports done.
func (s *Server) proveSecondFactor(w http.ResponseWriter, r *http.Request, u content.User, field string) (done bool, err error) {
	a := adminMessages(r)
	ok, err := s.checkSecondFactor(r, u, r.PostForm.Get(field))
	switch {
	case errors.Is(err, store.ErrThrottled):
		return true, s.renderTwoFactor(w, r, http.StatusTooManyRequests, codeProblem(a, field, a.Throttled))
	case err != nil:
		return true, err
	case !ok:
		return true, s.renderTwoFactor(w, r, http.StatusUnprocessableEntity, codeProblem(a, field, a.CodeWrong))
	}
	return false, nil
}

// codeProblem is the state of a form whose code field was refused, with msg; the code typed is
// not sent back.
func codeProblem(a *i18n.AdminMessages, field, msg string) templates.Form {
	return userForm(a, url.Values{}, map[string]string{field: msg}, []string{field})
}

// newRecoveryCodes makes a person's recovery codes: as shown to them, and as stored.
func newRecoveryCodes() (codes []string, hashes [][]byte, err error) {
	codes, err = auth.NewRecoveryCodes()
	if err != nil {
		return nil, nil, err
	}
	for _, c := range codes {
		n, _ := auth.NormalizeRecoveryCode(c)
		hashes = append(hashes, auth.HashRecoveryCode(n))
	}
	return codes, hashes, nil
}

// renderRecoveryCodes shows new recovery codes, the one time they are ever shown.
func (s *Server) renderRecoveryCodes(w http.ResponseWriter, r *http.Request, codes []string) {
	a := adminMessages(r)
	p := s.adminPage(r, a.RecoveryTitle, "", templates.Crumb{Label: a.TwoFactor, Path: twoFactorPath},
		templates.Crumb{Label: a.RecoveryTitle})
	s.render(w, r, http.StatusOK, templates.RecoveryCodes(p, codes))
}

// requireTwoFactor sends a member of staff without a second factor to set one up, when
// administrators require it for everyone: every admin page behind it answers with a redirect to
// the set-up page (a form sent changes nothing). The set-up page itself and signing out are not
// behind it.
func (s *Server) requireTwoFactor(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if u, _ := staffOf(r.Context()); u.HasTwoFactor() {
			next.ServeHTTP(w, r)
			return
		}
		set, err := store.GetSettings(r.Context(), s.db)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		if !set.RequireTwoFactor {
			next.ServeHTTP(w, r)
			return
		}
		http.Redirect(w, r, twoFactorPath, http.StatusSeeOther)
	})
}
