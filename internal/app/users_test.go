package app_test

import (
	"bytes"
	"context"
	"io"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"twincities/internal/app"
	"twincities/internal/postgres/pgtest"
	"twincities/internal/store"
)

// user runs "twincities user ..." with stdin as the typed password.
func user(t *testing.T, dbURL, stdin string, args ...string) (string, error) {
	t.Helper()
	var out bytes.Buffer
	err := app.Run(context.Background(), append([]string{"user"}, args...), env("DATABASE_URL", dbURL),
		strings.NewReader(stdin), &out, io.Discard)
	return out.String(), err
}

// account reads what the database holds of one account.
func account(t *testing.T, dbURL, email string) (name, role, hash string, epoch int, disabled bool) {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	err = conn.QueryRow(ctx, `SELECT name, role, password_hash, session_epoch, disabled_at IS NOT NULL FROM users WHERE email = $1`,
		email).Scan(&name, &role, &hash, &epoch, &disabled)
	if err != nil {
		t.Fatalf("account %s: %v", email, err)
	}
	return
}

func TestUserCommands(t *testing.T) {
	t.Parallel()
	dbURL := pgtest.BareDB(t)
	const password = "  a phrase with spaces around it  "

	// The password comes from standard input, one line; its line ending is not part of it, the
	// spaces are.
	out, err := user(t, dbURL, password+"\n", "add", "--email", "Olga@Example.org", "--name", "Ольга Иванова", "--role", "admin")
	if err != nil || !strings.Contains(out, "olga@example.org") {
		t.Fatalf("user add: %q, %v", out, err)
	}
	name, role, hash, epoch, disabled := account(t, dbURL, "olga@example.org")
	if name != "Ольга Иванова" || role != "admin" || disabled || !strings.HasPrefix(hash, "$argon2id$") || strings.Contains(hash, "phrase") {
		t.Errorf("the account is %q %q disabled=%v hash %q", name, role, disabled, hash)
	}

	// Refusals change nothing and say why.
	for _, c := range []struct {
		stdin string
		args  []string
		want  string
	}{
		{"short\n", []string{"add", "--email", "a@example.org", "--name", "A", "--role", "editor"}, "at least 12"},
		{"qwerty123456\n", []string{"add", "--email", "b@example.org", "--name", "B", "--role", "editor"}, "common"},
		{"a good long password\n", []string{"add", "--email", "c@example.org", "--name", "C", "--role", "owner"}, "--role"},
		{"a good long password\n", []string{"add", "--email", "not-an-email", "--name", "D", "--role", "editor"}, "--email"},
		{"a good long password\n", []string{"add", "--email", "olga@example.org", "--name", "E", "--role", "editor"}, "taken"},
		{"", []string{"add", "--name", "F"}, "usage"},
		{"a good long password\n", []string{"passwd", "--email", "nobody@example.org"}, "no account"},
	} {
		if _, err := user(t, dbURL, c.stdin, c.args...); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("user %v: err = %v, want it to say %q", c.args, err, c.want)
		}
	}

	// A new password replaces the hash and ends the sessions (a new epoch).
	if _, err := user(t, dbURL, "another long passphrase\n", "passwd", "--email", "olga@example.org"); err != nil {
		t.Fatal(err)
	}
	_, _, hash2, epoch2, _ := account(t, dbURL, "olga@example.org")
	if hash2 == hash || epoch2 != epoch+1 {
		t.Errorf("after passwd: hash changed %v, epoch %d → %d", hash2 != hash, epoch, epoch2)
	}
	if _, err := user(t, dbURL, "", "disable", "--email", "olga@example.org"); err != nil {
		t.Fatal(err)
	}
	if _, _, _, epoch3, disabled := account(t, dbURL, "olga@example.org"); !disabled || epoch3 != epoch2+1 {
		t.Errorf("after disable: disabled %v, epoch %d", disabled, epoch3)
	}
}

// "user reset-2fa" is the way back in for the only administrator who lost their phone and their
// recovery codes: the second factor goes, the sessions end, and the audit log says so.
func TestUserResetTwoFactor(t *testing.T) {
	t.Parallel()
	dbURL := pgtest.BareDB(t)
	if _, err := user(t, dbURL, "a long enough passphrase\n", "add", "--email", "olga@example.org", "--name", "Ольга", "--role", "admin"); err != nil {
		t.Fatal(err)
	}
	if _, err := user(t, dbURL, "", "reset-2fa", "--email", "olga@example.org"); err == nil || !strings.Contains(err.Error(), "no two-factor") {
		t.Errorf("reset-2fa without a second factor: %v", err)
	}
	if _, err := user(t, dbURL, "", "reset-2fa", "--email", "nobody@example.org"); err == nil || !strings.Contains(err.Error(), "no account") {
		t.Errorf("reset-2fa of nobody: %v", err)
	}

	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var id int64
	if err := conn.QueryRow(ctx, `SELECT id FROM users WHERE email = 'olga@example.org'`).Scan(&id); err != nil {
		t.Fatal(err)
	}
	if _, err := store.EnableTwoFactor(ctx, conn, id, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", 1, [][]byte{make([]byte, 32)}, store.Actor{Name: "test"}); err != nil {
		t.Fatal(err)
	}
	_, _, _, epoch, _ := account(t, dbURL, "olga@example.org")

	out, err := user(t, dbURL, "", "reset-2fa", "--email", " Olga@Example.org")
	if err != nil || !strings.Contains(out, "olga@example.org") {
		t.Fatalf("user reset-2fa: %q, %v", out, err)
	}
	var secret *string
	var codes, lines int
	if err := conn.QueryRow(ctx, `SELECT totp_secret, (SELECT count(*) FROM recovery_codes WHERE user_id = $1),
		(SELECT count(*) FROM audit_log WHERE action = 'two_factor_reset' AND user_name = 'command line' AND entity_id = $1::text)
		FROM users WHERE id = $1`, id).Scan(&secret, &codes, &lines); err != nil {
		t.Fatal(err)
	}
	if secret != nil || codes != 0 || lines != 1 {
		t.Errorf("after reset-2fa: key kept %v, %d recovery codes, %d audit lines (want none, 0, 1)", secret != nil, codes, lines)
	}
	if _, _, _, after, _ := account(t, dbURL, "olga@example.org"); after != epoch+1 {
		t.Errorf("epoch %d → %d: the sessions did not end", epoch, after)
	}
}
