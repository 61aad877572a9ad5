package auth

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base32"
	"fmt"
	"strings"
	"time"

	"github.com/pquerna/otp"
	"github.com/pquerna/otp/hotp"
	"github.com/pquerna/otp/totp"
)

// Time-based one-time passwords (TOTP, RFC 6238) as every authenticator app makes them: HMAC-SHA1,
// six digits, a new code every 30 seconds. Apps may support more, but not all of them do, and
// these are what the otpauth URI promises when it names no others.
const (
	// TOTPPeriod is how long one code lasts: one time step.
	TOTPPeriod = 30 * time.Second
	// TOTPDigits is the length of a code.
	TOTPDigits = 6
	// totpSkew is how many steps before and after the current one are accepted too: a phone's
	// clock a little off, or a code typed just as it changed.
	totpSkew = 1
	// totpSecretBytes is the key's length: 160 bits, the HMAC-SHA1 output size RFC 4226
	// recommends.
	totpSecretBytes = 20
)

var base32NoPad = base32.StdEncoding.WithPadding(base32.NoPadding)

// NewTOTPSecret returns a new random key for an authenticator app, in base32 without padding
// (32 characters), as apps expect it typed or in an otpauth URI.
func NewTOTPSecret() (string, error) {
	b := make([]byte, totpSecretBytes)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("auth: new TOTP key: %w", err)
	}
	return base32NoPad.EncodeToString(b), nil
}

// TOTPURI is the otpauth URI of a key (Google Authenticator's "Key Uri Format", which every app
// reads from a QR code): the issuer names the site in the app's list, the account the person.
func TOTPURI(issuer, account, secret string) (string, error) {
	raw, err := base32NoPad.DecodeString(secret)
	if err != nil {
		return "", fmt.Errorf("auth: TOTP key is not base32: %w", err)
	}
	key, err := totp.Generate(totp.GenerateOpts{Issuer: issuer, AccountName: account, Secret: raw,
		Period: uint(TOTPPeriod / time.Second), Digits: otp.DigitsSix, Algorithm: otp.AlgorithmSHA1})
	if err != nil {
		return "", fmt.Errorf("auth: TOTP URI: %w", err)
	}
	return key.URL(), nil
}

// TOTPStep is the time step t falls in: the counter a TOTP code of that moment is made from.
func TOTPStep(t time.Time) int64 { return t.Unix() / int64(TOTPPeriod/time.Second) }

// VerifyTOTP reports whether code is the code of secret at the step of now or the steps next to
// it, and which step it matched. The caller must still make sure that step was not used before
// (store.UseTOTPStep): a code is good for about a minute and a half, and must work only once.
// Every candidate is computed and compared in constant time, so the answer's speed says nothing
// about which one, if any, matched.
func VerifyTOTP(secret, code string, now time.Time) (int64, bool) {
	code = NormalizeTOTPCode(code)
	if len(code) != TOTPDigits {
		return 0, false
	}
	current := TOTPStep(now)
	matched, found := 0, 0
	for s := current - totpSkew; s <= current+totpSkew; s++ {
		want, err := hotp.GenerateCodeCustom(secret, uint64(s), hotp.ValidateOpts{Digits: otp.DigitsSix, Algorithm: otp.AlgorithmSHA1})
		if err != nil {
			return 0, false // a key that is not base32: nothing can match it
		}
		// The latest step that matches, should two (one chance in a million): the later the step
		// recorded, the fewer codes remain usable. Chosen without a branch on the comparison.
		eq := subtle.ConstantTimeCompare([]byte(want), []byte(code))
		matched = subtle.ConstantTimeSelect(eq, int(s), matched)
		found |= eq
	}
	return int64(matched), found == 1
}

// NormalizeTOTPCode is a code as typed without the spaces and dashes apps show in the middle of
// it ("123 456").
func NormalizeTOTPCode(code string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '-' || r == '\u00a0' || r == '\t' {
			return -1
		}
		return r
	}, strings.TrimSpace(code))
}

// IsTOTPCode reports whether typed has the shape of a code from the app: six digits.
func IsTOTPCode(typed string) bool {
	c := NormalizeTOTPCode(typed)
	if len(c) != TOTPDigits {
		return false
	}
	for _, r := range c {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// GroupKey writes a key in groups of four characters, as a person types it from the screen.
func GroupKey(secret string) string { return group(secret, " ") }

// group splits s into groups of four characters joined by sep.
func group(s, sep string) string {
	var b strings.Builder
	for i := 0; i < len(s); i += 4 {
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteString(s[i:min(i+4, len(s))])
	}
	return b.String()
}
