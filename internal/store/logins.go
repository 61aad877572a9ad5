package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
)

// The sign-in throttle: after AccountFailures failed attempts for one account, or AddressFailures
// from one address, within ThrottleWindow, every attempt for that account or from that address
// is refused for ThrottleWindow, even with the right password.
const (
	AccountFailures = 5
	AddressFailures = 20
	ThrottleWindow  = 15 * time.Minute
)

// LoginRetention is how long sign-in attempts are kept: long enough to look into an incident,
// no longer, since they name staff and their addresses (152-FZ).
const LoginRetention = 90 * 24 * time.Hour

// The outcomes of a sign-in attempt.
const (
	LoginSuccess   = "success"
	LoginFailure   = "failure"
	LoginThrottled = "throttled"
	// LoginPassword is a right password for an account that signs in with a second factor: not a
	// sign-in yet. It neither counts as a failure nor, as a success does, starts the account's
	// count again: else anyone who knows the password could guess codes without end, typing the
	// password again after every four wrong codes.
	LoginPassword = "password"
)

// ErrThrottled means sign-in is refused for now: the account or the address has used up its
// failures. The attempt is recorded as throttled; nothing is checked.
var ErrThrottled = errors.New("store: sign-in throttled")

// ReserveLogin decides whether an attempt to sign in as email from address may be checked, and
// records it in the same transaction, before anything is checked, as a failure: a burst of
// parallel attempts cannot all pass the decision before any of them counts, because each waits
// for the locks of its account and its address, and sees the ones before it. The caller settles
// the attempt with SettleLogin once it knows the outcome; an attempt never settled (the server
// stopped meanwhile) stays a failure. When sign-in is refused, ReserveLogin records a throttled
// attempt and returns ErrThrottled.
func ReserveLogin(ctx context.Context, db TxBeginner, email, address string) (int64, error) {
	var id int64
	err := inTx(ctx, db, func(tx pgx.Tx) error {
		// Always the account's lock first, then the address's: two attempts never wait for each
		// other in opposite orders.
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(hashtextextended('sign-in account ' || @email, 0)),
			pg_advisory_xact_lock(hashtextextended('sign-in address ' || @address, 0))`,
			pgx.StrictNamedArgs{"email": email, "address": address}); err != nil {
			return fmt.Errorf("store: sign-in locks: %w", err)
		}
		locked, err := loginLocked(ctx, tx, email, address)
		if err != nil {
			return err
		}
		if locked {
			return recordThrottled(ctx, tx, email, address)
		}
		err = tx.QueryRow(ctx, `INSERT INTO login_attempts (email, address, outcome) VALUES (@email, @address, 'failure') RETURNING id`,
			pgx.StrictNamedArgs{"email": email, "address": address}).Scan(&id)
		if err != nil {
			return fmt.Errorf("store: record sign-in attempt: %w", err)
		}
		return nil
	})
	if err == nil && id == 0 {
		err = ErrThrottled
	}
	return id, err
}

// SettleLogin records how a reserved attempt ended: who it turned out to be (nil for no account)
// and its outcome, LoginSuccess, LoginFailure or LoginPassword.
func SettleLogin(ctx context.Context, db DBTX, id int64, userID *int64, outcome string) error {
	_, err := db.Exec(ctx, `UPDATE login_attempts SET user_id = @user_id, outcome = @outcome WHERE id = @id`,
		pgx.StrictNamedArgs{"id": id, "user_id": userID, "outcome": outcome})
	if err != nil {
		return fmt.Errorf("store: settle sign-in attempt %d: %w", id, err)
	}
	return nil
}

// recordThrottled keeps a refused attempt. Refusing costs nothing, so a flood of them must not
// fill the table: attempts refused from one address within a minute share one row, which counts
// them.
func recordThrottled(ctx context.Context, tx pgx.Tx, email, address string) error {
	tag, err := tx.Exec(ctx, `UPDATE login_attempts SET repeats = repeats + 1
		WHERE id = (SELECT id FROM login_attempts WHERE address = @address AND outcome = 'throttled' AND at > now() - interval '1 minute'
		            ORDER BY at DESC LIMIT 1)`, pgx.StrictNamedArgs{"address": address})
	if err != nil {
		return fmt.Errorf("store: record throttled sign-in: %w", err)
	}
	if tag.RowsAffected() == 0 {
		if _, err := tx.Exec(ctx, `INSERT INTO login_attempts (email, address, outcome) VALUES (@email, @address, 'throttled')`,
			pgx.StrictNamedArgs{"email": email, "address": address}); err != nil {
			return fmt.Errorf("store: record throttled sign-in: %w", err)
		}
	}
	return nil
}

// loginLocked reports whether sign-in is refused now for email or address. A lock begins at the
// failure that makes the count within one window reach the limit, and lasts one window. An
// account's count starts again after a success; an address's does not, or one valid account
// would unlock guessing at all the others.
func loginLocked(ctx context.Context, db DBTX, email, address string) (bool, error) {
	var locked bool
	err := db.QueryRow(ctx, `
		WITH account AS (
			SELECT at FROM login_attempts
			WHERE email = @email AND outcome = 'failure' AND at > now() - 2 * @window::interval
			  AND at > coalesce((SELECT max(at) FROM login_attempts WHERE email = @email AND outcome = 'success'), '-infinity')
		), by_address AS (
			SELECT at FROM login_attempts
			WHERE address = @address AND outcome = 'failure' AND at > now() - 2 * @window::interval
		), counted AS (
			SELECT at, count(*) OVER (ORDER BY at RANGE BETWEEN @window::interval PRECEDING AND CURRENT ROW) >= @account_failures AS locks FROM account
			UNION ALL
			SELECT at, count(*) OVER (ORDER BY at RANGE BETWEEN @window::interval PRECEDING AND CURRENT ROW) >= @address_failures FROM by_address
		)
		SELECT coalesce(max(at) + @window::interval > now(), false) FROM counted WHERE locks`,
		pgx.StrictNamedArgs{"email": email, "address": address, "window": ThrottleWindow,
			"account_failures": AccountFailures, "address_failures": AddressFailures}).Scan(&locked)
	if err != nil {
		return false, fmt.Errorf("store: sign-in throttle: %w", err)
	}
	return locked, nil
}

// RemoveExpired deletes what has outlived its use: sessions past their expiry, and sign-in
// attempts older than LoginRetention.
func RemoveExpired(ctx context.Context, db DBTX) error {
	if _, err := db.Exec(ctx, `DELETE FROM sessions WHERE expiry < now()`); err != nil {
		return fmt.Errorf("store: remove expired sessions: %w", err)
	}
	if _, err := db.Exec(ctx, `DELETE FROM login_attempts WHERE at < now() - @retention::interval`,
		pgx.StrictNamedArgs{"retention": LoginRetention}); err != nil {
		return fmt.Errorf("store: remove old sign-in attempts: %w", err)
	}
	return nil
}
