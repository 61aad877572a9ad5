package store

import (
	"context"
	"fmt"
	"time"
)

// The sign-in throttle: after AccountFailures failed attempts for one account, or AddressFailures
// from one address, within ThrottleWindow, every attempt for that account or from that address
// is refused for ThrottleWindow, even with the right password.
const (
	AccountFailures = 5
	AddressFailures = 20
	ThrottleWindow  = 15 * time.Minute
)

// The outcomes of a sign-in attempt.
const (
	LoginSuccess   = "success"
	LoginFailure   = "failure"
	LoginThrottled = "throttled"
)

// RecordLogin keeps one sign-in attempt: who it claimed to be, from where, and how it ended.
func RecordLogin(ctx context.Context, db DBTX, email string, userID *int64, address, outcome string) error {
	_, err := db.Exec(ctx, `INSERT INTO login_attempts (email, user_id, address, outcome) VALUES ($1, $2, $3, $4)`,
		email, userID, address, outcome)
	if err != nil {
		return fmt.Errorf("store: record sign-in attempt: %w", err)
	}
	return nil
}

// LoginLocked reports whether sign-in is refused now for email or address. A lock begins at the
// failure that makes the count within one window reach the limit, and lasts one window. An
// account's count starts again after a success; an address's does not, or one valid account
// would unlock guessing at all the others.
func LoginLocked(ctx context.Context, db DBTX, email, address string) (bool, error) {
	var locked bool
	err := db.QueryRow(ctx, `
		WITH account AS (
			SELECT at FROM login_attempts
			WHERE email = $1 AND outcome = 'failure' AND at > now() - 2 * $3::interval
			  AND at > coalesce((SELECT max(at) FROM login_attempts WHERE email = $1 AND outcome = 'success'), '-infinity')
		), by_address AS (
			SELECT at FROM login_attempts
			WHERE address = $2 AND outcome = 'failure' AND at > now() - 2 * $3::interval
		), counted AS (
			SELECT at, count(*) OVER (ORDER BY at RANGE BETWEEN $3::interval PRECEDING AND CURRENT ROW) >= $4 AS locks FROM account
			UNION ALL
			SELECT at, count(*) OVER (ORDER BY at RANGE BETWEEN $3::interval PRECEDING AND CURRENT ROW) >= $5 FROM by_address
		)
		SELECT coalesce(max(at) + $3::interval > now(), false) FROM counted WHERE locks`,
		email, address, ThrottleWindow, AccountFailures, AddressFailures).Scan(&locked)
	if err != nil {
		return false, fmt.Errorf("store: sign-in throttle: %w", err)
	}
	return locked, nil
}
