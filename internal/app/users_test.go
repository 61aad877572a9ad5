package app_test

import (
	"bytes"
	"context"
	"io"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"twincities/internal/app"
	"twincities/internal/auth"
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

// userLogged runs "twincities user ..." like user, and returns standard error too: the log and the
// prompts.
func userLogged(t *testing.T, dbURL, stdin string, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	var out, log bytes.Buffer
	err = app.Run(context.Background(), append([]string{"user"}, args...), env("DATABASE_URL", dbURL),
		strings.NewReader(stdin), &out, &log)
	return out.String(), log.String(), err
}

// Every subcommand that changes an account says "no account" for an address nobody has, and
// changes nothing of the accounts there are.
func TestUserCommandsUnknownAccount(t *testing.T) {
	t.Parallel()
	dbURL := pgtest.BareDB(t)
	if _, err := user(t, dbURL, "a long enough passphrase\n", "add", "--email", "olga@example.org", "--name", "Ольга", "--role", "admin"); err != nil {
		t.Fatal(err)
	}
	_, _, hash, epoch, _ := account(t, dbURL, "olga@example.org")
	for _, sub := range []string{"passwd", "disable", "reset-2fa"} {
		_, err := user(t, dbURL, "another long passphrase\n", sub, "--email", " Nobody@Example.org")
		if err == nil || !strings.Contains(err.Error(), "no account with e-mail nobody@example.org") {
			t.Errorf("user %s of nobody: %v", sub, err)
		}
	}
	if _, _, hash2, epoch2, disabled := account(t, dbURL, "olga@example.org"); hash2 != hash || epoch2 != epoch || disabled {
		t.Errorf("a command for nobody changed olga: hash changed %v, epoch %d → %d, disabled %v", hash2 != hash, epoch, epoch2, disabled)
	}
}

// Disabling an account twice says the second time that it was disabled already, and does not
// start a new session epoch for it.
func TestUserDisableTwice(t *testing.T) {
	t.Parallel()
	dbURL := pgtest.BareDB(t)
	if _, err := user(t, dbURL, "a long enough passphrase\n", "add", "--email", "olga@example.org", "--name", "Ольга", "--role", "editor"); err != nil {
		t.Fatal(err)
	}
	if out, err := user(t, dbURL, "", "disable", "--email", "olga@example.org"); err != nil || !strings.Contains(out, "Disabled olga@example.org") {
		t.Fatalf("first disable: %q, %v", out, err)
	}
	_, _, _, epoch, _ := account(t, dbURL, "olga@example.org")
	out, err := user(t, dbURL, "", "disable", "--email", "olga@example.org")
	if err == nil || !strings.Contains(err.Error(), "olga@example.org has been disabled since") || out != "" {
		t.Errorf("second disable: %q, %v", out, err)
	}
	if _, _, _, after, disabled := account(t, dbURL, "olga@example.org"); after != epoch || !disabled {
		t.Errorf("second disable: epoch %d → %d, disabled %v", epoch, after, disabled)
	}
}

// The password goes from standard input into the hash and nowhere else: not into what add and
// passwd print, not into the log, not into a refusal.
func TestUserPasswordNeverShown(t *testing.T) {
	t.Parallel()
	dbURL := pgtest.BareDB(t)
	const first, second = "first secret phrase 7f3a", "second secret phrase 9c1e"
	for _, c := range []struct {
		password string
		args     []string
		wantOut  string // "" when the command is refused
	}{
		{first, []string{"add", "--email", "olga@example.org", "--name", "Ольга", "--role", "admin"}, "Added Ольга <olga@example.org> as admin"},
		{second, []string{"passwd", "--email", "olga@example.org"}, "Changed the password of olga@example.org"},
		// Refused, for a control character and for its length: the refusal names the rule, not
		// the password.
		{"third secret\tphrase 2b8d", []string{"passwd", "--email", "olga@example.org"}, ""},
		{strings.Repeat("fourth secret 5e0c ", 20), []string{"passwd", "--email", "olga@example.org"}, ""},
	} {
		out, log, err := userLogged(t, dbURL, c.password+"\n", c.args...)
		if c.wantOut != "" && (err != nil || !strings.Contains(out, c.wantOut)) {
			t.Errorf("user %v: %q, %v", c.args, out, err)
		}
		if c.wantOut == "" && (err == nil || !strings.Contains(err.Error(), "password refused")) {
			t.Errorf("user %v with %q: %v, want a refusal", c.args, c.password, err)
		}
		msg := ""
		if err != nil {
			msg = err.Error()
		}
		for what, text := range map[string]string{"output": out, "log": log, "error": msg} {
			if strings.Contains(text, c.password) {
				t.Errorf("user %v: the password is in the %s: %q", c.args, what, text)
			}
		}
	}
	// The second password is the one that counts: the refusals after it changed nothing.
	_, _, hash, _, _ := account(t, dbURL, "olga@example.org")
	if ok, _, err := (auth.Hasher{Params: auth.DefaultParams}).Verify(second, hash); !ok || err != nil {
		t.Errorf("the stored hash is not of the second password: %v, %v", ok, err)
	}
}

// A command line that names no subcommand, an unknown one, or flags a subcommand does not take is
// the usage text, and changes nothing.
func TestUserUsage(t *testing.T) {
	t.Parallel()
	dbURL := pgtest.BareDB(t)
	if _, err := user(t, dbURL, "a long enough passphrase\n", "add", "--email", "olga@example.org", "--name", "Ольга", "--role", "admin"); err != nil {
		t.Fatal(err)
	}
	_, _, hash, epoch, _ := account(t, dbURL, "olga@example.org")
	for _, args := range [][]string{
		{},
		{"remove", "--email", "olga@example.org"},
		{"Passwd", "--email", "olga@example.org"},
		{"passwd"},
		{"passwd", "--email", ""},
		{"passwd", "--email", "olga@example.org", "extra"},
		{"passwd", "--email", "olga@example.org", "--role", "editor"},
		{"disable", "--email", "olga@example.org", "--name", "Olga"},
		{"add", "--email", "new@example.org", "--name", "N", "--role", "editor", "--bogus"},
	} {
		out, err := user(t, dbURL, "another long passphrase\n", args...)
		if err == nil || !strings.HasPrefix(err.Error(), "usage: twincities user add") || out != "" {
			t.Errorf("user %q: %q, %v, want the usage", args, out, err)
		}
	}
	if _, _, hash2, epoch2, disabled := account(t, dbURL, "olga@example.org"); hash2 != hash || epoch2 != epoch || disabled {
		t.Errorf("a usage error changed olga: hash changed %v, epoch %d → %d, disabled %v", hash2 != hash, epoch, epoch2, disabled)
	}
}
