package web

import (
	"context"
	"encoding/gob"
	"errors"
	"net/http"
	"net/url"
	"path"
	"strings"
	"time"

	"github.com/alexedwards/scs/v2"

	"twincities/internal/content"
	"twincities/internal/store"
)

// Session limits: a session ends after an hour without a request, and twelve hours after sign-in
// whatever happens. scs enforces both in the store; the staff middleware checks them again with
// the server's clock, which tests can move.
const (
	sessionIdle     = time.Hour
	sessionLifetime = 12 * time.Hour
)

// Session keys.
const (
	keyUserID = "user_id"
	keyEpoch  = "epoch"
	keyAuthAt = "auth_at"
	keySeenAt = "seen_at"
	keyFlash  = "flash"
	// keyFlashProblem is a message that something was not done, shown apart from the flash of
	// what was done.
	keyFlashProblem = "flash_problem"
	keyPending      = "pending"
	// keyPasswordPassed holds a passwordPassed between the password and the code.
	keyPasswordPassed = "password_passed"
	// keyNewTOTP holds the key of an authenticator app being set up, until a code confirms it:
	// never in the users table before then.
	keyNewTOTP = "new_totp"
)

// pendingForm is a form posted after the session ended. It waits in a new session for the person
// to sign in again, so that what they typed is not lost.
type pendingForm struct {
	Path   string
	Values url.Values
}

// Session values travel through gob; these are the types of ours and of the standard library it
// must know by name.
func init() {
	gob.Register(pendingForm{})
	gob.Register(passwordPassed{})
	gob.Register(time.Time{})
}

func newSessions(st scs.Store, secure bool) *scs.SessionManager {
	m := scs.New()
	m.Store = st
	m.IdleTimeout = sessionIdle
	m.Lifetime = sessionLifetime
	m.Cookie.Name = "twincities_session"
	m.Cookie.Path = "/admin"
	m.Cookie.HttpOnly = true
	m.Cookie.SameSite = http.SameSiteLaxMode
	m.Cookie.Secure = secure
	// A session cookie, gone when the browser closes: staff may share a computer.
	m.Cookie.Persist = false
	return m
}

type staffKey struct{}

// staffOf returns the signed-in member of staff, if any.
func staffOf(ctx context.Context) (content.User, bool) {
	u, ok := ctx.Value(staffKey{}).(content.User)
	return u, ok
}

// actorOf is the signed-in member of staff as the history records them.
func actorOf(ctx context.Context) store.Actor {
	u, _ := staffOf(ctx)
	return store.Actor{ID: u.ID, Name: u.Name}
}

// loadStaff puts the signed-in member of staff into the request context. A session whose account
// is gone or disabled, whose password changed since (another epoch), or which is past its idle or
// absolute limit is ended here, on its next request.
func (s *Server) loadStaff(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := r.Context()
		id := s.sessions.GetInt64(ctx, keyUserID)
		if id == 0 {
			next.ServeHTTP(w, r)
			return
		}
		u, err := store.UserByID(ctx, s.db, id)
		if err != nil && !errors.Is(err, store.ErrNotFound) {
			s.fail(w, r, err)
			return
		}
		now := s.now()
		if err != nil || !u.Active() || u.SessionEpoch != s.sessions.GetInt(ctx, keyEpoch) ||
			now.Sub(s.sessions.GetTime(ctx, keyAuthAt)) > sessionLifetime ||
			now.Sub(s.sessions.GetTime(ctx, keySeenAt)) > sessionIdle {
			if err := s.endSession(ctx); err != nil {
				s.fail(w, r, err)
				return
			}
			s.sessions.Put(ctx, keyFlash, adminMessages(r).SessionExpired)
			next.ServeHTTP(w, r)
			return
		}
		s.sessions.Put(ctx, keySeenAt, now)
		next.ServeHTTP(w, r.WithContext(context.WithValue(ctx, staffKey{}, u)))
	})
}

// endSession forgets who is signed in and gives the browser a new session token.
func (s *Server) endSession(ctx context.Context) error {
	for _, k := range []string{keyUserID, keyEpoch, keyAuthAt, keySeenAt, keyPasswordPassed, keyNewTOTP} {
		s.sessions.Remove(ctx, k)
	}
	return s.sessions.RenewToken(ctx)
}

// maxPendingForm bounds a form kept for after signing in again: the text of an entry's form, not
// what anyone may post. Longer forms are not kept, and the person is told.
const maxPendingForm = 64 << 10

// requireStaff lets only signed-in staff through. Anyone else goes to the sign-in page. A form
// posted by someone whose session has just ended is kept in that session, to be given back after
// they sign in again; a visitor with no session gets none made for them: a post from anyone on
// the internet must cost the database nothing.
func (s *Server) requireStaff(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, ok := staffOf(r.Context()); ok {
			next.ServeHTTP(w, r)
			return
		}
		next := r.URL.RequestURI()
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			// After signing in, back to the page the person was on, not to the address of a button.
			next = refererPath(r)
			// A form that posts to its own page: keep what was typed, to give it back there.
			// (readBodies has read it; a multipart upload is never read for someone signed out.)
			if next == r.URL.Path && r.PostForm != nil && s.sessions.Token(r.Context()) != "" {
				kept := withoutSecrets(r.PostForm)
				if formSize(kept) <= maxPendingForm {
					s.sessions.Put(r.Context(), keyPending, pendingForm{Path: r.URL.Path, Values: kept})
				} else {
					s.flash(r.Context(), adminMessages(r).PendingTooLarge)
				}
			}
		}
		http.Redirect(w, r, "/admin/login?next="+url.QueryEscape(next), http.StatusSeeOther)
	})
}

// formSize is about the bytes a form's values take.
func formSize(v url.Values) int {
	n := 0
	for k, vals := range v {
		for _, val := range vals {
			n += len(k) + len(val)
		}
	}
	return n
}

// requireAdmin lets only administrators through; an editor gets 403.
func (s *Server) requireAdmin(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if u, ok := staffOf(r.Context()); !ok || !u.IsAdmin() {
			s.forbidden(w, r)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// pendingFor returns the values of a form posted to path while signed out, once.
func (s *Server) pendingFor(ctx context.Context, path string) (url.Values, bool) {
	p, ok := s.sessions.Get(ctx, keyPending).(pendingForm)
	if !ok || p.Path != path {
		return nil, false
	}
	s.sessions.Remove(ctx, keyPending)
	return p.Values, true
}

// flash keeps a message for the next page the person sees.
func (s *Server) flash(ctx context.Context, msg string) { s.sessions.Put(ctx, keyFlash, msg) }

// flashProblem keeps msg for the next admin page as a problem: something asked for was not done
// (not published, changed by someone else meanwhile). It is shown as a warning, not as a success.
func (s *Server) flashProblem(ctx context.Context, msg string) {
	s.sessions.Put(ctx, keyFlashProblem, msg)
}

// noStoreUnder keeps every response under prefix out of every cache: admin pages hold drafts
// and personal data.
func noStoreUnder(prefix string, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == prefix || strings.HasPrefix(r.URL.Path, prefix+"/") {
			w.Header().Set("Cache-Control", "no-store")
		}
		next.ServeHTTP(w, r)
	})
}

// refererPath is the admin page a request was sent from. Without a Referer (some privacy settings
// remove it), it is the page the request's address belongs to.
func refererPath(r *http.Request) string {
	if ref, err := url.Parse(r.Referer()); err == nil && ref.Host == r.Host && ref.Path != "" {
		if page := pageOf(ref.Path); page != ref.Path {
			return localAdminPath(page)
		}
		return localAdminPath(ref.RequestURI())
	}
	return localAdminPath(pageOf(r.URL.Path))
}

// pageOf is the page an address belongs to: the entry's page for one of its buttons (a POST-only
// address, such as .../5/publish or .../5/image/remove), the address itself otherwise.
func pageOf(p string) string {
	if dir, last := path.Split(p); actionSegments[last] {
		p = strings.TrimSuffix(strings.TrimSuffix(dir, "/"), "/image") // .../image/remove
	}
	return p
}

// actionSegments end the addresses of buttons: they answer POST only.
var actionSegments = map[string]bool{"publish": true, "unpublish": true, "delete": true, "restore": true,
	"purge": true, "revert": true, "image": true, "remove": true, "logout": true, "disable": true, "enable": true,
	"language": true, "start": true, "confirm": true, "recovery-codes": true}

// withoutSecrets drops password and code fields: neither a password nor a code of the second
// factor is ever kept in a session.
func withoutSecrets(v url.Values) url.Values {
	out := url.Values{}
	for k, vals := range v {
		if !strings.Contains(k, "password") && !strings.Contains(k, "code") {
			out[k] = vals
		}
	}
	return out
}
