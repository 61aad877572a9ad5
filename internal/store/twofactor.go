package store

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
)

// ErrNoTwoFactor means the account has no second factor to check, change or remove.
var ErrNoTwoFactor = errors.New("store: the account has no second factor")

// ErrTwoFactorOn means the account has a second factor already: a new one replaces nothing.
var ErrTwoFactorOn = errors.New("store: the account has a second factor already")

// TOTPSecret returns the key of the account's authenticator app (base32), or ErrNoTwoFactor.
func TOTPSecret(ctx context.Context, db DBTX, userID int64) (string, error) {
	var secret *string
	err := db.QueryRow(ctx, `SELECT totp_secret FROM users WHERE id = @id`, pgx.StrictNamedArgs{"id": userID}).Scan(&secret)
	if err != nil {
		return "", fmt.Errorf("store: second factor of user %d: %w", userID, notFound(err))
	}
	if secret == nil {
		return "", fmt.Errorf("store: second factor of user %d: %w", userID, ErrNoTwoFactor)
	}
	return *secret, nil
}

// UseTOTPStep records that a code of time step step was accepted for the account whose key is
// secret, and reports whether that step is later than every step accepted before: only then may
// the code sign anyone in. One statement decides, so of two requests racing with the same code
// exactly one wins; naming the key means a code checked against a key that was replaced meanwhile
// is refused.
func UseTOTPStep(ctx context.Context, db DBTX, userID int64, secret string, step int64) (bool, error) {
	tag, err := db.Exec(ctx, `UPDATE users SET totp_last_step = @step
		WHERE id = @id AND totp_secret = @secret AND totp_last_step < @step`,
		pgx.StrictNamedArgs{"id": userID, "secret": secret, "step": step})
	if err != nil {
		return false, fmt.Errorf("store: use a code of user %d: %w", userID, err)
	}
	return tag.RowsAffected() == 1, nil
}

// UseRecoveryCode marks the account's unused recovery code whose SHA-256 is hash as used, and
// reports whether there was one: each code works once, even for two requests at the same moment.
func UseRecoveryCode(ctx context.Context, db DBTX, userID int64, hash []byte) (bool, error) {
	tag, err := db.Exec(ctx, `UPDATE recovery_codes SET used_at = now()
		WHERE user_id = @user_id AND code_hash = @hash AND used_at IS NULL
		  AND EXISTS (SELECT 1 FROM users WHERE id = @user_id AND totp_secret IS NOT NULL)`,
		pgx.StrictNamedArgs{"user_id": userID, "hash": hash})
	if err != nil {
		return false, fmt.Errorf("store: use a recovery code of user %d: %w", userID, err)
	}
	return tag.RowsAffected() == 1, nil
}

// RecoveryCodesLeft counts the account's recovery codes not used yet.
func RecoveryCodesLeft(ctx context.Context, db DBTX, userID int64) (int, error) {
	var n int
	if err := db.QueryRow(ctx, `SELECT count(*) FROM recovery_codes WHERE user_id = @user_id AND used_at IS NULL`,
		pgx.StrictNamedArgs{"user_id": userID}).Scan(&n); err != nil {
		return 0, fmt.Errorf("store: recovery codes of user %d: %w", userID, err)
	}
	return n, nil
}

// EnableTwoFactor turns on two-factor sign-in for an account: the key its authenticator app has
// just proved to hold with a code of time step step (which cannot sign in afterwards), and the
// hashes of its recovery codes. It ends the account's other sessions, which began with the
// password alone, and returns the new session epoch for the session that made the change. An
// account that has a second factor already gets ErrTwoFactorOn: a form sent twice changes
// nothing.
func EnableTwoFactor(ctx context.Context, db TxBeginner, userID int64, secret string, step int64, codeHashes [][]byte, actor Actor) (int, error) {
	var epoch int
	err := inTx(ctx, db, func(tx pgx.Tx) error {
		on, err := lockTwoFactor(ctx, tx, userID)
		if err != nil {
			return err
		}
		if on {
			return fmt.Errorf("store: enable the second factor of user %d: %w", userID, ErrTwoFactorOn)
		}
		u, err := changeUser(ctx, tx, userID, actor, ActionTwoFactorEnable,
			`UPDATE users SET totp_secret = @secret, totp_enabled_at = now(), totp_last_step = greatest(totp_last_step, @step),
			        session_epoch = session_epoch + 1, updated_at = now()
			 WHERE id = @id RETURNING `+userColumns, pgx.StrictNamedArgs{"secret": secret, "step": step})
		if err != nil {
			return err
		}
		epoch = u.SessionEpoch
		return insertRecoveryCodes(ctx, tx, userID, codeHashes)
	})
	return epoch, err
}

// ReplaceRecoveryCodes replaces every recovery code of an account, used or not, by new ones.
func ReplaceRecoveryCodes(ctx context.Context, db TxBeginner, userID int64, codeHashes [][]byte, actor Actor) error {
	return inTx(ctx, db, func(tx pgx.Tx) error {
		on, err := lockTwoFactor(ctx, tx, userID)
		if err != nil {
			return err
		}
		if !on {
			return fmt.Errorf("store: new recovery codes for user %d: %w", userID, ErrNoTwoFactor)
		}
		if _, err := changeUser(ctx, tx, userID, actor, ActionTwoFactorCodes,
			`SELECT `+userColumns+` FROM users WHERE id = @id`, nil); err != nil {
			return err
		}
		return insertRecoveryCodes(ctx, tx, userID, codeHashes)
	})
}

// DisableTwoFactor turns off the account's own two-factor sign-in: its key and recovery codes
// are deleted. The session that asked goes on.
func DisableTwoFactor(ctx context.Context, db TxBeginner, userID int64, actor Actor) error {
	return removeTwoFactor(ctx, db, userID, actor, ActionTwoFactorDisable, "")
}

// ResetTwoFactor removes someone else's second factor, for a person who lost their phone and
// their recovery codes: the key and the codes are deleted, and every session of the account ends,
// as after a new password. The person signs in with the password alone until they set it up
// again.
func ResetTwoFactor(ctx context.Context, db TxBeginner, userID int64, actor Actor) error {
	return removeTwoFactor(ctx, db, userID, actor, ActionTwoFactorReset, ", session_epoch = session_epoch + 1")
}

func removeTwoFactor(ctx context.Context, db TxBeginner, userID int64, actor Actor, action, extra string) error {
	return inTx(ctx, db, func(tx pgx.Tx) error {
		on, err := lockTwoFactor(ctx, tx, userID)
		if err != nil {
			return err
		}
		if !on {
			return fmt.Errorf("store: %s %d: %w", action, userID, ErrNoTwoFactor)
		}
		if _, err := tx.Exec(ctx, `DELETE FROM recovery_codes WHERE user_id = @user_id`,
			pgx.StrictNamedArgs{"user_id": userID}); err != nil {
			return fmt.Errorf("store: %s %d: %w", action, userID, err)
		}
		_, err = changeUser(ctx, tx, userID, actor, action,
			`UPDATE users SET totp_secret = NULL, totp_enabled_at = NULL, updated_at = now()`+extra+`
			 WHERE id = @id RETURNING `+userColumns, nil)
		return err
	})
}

// lockTwoFactor locks the account's row for the rest of the transaction and reports whether it
// has a second factor: two changes of the same account's second factor happen one after the
// other.
func lockTwoFactor(ctx context.Context, tx pgx.Tx, userID int64) (bool, error) {
	var on bool
	err := tx.QueryRow(ctx, `SELECT totp_secret IS NOT NULL FROM users WHERE id = @id FOR UPDATE`, pgx.StrictNamedArgs{"id": userID}).Scan(&on)
	if err != nil {
		return false, fmt.Errorf("store: user %d: %w", userID, notFound(err))
	}
	return on, nil
}

// insertRecoveryCodes makes codeHashes the account's recovery codes, in place of any before.
func insertRecoveryCodes(ctx context.Context, tx pgx.Tx, userID int64, codeHashes [][]byte) error {
	if _, err := tx.Exec(ctx, `DELETE FROM recovery_codes WHERE user_id = @user_id`, pgx.StrictNamedArgs{"user_id": userID}); err != nil {
		return fmt.Errorf("store: recovery codes of user %d: %w", userID, err)
	}
	if _, err := tx.Exec(ctx, `INSERT INTO recovery_codes (user_id, code_hash) SELECT @user_id, unnest(@hashes::bytea[])`,
		pgx.StrictNamedArgs{"user_id": userID, "hashes": codeHashes}); err != nil {
		return fmt.Errorf("store: recovery codes of user %d: %w", userID, err)
	}
	return nil
}
