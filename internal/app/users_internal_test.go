package app

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"strings"
	"testing"

	"twincities/internal/config"
	"twincities/internal/postgres/pgtest"
)

// A database that cannot answer is reported as what it is, never as "no account": that would
// send the person at the keyboard looking for a typo in an address that is right. (Run cannot get
// here with the database gone: it migrates first and fails there. Hence a test inside the
// package, on userCommand itself.)
func TestUserCommandDatabaseErrors(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	a, err := Open(ctx, config.Config{DatabaseURL: pgtest.BareDB(t)}, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.Close() })
	if err := a.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	if err := userCommand(ctx, a, []string{"add", "--email", "olga@example.org", "--name", "Ольга", "--role", "admin"},
		strings.NewReader("a long enough passphrase\n"), io.Discard, io.Discard); err != nil {
		t.Fatal(err)
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	for _, sub := range []string{"passwd", "disable", "reset-2fa"} {
		err := userCommand(cancelled, a, []string{sub, "--email", "Olga@Example.org"},
			strings.NewReader("another long passphrase\n"), io.Discard, io.Discard)
		if err == nil || strings.Contains(err.Error(), "no account") || !errors.Is(err, context.Canceled) ||
			!strings.HasPrefix(err.Error(), "user "+sub+": olga@example.org: ") {
			t.Errorf("user %s with the context cancelled: %v, want the database's error with the command and the address", sub, err)
		}
	}
	// The pool closed: the database gone for good, an error that is no context's.
	a.pool.Close()
	for _, sub := range []string{"passwd", "disable", "reset-2fa"} {
		err := userCommand(ctx, a, []string{sub, "--email", "olga@example.org"},
			strings.NewReader("another long passphrase\n"), io.Discard, io.Discard)
		if err == nil || strings.Contains(err.Error(), "no account") || !strings.Contains(err.Error(), "closed") {
			t.Errorf("user %s with the pool closed: %v, want the database's error", sub, err)
		}
	}
}
