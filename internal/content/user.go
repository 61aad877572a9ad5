package content

import (
	"strings"
	"time"
	"unicode/utf8"
)

// Role is what a member of staff may do.
type Role string

// The roles. An editor edits content; a publisher also approves what editors send for review
// (issue 11, review before publishing); an admin also manages staff and the settings and purges
// the trash.
const (
	Editor    Role = "editor"
	Publisher Role = "publisher"
	Admin     Role = "admin"
)

// Valid reports whether r is a known role.
func (r Role) Valid() bool { return r == Editor || r == Publisher || r == Admin }

// User is a member of staff who signs in to edit the site.
type User struct {
	ID           int64
	Email        string // lower case; the sign-in name
	Name         string
	Role         Role
	SessionEpoch int        // sessions begun in an earlier epoch are over
	DisabledAt   *time.Time // nil while the account may sign in
	// TwoFactorSince is when the person turned on two-factor sign-in; nil while it is off.
	TwoFactorSince *time.Time
	CreatedAt      time.Time
}

// IsAdmin reports whether u manages staff.
func (u User) IsAdmin() bool { return u.Role == Admin }

// MayApprove reports whether u approves and returns what editors send for review.
func (u User) MayApprove() bool { return u.Role == Admin || u.Role == Publisher }

// MayPublish reports whether u puts changes on the site, given whether the settings require
// review before publishing: then an editor sends them for review instead.
func (u User) MayPublish(reviewRequired bool) bool { return !reviewRequired || u.MayApprove() }

// Active reports whether u may sign in.
func (u User) Active() bool { return u.DisabledAt == nil }

// HasTwoFactor reports whether u signs in with a code from an authenticator app after the password.
func (u User) HasTwoFactor() bool { return u.TwoFactorSince != nil }

// NormalizeEmail is the form an e-mail address is stored and compared in: trimmed, lower case.
func NormalizeEmail(s string) string {
	s = strings.TrimSpace(s)
	if !utf8.ValidString(s) {
		return s // as typed, for Validate to refuse: ToLower would turn the broken bytes into U+FFFD
	}
	return strings.ToLower(s)
}

// MaxEmail is the longest e-mail address, in bytes (RFC 5321 with its errata).
const MaxEmail = 254

// Validate checks a new or changed account.
func (u *User) Validate() error {
	var v checker
	v.chars("email", u.Email, false, true)
	v.chars("name", u.Name, false, true)
	switch at := strings.IndexByte(u.Email, '@'); {
	case u.Email == "":
		v.add("email", ProblemRequired)
	case at <= 0 || at == len(u.Email)-1 || strings.ContainsAny(u.Email, " \t\r\n") || strings.Count(u.Email, "@") != 1 ||
		u.Email != NormalizeEmail(u.Email):
		v.add("email", ProblemEmail)
	case len(u.Email) > MaxEmail:
		v.add("email", ProblemTooLong)
	}
	if strings.TrimSpace(u.Name) == "" {
		v.add("name", ProblemRequired)
	}
	v.maxLen("name", u.Name, MaxName)
	if !u.Role.Valid() {
		v.add("role", ProblemChoice)
	}
	return v.err()
}
