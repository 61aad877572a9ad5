package auth

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MinPasswordLength is the shortest password accepted, in characters
// (runes), not bytes, so a Cyrillic password is not counted as twice as
// long as a Latin one. Length is what makes a password hard to guess;
// twelve is the least we ask of accounts that edit the city's site.
const MinPasswordLength = 12

// MaxPasswordLength is the longest password accepted, in characters. It is
// far above the 64 characters a passphrase or a password manager needs;
// the cap exists so that nobody can send the hasher megabytes of input.
const MaxPasswordLength = 256

// Errors returned by CheckPassword. Callers tell them apart with
// errors.Is and show the person a message in the site's language; the
// English text here is for logs and tests.
var (
	// ErrPasswordTooShort means fewer than MinPasswordLength characters.
	ErrPasswordTooShort = fmt.Errorf("password must be at least %d characters long", MinPasswordLength)
	// ErrPasswordTooLong means more than MaxPasswordLength characters.
	ErrPasswordTooLong = fmt.Errorf("password must be at most %d characters long", MaxPasswordLength)
	// ErrPasswordCommon means the password is on the list of common
	// passwords, or is the account's email or the part of it before "@".
	ErrPasswordCommon = errors.New("password is too common or too easy to guess")
	// ErrPasswordInvalid means the password is not valid UTF-8 or contains
	// a control character or a line break.
	ErrPasswordInvalid = errors.New("password must not contain control characters or line breaks")
)

// CheckPassword returns nil if password may be set for the account with
// the given email, or one of the ErrPassword errors.
//
// The password is checked exactly as typed, and must then be hashed
// exactly as typed: no trimming, no Unicode normalisation, no case
// folding. Changing it here but not at sign-in (or the other way round)
// would lock people out, and spaces at either end are legitimate
// characters of a passphrase. Case is ignored only when comparing with the
// common list and the email, because "Qwerty123456" is as easy to guess as
// "qwerty123456".
//
// Refused:
//   - invalid UTF-8 or any control character (NUL, tab, newline, ...) or
//     Unicode line/paragraph separator: ErrPasswordInvalid. A line break in
//     a password is almost always a copy-and-paste accident that the
//     person would not be able to type again, and NUL is cut off by some
//     software;
//   - fewer than MinPasswordLength or more than MaxPasswordLength runes:
//     ErrPasswordTooShort, ErrPasswordTooLong;
//   - on the common-passwords list, or equal to the email or to the
//     email's local part (before the last "@"), all ignoring case:
//     ErrPasswordCommon.
func CheckPassword(password, email string) error {
	// Any valid UTF-8 string longer than this many bytes has more than
	// MaxPasswordLength runes; stop before scanning a huge input.
	if len(password) > MaxPasswordLength*utf8.UTFMax {
		return ErrPasswordTooLong
	}
	if !utf8.ValidString(password) {
		return ErrPasswordInvalid
	}
	for _, r := range password {
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			return ErrPasswordInvalid
		}
	}
	switch n := utf8.RuneCountInString(password); {
	case n < MinPasswordLength:
		return ErrPasswordTooShort
	case n > MaxPasswordLength:
		return ErrPasswordTooLong
	}
	if isCommonPassword(password) || matchesEmail(password, email) {
		return ErrPasswordCommon
	}
	return nil
}

// matchesEmail reports whether password equals, ignoring case, the email
// or its local part: the first thing an attacker who knows the address
// tries. Anything cleverer (names, digits appended) is harder to explain
// to the person and is left to the length rule and the common list.
func matchesEmail(password, email string) bool {
	// The email, unlike the password, is ours to tidy: it comes from the
	// account record or a form field.
	email = strings.TrimSpace(email)
	if email == "" {
		return false
	}
	if strings.EqualFold(password, email) {
		return true
	}
	at := strings.LastIndexByte(email, '@')
	if at <= 0 {
		return false
	}
	return strings.EqualFold(password, email[:at])
}
