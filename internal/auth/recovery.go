package auth

import (
	"crypto/rand"
	"crypto/sha256"
	"fmt"
	"strings"
)

// RecoveryCodeCount is how many recovery codes a person gets at once.
const RecoveryCodeCount = 10

// recoveryCodeBytes is the randomness of one recovery code: 80 bits, written as 16 base32
// characters.
const recoveryCodeBytes = 10

// recoveryCodeLength is the length of a recovery code without its dashes.
const recoveryCodeLength = recoveryCodeBytes * 8 / 5

// NewRecoveryCodes returns RecoveryCodeCount new recovery codes, as the person is shown them:
// 16 base32 characters in groups of four ("ABCD-EFGH-IJKL-MNOP").
func NewRecoveryCodes() ([]string, error) {
	codes := make([]string, RecoveryCodeCount)
	b := make([]byte, recoveryCodeBytes)
	for i := range codes {
		if _, err := rand.Read(b); err != nil {
			return nil, fmt.Errorf("auth: new recovery codes: %w", err)
		}
		codes[i] = group(base32NoPad.EncodeToString(b), "-")
	}
	return codes, nil
}

// NormalizeRecoveryCode is a recovery code as typed, the way it is hashed: without spaces and
// dashes, in capitals, with the digits 0 and 1 read as the letters O and I they are mistaken for
// (base32 has neither digit). ok is false when typed cannot be a recovery code.
func NormalizeRecoveryCode(typed string) (code string, ok bool) {
	var b strings.Builder
	for _, r := range strings.ToUpper(typed) {
		switch {
		case r == ' ' || r == '-' || r == '\t' || r == '\u00a0':
		case r == '0':
			b.WriteRune('O')
		case r == '1':
			b.WriteRune('I')
		case r >= 'A' && r <= 'Z' || r >= '2' && r <= '7':
			b.WriteRune(r)
		default:
			return "", false
		}
	}
	if b.Len() != recoveryCodeLength {
		return "", false
	}
	return b.String(), true
}

// HashRecoveryCode is what is stored of a normalised recovery code: its SHA-256.
//
// A fast hash is enough here, unlike for passwords. A password is chosen by a person and may be
// guessed from a list, which a slow hash (argon2id) makes expensive. A recovery code is 80 random
// bits: whoever steals the hashes would still have to try about 2^79 codes for each, which no
// slowness adds much to. A fast, unsalted hash also lets the database find a code by its hash and
// mark it used in one statement, so that a code works once even for two requests at once.
func HashRecoveryCode(code string) []byte {
	h := sha256.Sum256([]byte(code))
	return h[:]
}
