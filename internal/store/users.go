package store

import (
	"context"
	"fmt"
	"maps"
	"time"

	"github.com/jackc/pgx/v5"

	"twincities/internal/content"
)

const userColumns = `id, email, name, role, session_epoch, disabled_at, totp_enabled_at, created_at`

type userRow struct {
	ID           int64      `db:"id"`
	Email        string     `db:"email"`
	Name         string     `db:"name"`
	Role         string     `db:"role"`
	SessionEpoch int        `db:"session_epoch"`
	DisabledAt   *time.Time `db:"disabled_at"`
	TOTPEnabled  *time.Time `db:"totp_enabled_at"`
	CreatedAt    time.Time  `db:"created_at"`
}

func (r userRow) user() content.User {
	return content.User{ID: r.ID, Email: r.Email, Name: r.Name, Role: content.Role(r.Role),
		SessionEpoch: r.SessionEpoch, DisabledAt: r.DisabledAt, TwoFactorSince: r.TOTPEnabled, CreatedAt: r.CreatedAt}
}

func oneUser(rows pgx.Rows, err error) (content.User, error) {
	if err != nil {
		return content.User{}, err
	}
	r, err := pgx.CollectExactlyOneRow(rows, pgx.RowToStructByName[userRow])
	if err != nil {
		return content.User{}, notFound(err)
	}
	return r.user(), nil
}

// UserByID returns one account.
func UserByID(ctx context.Context, db DBTX, id int64) (content.User, error) {
	u, err := oneUser(db.Query(ctx, `SELECT `+userColumns+` FROM users WHERE id = @id`, pgx.StrictNamedArgs{"id": id}))
	if err != nil {
		return u, fmt.Errorf("store: user %d: %w", id, err)
	}
	return u, nil
}

// UserByEmail returns the account with e-mail address email (compared as stored: lower case) and
// its password hash, for signing in.
func UserByEmail(ctx context.Context, db DBTX, email string) (content.User, string, error) {
	rows, err := db.Query(ctx, `SELECT `+userColumns+`, password_hash FROM users WHERE email = @email`,
		pgx.StrictNamedArgs{"email": content.NormalizeEmail(email)})
	if err != nil {
		return content.User{}, "", fmt.Errorf("store: user by e-mail: %w", err)
	}
	type withHash struct {
		userRow
		PasswordHash string `db:"password_hash"`
	}
	r, err := pgx.CollectExactlyOneRow(rows, pgx.RowToStructByName[withHash])
	if err != nil {
		return content.User{}, "", fmt.Errorf("store: user by e-mail: %w", notFound(err))
	}
	return r.user(), r.PasswordHash, nil
}

// ListUsers returns every account, active ones first, then by name.
func ListUsers(ctx context.Context, db DBTX) ([]content.User, error) {
	rows, err := db.Query(ctx, `SELECT `+userColumns+` FROM users ORDER BY disabled_at IS NOT NULL, name, id`)
	if err != nil {
		return nil, fmt.Errorf("store: list users: %w", err)
	}
	got, err := pgx.CollectRows(rows, pgx.RowToStructByName[userRow])
	if err != nil {
		return nil, fmt.Errorf("store: list users: %w", err)
	}
	users := make([]content.User, len(got))
	for i, r := range got {
		users[i] = r.user()
	}
	return users, nil
}

// CreateUser stores a new account with its password hash and logs who added it. A taken e-mail
// address is a validation error.
func CreateUser(ctx context.Context, db TxBeginner, u *content.User, passwordHash string, actor Actor) error {
	u.Email = content.NormalizeEmail(u.Email)
	if err := u.Validate(); err != nil {
		return err
	}
	return inTx(ctx, db, func(tx pgx.Tx) error {
		err := tx.QueryRow(ctx, `INSERT INTO users (email, name, role, password_hash)
			VALUES (@email, @name, @role, @password_hash) RETURNING id, session_epoch, created_at`,
			pgx.StrictNamedArgs{"email": u.Email, "name": u.Name, "role": string(u.Role), "password_hash": passwordHash},
		).Scan(&u.ID, &u.SessionEpoch, &u.CreatedAt)
		if err != nil {
			return fmt.Errorf("store: add user: %w", uniqueViolation(err, "email"))
		}
		return WriteAudit(ctx, tx, AuditRecord{Actor: actor, Action: ActionUserAdd, Entity: content.EntityUser,
			EntityID: fmt.Sprint(u.ID), Label: u.Name + " <" + u.Email + ">", Detail: string(u.Role)})
	})
}

// SetPassword replaces an account's password hash and ends its sessions (a new session epoch).
// The audit line never holds the password or its hash.
func SetPassword(ctx context.Context, db TxBeginner, id int64, passwordHash string, actor Actor) error {
	return inTx(ctx, db, func(tx pgx.Tx) error {
		_, err := changeUser(ctx, tx, id, actor, ActionUserPassword,
			`UPDATE users SET password_hash = @password_hash, session_epoch = session_epoch + 1, updated_at = now()
			 WHERE id = @id RETURNING `+userColumns, pgx.StrictNamedArgs{"password_hash": passwordHash})
		return err
	})
}

// SetDisabled disables an account, ending its sessions at once, or enables it again.
func SetDisabled(ctx context.Context, db TxBeginner, id int64, disabled bool, actor Actor) error {
	action, sql := ActionUserEnable, `UPDATE users SET disabled_at = NULL, updated_at = now() WHERE id = @id RETURNING `+userColumns
	if disabled {
		action = ActionUserDisable
		sql = `UPDATE users SET disabled_at = now(), session_epoch = session_epoch + 1, updated_at = now()
			WHERE id = @id RETURNING ` + userColumns
	}
	return inTx(ctx, db, func(tx pgx.Tx) error {
		_, err := changeUser(ctx, tx, id, actor, action, sql, nil)
		return err
	})
}

// changeUser runs sql, which changes the account @id and returns its userColumns, with args (nil
// for none) besides @id, and writes action to the audit log; it returns the account as changed.
func changeUser(ctx context.Context, tx pgx.Tx, id int64, actor Actor, action, sql string, args pgx.StrictNamedArgs) (content.User, error) {
	named := pgx.StrictNamedArgs{"id": id}
	maps.Copy(named, args)
	u, err := oneUser(tx.Query(ctx, sql, named))
	if err != nil {
		return u, fmt.Errorf("store: %s %d: %w", action, id, err)
	}
	return u, WriteAudit(ctx, tx, AuditRecord{Actor: actor, Action: action, Entity: content.EntityUser,
		EntityID: fmt.Sprint(u.ID), Label: u.Name + " <" + u.Email + ">"})
}

// RehashPassword stores a stronger hash of the same password after a sign-in. Sessions stay.
func RehashPassword(ctx context.Context, db DBTX, id int64, passwordHash string) error {
	if _, err := db.Exec(ctx, `UPDATE users SET password_hash = @password_hash WHERE id = @id`,
		pgx.StrictNamedArgs{"id": id, "password_hash": passwordHash}); err != nil {
		return fmt.Errorf("store: rehash password of user %d: %w", id, err)
	}
	return nil
}
