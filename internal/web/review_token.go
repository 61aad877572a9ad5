package web

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
)

// A review link's token (issue 11, review links) is 32 random bytes, 256 bits, written in the
// link as base64url without padding: 43 characters that need no escaping in a URL. Guessing one
// is hopeless, so it does not matter that an unknown token and a revoked one are told apart.
// The database keeps only the SHA-256 of the token as written, so a copy of it opens nothing.

// reviewTokenBytes is how many random bytes a token holds.
const reviewTokenBytes = 32

// reviewTokenLen is how long a token is in a link.
var reviewTokenLen = base64.RawURLEncoding.EncodedLen(reviewTokenBytes)

// newReviewToken returns a new token and the hash the database keeps of it.
func newReviewToken() (token string, hash []byte) {
	b := make([]byte, reviewTokenBytes)
	rand.Read(b) // never fails (crypto/rand, Go 1.24 and later): it crashes the program instead
	token = base64.RawURLEncoding.EncodeToString(b)
	return token, reviewTokenHash(token)
}

// reviewTokenHash is what the database keeps of a token.
func reviewTokenHash(token string) []byte {
	sum := sha256.Sum256([]byte(token))
	return sum[:]
}

// readReviewToken returns the hash of the token in a review link's address, or false when it
// cannot be one of ours: the wrong length, a character outside base64url (a NUL, a dot, a
// slash), or its last character not the one our encoding writes. Such a token is refused without
// asking the database.
func readReviewToken(s string) ([]byte, bool) {
	if len(s) != reviewTokenLen {
		return nil, false
	}
	for _, c := range []byte(s) {
		// Checked here, not left to the decoder, which passes over line breaks.
		if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			return nil, false
		}
	}
	if b, err := base64.RawURLEncoding.Strict().DecodeString(s); err != nil || len(b) != reviewTokenBytes {
		return nil, false
	}
	return reviewTokenHash(s), true
}
