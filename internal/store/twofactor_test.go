package store_test

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"strconv"
	"sync"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"twincities/internal/content"
	"twincities/internal/postgres/pgtest"
	"twincities/internal/store"
)

// A key as the authenticator app holds it: 32 base32 characters.
const testSecret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"

var testActor = store.Actor{Name: "test"}

// newAccount adds a member of staff (the hash only has to look like one: nothing checks it here).
func newAccount(tb testing.TB, db *pgxpool.Pool, email string) content.User {
	tb.Helper()
	u := content.User{Email: email, Name: "Сотрудник " + email, Role: content.Editor}
	if err := store.CreateUser(context.Background(), db, &u, "$argon2id$not-a-real-hash", testActor); err != nil {
		tb.Fatal(err)
	}
	return u
}

// codeHashes are the SHA-256 hashes of codes.
func codeHashes(codes ...string) [][]byte {
	out := make([][]byte, len(codes))
	for i, c := range codes {
		h := sha256.Sum256([]byte(c))
		out[i] = h[:]
	}
	return out
}

func auditActions(tb testing.TB, db *pgxpool.Pool, u content.User) []string {
	tb.Helper()
	log, err := store.ListAudit(context.Background(), db, store.AuditQuery{Entity: content.EntityUser, EntityID: strconv.FormatInt(u.ID, 10)})
	if err != nil {
		tb.Fatal(err)
	}
	var actions []string
	for i := len(log) - 1; i >= 0; i-- {
		actions = append(actions, log[i].Action)
	}
	return actions
}

func TestTwoFactorLifecycle(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), pgtest.EmptyDB(t)
	u := newAccount(t, db, "a@perm.example")

	if _, err := store.TOTPSecret(ctx, db, u.ID); !errors.Is(err, store.ErrNoTwoFactor) {
		t.Fatalf("secret before enrolment: %v, want ErrNoTwoFactor", err)
	}
	if _, err := store.TOTPSecret(ctx, db, u.ID+1000); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("secret of nobody: %v, want ErrNotFound", err)
	}

	epoch, err := store.EnableTwoFactor(ctx, db, u.ID, testSecret, 1000, codeHashes("A", "B"), testActor)
	if err != nil {
		t.Fatal(err)
	}
	if epoch != u.SessionEpoch+1 {
		t.Errorf("epoch after enrolment %d, want %d: the sessions begun with the password alone end", epoch, u.SessionEpoch+1)
	}
	got, err := store.UserByID(ctx, db, u.ID)
	if err != nil || !got.HasTwoFactor() || got.SessionEpoch != epoch {
		t.Fatalf("after enrolment the account reads %+v, %v", got, err)
	}
	if s, err := store.TOTPSecret(ctx, db, u.ID); err != nil || s != testSecret {
		t.Errorf("secret %q, %v", s, err)
	}
	if _, err := store.EnableTwoFactor(ctx, db, u.ID, testSecret, 1001, codeHashes("C"), testActor); !errors.Is(err, store.ErrTwoFactorOn) {
		t.Errorf("enrolling twice: %v, want ErrTwoFactorOn", err)
	}
	if n, _ := store.RecoveryCodesLeft(ctx, db, u.ID); n != 2 {
		t.Errorf("%d recovery codes left, want 2 (the second enrolment changed nothing)", n)
	}

	if err := store.ReplaceRecoveryCodes(ctx, db, u.ID, codeHashes("X", "Y", "Z"), testActor); err != nil {
		t.Fatal(err)
	}
	if ok, _ := store.UseRecoveryCode(ctx, db, u.ID, codeHashes("A")[0]); ok {
		t.Error("a replaced recovery code still works")
	}
	if n, _ := store.RecoveryCodesLeft(ctx, db, u.ID); n != 3 {
		t.Errorf("%d recovery codes left after replacing, want 3", n)
	}

	// Turning it off oneself keeps the sessions.
	if err := store.DisableTwoFactor(ctx, db, u.ID, testActor); err != nil {
		t.Fatal(err)
	}
	got, _ = store.UserByID(ctx, db, u.ID)
	if got.HasTwoFactor() || got.SessionEpoch != epoch {
		t.Errorf("after disabling: two-factor %v, epoch %d (want off, %d)", got.HasTwoFactor(), got.SessionEpoch, epoch)
	}
	if n := count(t, db, `SELECT count(*) FROM recovery_codes WHERE user_id = $1`, u.ID); n != 0 {
		t.Errorf("%d recovery codes kept after disabling", n)
	}
	if err := store.DisableTwoFactor(ctx, db, u.ID, testActor); !errors.Is(err, store.ErrNoTwoFactor) {
		t.Errorf("disabling twice: %v, want ErrNoTwoFactor", err)
	}
	if err := store.ReplaceRecoveryCodes(ctx, db, u.ID, codeHashes("Q"), testActor); !errors.Is(err, store.ErrNoTwoFactor) {
		t.Errorf("recovery codes without a second factor: %v, want ErrNoTwoFactor", err)
	}

	// An administrator's reset ends the sessions.
	if _, err := store.EnableTwoFactor(ctx, db, u.ID, testSecret, 1100, codeHashes("R"), testActor); err != nil {
		t.Fatal(err)
	}
	before, _ := store.UserByID(ctx, db, u.ID)
	if err := store.ResetTwoFactor(ctx, db, u.ID, store.Actor{ID: 0, Name: "admin"}); err != nil {
		t.Fatal(err)
	}
	after, _ := store.UserByID(ctx, db, u.ID)
	if after.HasTwoFactor() || after.SessionEpoch != before.SessionEpoch+1 {
		t.Errorf("after a reset: two-factor %v, epoch %d (want off, %d)", after.HasTwoFactor(), after.SessionEpoch, before.SessionEpoch+1)
	}
	if err := store.ResetTwoFactor(ctx, db, u.ID, testActor); !errors.Is(err, store.ErrNoTwoFactor) {
		t.Errorf("resetting twice: %v, want ErrNoTwoFactor", err)
	}
	if err := store.ResetTwoFactor(ctx, db, u.ID+1000, testActor); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("resetting nobody: %v, want ErrNotFound", err)
	}

	want := []string{store.ActionUserAdd, store.ActionTwoFactorEnable, store.ActionTwoFactorCodes, store.ActionTwoFactorDisable,
		store.ActionTwoFactorEnable, store.ActionTwoFactorReset}
	if got := auditActions(t, db, u); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("audit log %v, want %v", got, want)
	}
	if n := count(t, db, `SELECT count(*) FROM audit_log a WHERE strpos(a::text, $1) > 0`, testSecret); n != 0 {
		t.Error("the key is in the audit log")
	}
}

// A step is accepted once, and only after the steps accepted before; of many requests racing with
// the same step exactly one wins.
func TestUseTOTPStepOncePerStep(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), pgtest.EmptyDB(t)
	u := newAccount(t, db, "b@perm.example")
	if _, err := store.EnableTwoFactor(ctx, db, u.ID, testSecret, 500, nil, testActor); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		step int64
		want bool
	}{
		{500, false}, // the step of the code that confirmed the enrolment
		{499, false},
		{501, true},
		{501, false}, // again
		{503, true},
		{502, false}, // earlier than one accepted
	} {
		if ok, err := store.UseTOTPStep(ctx, db, u.ID, testSecret, tc.step); err != nil || ok != tc.want {
			t.Errorf("step %d: %v, %v; want %v", tc.step, ok, err, tc.want)
		}
	}
	if ok, _ := store.UseTOTPStep(ctx, db, u.ID, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", 600); ok {
		t.Error("a step checked against another key was accepted")
	}

	const racers = 8
	var wins int
	var mu sync.Mutex
	var wg sync.WaitGroup
	for range racers {
		wg.Go(func() {
			ok, err := store.UseTOTPStep(ctx, db, u.ID, testSecret, 700)
			if err != nil {
				t.Error(err)
			}
			if ok {
				mu.Lock()
				wins++
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	if wins != 1 {
		t.Errorf("%d of %d racing requests with the same step won, want 1", wins, racers)
	}
}

func TestRecoveryCodesWorkOnce(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), pgtest.EmptyDB(t)
	u := newAccount(t, db, "c@perm.example")
	other := newAccount(t, db, "d@perm.example")
	if _, err := store.EnableTwoFactor(ctx, db, u.ID, testSecret, 1, codeHashes("ONE", "TWO"), testActor); err != nil {
		t.Fatal(err)
	}
	if _, err := store.EnableTwoFactor(ctx, db, other.ID, testSecret, 1, codeHashes("THREE"), testActor); err != nil {
		t.Fatal(err)
	}
	if ok, _ := store.UseRecoveryCode(ctx, db, u.ID, codeHashes("THREE")[0]); ok {
		t.Error("another person's recovery code worked")
	}
	var wins int
	var mu sync.Mutex
	var wg sync.WaitGroup
	for range 6 {
		wg.Go(func() {
			ok, err := store.UseRecoveryCode(ctx, db, u.ID, codeHashes("ONE")[0])
			if err != nil {
				t.Error(err)
			}
			if ok {
				mu.Lock()
				wins++
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	if wins != 1 {
		t.Errorf("a recovery code worked %d times, want once", wins)
	}
	if n, _ := store.RecoveryCodesLeft(ctx, db, u.ID); n != 1 {
		t.Errorf("%d codes left, want 1", n)
	}
	if n := count(t, db, `SELECT count(*) FROM recovery_codes WHERE user_id = $1 AND used_at IS NOT NULL`, u.ID); n != 1 {
		t.Errorf("%d codes marked used, want 1", n)
	}
}

func TestSettings(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), pgtest.EmptyDB(t)
	s, err := store.GetSettings(ctx, db)
	if err != nil || s.RequireTwoFactor {
		t.Fatalf("settings at first %+v, %v; want two-factor not required", s, err)
	}
	admin := store.Actor{Name: "Ольга"}
	if err := store.UpdateSettings(ctx, db, content.Settings{RequireTwoFactor: true}, admin); err != nil {
		t.Fatal(err)
	}
	if s, _ := store.GetSettings(ctx, db); !s.RequireTwoFactor {
		t.Error("the change was not stored")
	}
	// The same again changes nothing and writes nothing.
	if err := store.UpdateSettings(ctx, db, content.Settings{RequireTwoFactor: true}, admin); err != nil {
		t.Fatal(err)
	}
	log, err := store.ListAudit(ctx, db, store.AuditQuery{Entity: content.EntitySettings})
	if err != nil {
		t.Fatal(err)
	}
	if len(log) != 1 || log[0].Action != store.ActionSettingsUpdate || log[0].UserName != "Ольга" ||
		len(log[0].Changes) != 1 || log[0].Changes[0] != (content.Change{Field: "require_two_factor", Before: "no", After: "yes"}) {
		t.Errorf("audit log of the settings: %+v", log)
	}
}

// The database keeps the second factor's rules on its own.
func TestTwoFactorRules(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), pgtest.EmptyDB(t)
	u := newAccount(t, db, "e@perm.example")
	for _, tc := range []struct {
		name, sql string
		want      string
	}{
		{"a key in lower case", `UPDATE users SET totp_secret = lower('` + testSecret + `'), totp_enabled_at = now() WHERE id = $1`, check},
		{"a short key", `UPDATE users SET totp_secret = 'JBSWY3DP', totp_enabled_at = now() WHERE id = $1`, check},
		{"a key without its date", `UPDATE users SET totp_secret = '` + testSecret + `' WHERE id = $1`, check},
		{"a date without a key", `UPDATE users SET totp_enabled_at = now() WHERE id = $1`, check},
		{"a negative step", `UPDATE users SET totp_last_step = -1 WHERE id = $1`, check},
		{"a recovery code that is not a SHA-256", `INSERT INTO recovery_codes (user_id, code_hash) VALUES ($1, '\x0102')`, check},
		{"the same recovery code twice", `INSERT INTO recovery_codes (user_id, code_hash) VALUES ($1, sha256('a')), ($1, sha256('a'))`, unique},
		{"a second row of settings", `INSERT INTO settings (require_two_factor) SELECT true WHERE $1::bigint > 0`, unique},
		{"an unknown outcome of a sign-in", `INSERT INTO login_attempts (email, address, outcome, user_id) VALUES ('x', 'y', 'maybe', $1)`, check},
		{"a right password waiting for its code", `INSERT INTO login_attempts (email, address, outcome, user_id) VALUES ('x', 'y', 'password', $1)`, accepted},
		{"a key and its date", `UPDATE users SET totp_secret = '` + testSecret + `', totp_enabled_at = now() WHERE id = $1`, accepted},
	} {
		_, err := db.Exec(ctx, tc.sql, u.ID)
		expectSQLState(t, tc.name, err, tc.want)
	}
}

func count(tb testing.TB, db *pgxpool.Pool, sql string, args ...any) int {
	tb.Helper()
	var n int
	if err := db.QueryRow(context.Background(), sql, args...).Scan(&n); err != nil {
		tb.Fatalf("%s: %v", sql, err)
	}
	return n
}

// expectSQLState fails the test unless err is the database's refusal with SQLSTATE want, or nil
// when want is accepted.
func expectSQLState(tb testing.TB, name string, err error, want string) {
	tb.Helper()
	var pgErr *pgconn.PgError
	switch {
	case want == accepted && err != nil:
		tb.Errorf("%s: refused: %v", name, err)
	case want == accepted:
	case !errors.As(err, &pgErr):
		tb.Errorf("%s: err = %v, want SQLSTATE %s", name, err, want)
	case pgErr.Code != want:
		tb.Errorf("%s: SQLSTATE %s (%s), want %s", name, pgErr.Code, pgErr.Message, want)
	}
}
