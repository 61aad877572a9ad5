package web

import (
	"context"
	"runtime"
	"time"
)

// hashWait is how long a request waits for a password-checking slot before it is answered 503:
// a visitor is told to come back rather than left waiting behind a flood of sign-in attempts.
const hashWait = 10 * time.Second

// hashing runs fn, which hashes or checks a password, once one of the hashing slots is free. It
// gives up when the request ends (its error) or after hashWait (errBusy).
func (s *Server) hashing(ctx context.Context, fn func()) error {
	wait := time.NewTimer(hashWait)
	defer wait.Stop()
	select {
	case s.hashSlots <- struct{}{}:
	case <-ctx.Done():
		return ctx.Err()
	case <-wait.C:
		return errBusy
	}
	defer func() { <-s.hashSlots }()
	fn()
	// The 64 MiB argon2id worked in are garbage now. Collected at once, they are ready for the
	// next check; left to the collector's pace, the heap grows to twice the checks in flight
	// before anything is collected. With no pointers in them, marking costs next to nothing.
	runtime.GC()
	return nil
}

// hashPassword hashes a new password in a hashing slot.
func (s *Server) hashPassword(ctx context.Context, password string) (string, error) {
	var hash string
	var herr error
	if err := s.hashing(ctx, func() { hash, herr = s.hasher.Hash(password) }); err != nil {
		return "", err
	}
	return hash, herr
}
