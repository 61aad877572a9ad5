package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"twincities/internal/content"
)

// The throttle of the public form: at most MessagesPerAddress messages from one address within
// MessageWindow. An honest visitor writes one or two; a script writing more is refused.
const (
	MessagesPerAddress = 3
	MessageWindow      = time.Hour
)

// MaxUnreadMessages bounds the inbox: with this many messages nobody has opened, new ones are
// refused (ErrInboxFull), so a flood from many addresses cannot fill the database.
const MaxUnreadMessages = 1000

// MessageSendersRetention is how long the address a message came from is kept, for the throttle
// alone (152-FZ: no longer than needed).
const MessageSendersRetention = 24 * time.Hour

// ErrMessageThrottled means the address has sent MessagesPerAddress messages within
// MessageWindow: the message is not stored.
var ErrMessageThrottled = errors.New("store: too many messages from one address")

// ErrInboxFull means MaxUnreadMessages messages wait unread: the message is not stored.
var ErrInboxFull = errors.New("store: too many unread messages")

// AcceptMessage decides, under the lock of the sender's address, whether address may send one
// more message, and records that it did; then stores m unless it is nil (a filled honeypot: a
// robot is counted, as a person is, but what it sent is dropped). A burst of parallel posts from
// one address cannot all pass the decision, as each waits for the lock and sees the ones before.
func AcceptMessage(ctx context.Context, db TxBeginner, m *content.Message, address string) error {
	return inTx(ctx, db, func(tx pgx.Tx) error {
		args := pgx.StrictNamedArgs{"address": address, "window": MessageWindow}
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(hashtextextended('message address ' || @address, 0))`,
			pgx.StrictNamedArgs{"address": address}); err != nil {
			return fmt.Errorf("store: message lock: %w", err)
		}
		var sent int
		if err := tx.QueryRow(ctx, `SELECT count(*) FROM message_senders WHERE address = @address AND at > now() - @window::interval`,
			args).Scan(&sent); err != nil {
			return fmt.Errorf("store: message throttle: %w", err)
		}
		if sent >= MessagesPerAddress {
			return ErrMessageThrottled
		}
		if _, err := tx.Exec(ctx, `INSERT INTO message_senders (address) VALUES (@address)`,
			pgx.StrictNamedArgs{"address": address}); err != nil {
			return fmt.Errorf("store: record message sender: %w", err)
		}
		if m == nil {
			return nil
		}
		var unread int
		if err := tx.QueryRow(ctx, `SELECT count(*) FROM messages WHERE read_at IS NULL`).Scan(&unread); err != nil {
			return fmt.Errorf("store: count unread messages: %w", err)
		}
		if unread >= MaxUnreadMessages {
			return ErrInboxFull
		}
		err := tx.QueryRow(ctx, `INSERT INTO messages (name, email, subject, body, lang)
			VALUES (@name, @email, @subject, @body, @lang) RETURNING id, created_at`,
			pgx.StrictNamedArgs{"name": m.Name, "email": m.Email, "subject": m.Subject, "body": m.Body, "lang": string(m.Lang)}).
			Scan(&m.ID, &m.CreatedAt)
		if err != nil {
			return fmt.Errorf("store: insert message: %w", err)
		}
		return nil
	})
}

const messageSelect = `SELECT id, name, email, subject, body, lang, created_at, read_at, answered_at, coalesce(answered_by, '') FROM messages`

func scanMessage(row pgx.CollectableRow) (content.Message, error) {
	var m content.Message
	var lang string
	err := row.Scan(&m.ID, &m.Name, &m.Email, &m.Subject, &m.Body, &lang, &m.CreatedAt, &m.ReadAt, &m.AnsweredAt, &m.AnsweredBy)
	m.Lang = content.Lang(lang)
	return m, err
}

// ListMessages returns every message kept, newest first.
func ListMessages(ctx context.Context, db DBTX) ([]content.Message, error) {
	rows, _ := db.Query(ctx, messageSelect+` ORDER BY created_at DESC, id DESC`)
	ms, err := pgx.CollectRows(rows, scanMessage)
	if err != nil {
		return nil, fmt.Errorf("store: list messages: %w", err)
	}
	return ms, nil
}

// OpenMessage returns one message and marks it read, if nobody had read it yet (ErrNotFound when
// there is none).
func OpenMessage(ctx context.Context, db DBTX, id int64) (content.Message, error) {
	rows, _ := db.Query(ctx, `WITH opened AS (UPDATE messages SET read_at = coalesce(read_at, now()) WHERE id = @id
		RETURNING id, name, email, subject, body, lang, created_at, read_at, answered_at, coalesce(answered_by, ''))
		SELECT * FROM opened`, pgx.StrictNamedArgs{"id": id})
	m, err := pgx.CollectExactlyOneRow(rows, scanMessage)
	if errors.Is(err, pgx.ErrNoRows) {
		return m, fmt.Errorf("store: message %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return m, fmt.Errorf("store: open message %d: %w", id, err)
	}
	return m, nil
}

// MarkMessageAnswered records that by answered message id (ErrNotFound when there is none). A
// message marked answered before keeps its first mark.
func MarkMessageAnswered(ctx context.Context, db DBTX, id int64, by string) error {
	tag, err := db.Exec(ctx, `UPDATE messages SET answered_at = coalesce(answered_at, now()), answered_by = coalesce(answered_by, @by),
		read_at = coalesce(read_at, now()) WHERE id = @id`, pgx.StrictNamedArgs{"id": id, "by": by})
	if err != nil {
		return fmt.Errorf("store: mark message %d answered: %w", id, err)
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("store: message %d: %w", id, ErrNotFound)
	}
	return nil
}

// DeleteMessage removes a message for good (ErrNotFound when there is none): personal data are
// not kept in a trash.
func DeleteMessage(ctx context.Context, db DBTX, id int64) error {
	tag, err := db.Exec(ctx, `DELETE FROM messages WHERE id = @id`, pgx.StrictNamedArgs{"id": id})
	if err != nil {
		return fmt.Errorf("store: delete message %d: %w", id, err)
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("store: message %d: %w", id, ErrNotFound)
	}
	return nil
}

// CountUnreadMessages is how many messages no member of staff has opened.
func CountUnreadMessages(ctx context.Context, db DBTX) (int, error) {
	var n int
	if err := db.QueryRow(ctx, `SELECT count(*) FROM messages WHERE read_at IS NULL`).Scan(&n); err != nil {
		return 0, fmt.Errorf("store: count unread messages: %w", err)
	}
	return n, nil
}

// RemoveOldMessages deletes the messages older than retention, read or not, and the addresses
// kept for the throttle older than MessageSendersRetention; it returns how many messages went.
func RemoveOldMessages(ctx context.Context, db DBTX, retention time.Duration) (int64, error) {
	tag, err := db.Exec(ctx, `DELETE FROM messages WHERE created_at < now() - @retention::interval`,
		pgx.StrictNamedArgs{"retention": retention})
	if err != nil {
		return 0, fmt.Errorf("store: remove old messages: %w", err)
	}
	if _, err := db.Exec(ctx, `DELETE FROM message_senders WHERE at < now() - @retention::interval`,
		pgx.StrictNamedArgs{"retention": MessageSendersRetention}); err != nil {
		return 0, fmt.Errorf("store: remove old message senders: %w", err)
	}
	return tag.RowsAffected(), nil
}
