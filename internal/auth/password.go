// Package auth holds what the site needs to let municipal staff sign in:
// password hashing and the password policy, and the second factor (codes
// from an authenticator app, recovery codes). Staff accounts are personal
// data under 152-FZ, so passwords are only ever stored as slow, salted
// argon2id hashes, and weak passwords are refused before they are stored.
package auth

import (
	"encoding/base64"
	"errors"
	"fmt"

	"github.com/alexedwards/argon2id"
)

// DefaultParams is the argon2id cost used in production.
//
// Memory 64 MiB, 3 iterations, parallelism 2, 16-byte salt, 32-byte key.
// This is well above the minimum in OWASP's Password Storage Cheat Sheet
// (argon2id with 19 MiB, 2 iterations, parallelism 1) and uses the memory
// and iterations of RFC 9106's "second recommended" option (64 MiB, t=3),
// with 2 lanes instead of 4 because the server has 2 cores. Memory is what
// makes guessing expensive on GPUs if the hashes ever leak; a few staff
// sign in a few times a day, so 64 MiB per sign-in costs the server
// nothing that matters. A 16-byte salt and a 32-byte key are the sizes
// both documents recommend.
var DefaultParams = &argon2id.Params{
	Memory:      64 * 1024, // KiB
	Iterations:  3,
	Parallelism: 2,
	SaltLength:  16,
	KeyLength:   32,
}

// TestParams is argon2id at a low cost (8 MiB, 1 iteration, 1 lane) so
// that tests which sign in many times stay fast. It must never be used in
// production: hashes made with it are several times cheaper to guess.
// Hashes made with it are still real argon2id hashes, so the code under
// test is the production code path.
var TestParams = &argon2id.Params{
	Memory:      8 * 1024, // KiB
	Iterations:  1,
	Parallelism: 1,
	SaltLength:  16,
	KeyLength:   32,
}

// ErrHashInvalid is returned by Verify for a stored hash that is not an
// argon2id hash this package could have made (wrong format, or costs
// outside the bounds below). It means a corrupt or tampered record, not a
// wrong password.
var ErrHashInvalid = errors.New("auth: stored password hash is invalid")

// Bounds on the params of a hash read back from storage. They are far from
// anything we configure; they exist so that a corrupt or tampered record
// can neither make the server allocate gigabytes (memory), spin for a long
// time (iterations), crash it (argon2 panics on zero iterations or lanes),
// nor match almost any password (a key of a few bytes).
const (
	maxMemoryKiB  = 1024 * 1024 // 1 GiB
	maxIterations = 64
	minSaltLength = 8
	minKeyLength  = 16
	maxSaltOrKey  = 1024
	argon2Version = 19 // Argon2 version 1.3 (0x13), the only one argon2id accepts
)

// Hasher hashes and checks passwords. Params are argon2id's cost;
// production uses DefaultParams. A zero Hasher (nil Params) also uses
// DefaultParams, so forgetting to set them can never make hashes weaker.
type Hasher struct {
	Params *argon2id.Params
}

func (h Hasher) params() *argon2id.Params {
	if h.Params == nil {
		return DefaultParams
	}
	return h.Params
}

// Hash returns an argon2id hash of password in the usual PHC string form
// ("$argon2id$v=19$m=...,t=...,p=...$salt$key"), with a fresh random salt,
// so two hashes of the same password differ. The password is hashed
// exactly as given: callers check it with CheckPassword first.
func (h Hasher) Hash(password string) (string, error) {
	p := h.params()
	if err := checkParams(p); err != nil {
		return "", fmt.Errorf("auth: hasher params: %w", err)
	}
	return argon2id.CreateHash(password, p)
}

// Verify reports whether password matches hash. When it matches and the
// hash was made with other params than h.Params, rehash is true, so the
// caller can store h.Hash(password) while it has the plain password at
// sign-in and old hashes move to the current cost over time. rehash is
// always false when ok is false: without the right password there is
// nothing to rehash. A hash that cannot be parsed, or whose params are out
// of bounds, gives ErrHashInvalid (wrapped) and ok false.
func (h Hasher) Verify(password, hash string) (ok bool, rehash bool, err error) {
	stored, _, _, err := argon2id.DecodeHash(hash)
	if err != nil {
		return false, false, fmt.Errorf("%w: %v", ErrHashInvalid, err)
	}
	if err := checkParams(stored); err != nil {
		return false, false, fmt.Errorf("%w: %v", ErrHashInvalid, err)
	}
	ok, _, err = argon2id.CheckHash(password, hash)
	if err != nil || !ok {
		return false, false, err
	}
	return true, *stored != *h.params(), nil
}

// DummyVerify spends the time of one Verify against a fixed hash, for
// unknown accounts, so response time does not reveal whether an email has
// an account. The fixed hash has h.Params' cost (the costly part of
// Verify), a fixed salt and an all-zero key that no password matches in
// practice; the result is thrown away.
func (h Hasher) DummyVerify(password string) {
	_, _, _ = h.Verify(password, dummyHash(h.params()))
}

// dummyHash builds the fixed hash for DummyVerify from p, so that its cost
// always equals that of a real hash made with p without hashing anything
// at start-up.
func dummyHash(p *argon2id.Params) string {
	salt := make([]byte, p.SaltLength)
	for i := range salt {
		salt[i] = byte(i) // any fixed value will do; it only has to decode
	}
	key := make([]byte, p.KeyLength)
	enc := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s",
		argon2Version, p.Memory, p.Iterations, p.Parallelism,
		enc.EncodeToString(salt), enc.EncodeToString(key))
}

// checkParams refuses params argon2 would panic on or that are outside the
// bounds above.
func checkParams(p *argon2id.Params) error {
	switch {
	case p.Iterations < 1 || p.Iterations > maxIterations:
		return fmt.Errorf("iterations %d out of range 1..%d", p.Iterations, maxIterations)
	case p.Parallelism < 1:
		return errors.New("parallelism must be at least 1")
	case p.Memory < 8*uint32(p.Parallelism) || p.Memory > maxMemoryKiB:
		return fmt.Errorf("memory %d KiB out of range %d..%d", p.Memory, 8*uint32(p.Parallelism), maxMemoryKiB)
	case p.SaltLength < minSaltLength || p.SaltLength > maxSaltOrKey:
		return fmt.Errorf("salt length %d out of range %d..%d", p.SaltLength, minSaltLength, maxSaltOrKey)
	case p.KeyLength < minKeyLength || p.KeyLength > maxSaltOrKey:
		return fmt.Errorf("key length %d out of range %d..%d", p.KeyLength, minKeyLength, maxSaltOrKey)
	}
	return nil
}
