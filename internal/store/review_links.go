package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"twincities/internal/content"
)

// The audit log's words for the review links of an entry (issue 11, review links).
const (
	// ActionReviewLinkCreate: someone made a link that shows the entry to people without an account.
	ActionReviewLinkCreate = "review_link_create"
	// ActionReviewLinkRevoke: someone stopped such a link before it expired.
	ActionReviewLinkRevoke = "review_link_revoke"
)

// The review links' words join the change log's filter here, beside their declaration.
func init() { Actions = append(Actions, ActionReviewLinkCreate, ActionReviewLinkRevoke) }

// MaxReviewLinks is how many review links of one entry may work at once: enough for every
// partner of a city, and a bound on what one entry can store.
const MaxReviewLinks = 20

// MaxReviewLinkLife is the longest a review link works; the database refuses longer.
const MaxReviewLinkLife = 90 * 24 * time.Hour

// ReviewLinksKept is how long a link that stopped working is kept (see ForgetOldReviewLinks):
// meanwhile its token is answered "no longer works" rather than "unknown".
const ReviewLinksKept = 90 * 24 * time.Hour

// ErrTooManyReviewLinks is a new review link refused because MaxReviewLinks of the entry work.
var ErrTooManyReviewLinks = errors.New("store: the entry has as many working review links as it may")

// ReviewLink is a link that shows one entry to people without an account, until it expires or
// is revoked. Its token is not kept: only the token's SHA-256, which finds the link.
type ReviewLink struct {
	ID            int64          `db:"id"`
	Entity        content.Entity `db:"entity"`
	EntryID       int64          `db:"entry_id"`
	CreatedBy     *int64         `db:"created_by"`
	CreatedByName string         `db:"created_by_name"`
	CreatedAt     time.Time      `db:"created_at"`
	ExpiresAt     time.Time      `db:"expires_at"`
	RevokedAt     *time.Time     `db:"revoked_at"`
}

// WorksAt reports whether the link opens its entry at now: not revoked, not expired.
func (l ReviewLink) WorksAt(now time.Time) bool { return l.RevokedAt == nil && now.Before(l.ExpiresAt) }

const reviewLinkColumns = `id, entity, entry_id, created_by, created_by_name, created_at, expires_at, revoked_at`

// CreateReviewLink stores a link to entry e, found by tokenHash (the SHA-256 of its token), made
// at now to work for life (at most MaxReviewLinkLife), with its audit line. It returns
// ErrTooManyReviewLinks when MaxReviewLinks of the entry's links work already.
func CreateReviewLink(ctx context.Context, db TxBeginner, e content.Entry, tokenHash []byte, now time.Time, life time.Duration, actor Actor) (ReviewLink, error) {
	var l ReviewLink
	if len(tokenHash) != 32 || life <= 0 || life > MaxReviewLinkLife {
		return l, fmt.Errorf("store: review link of %s %d: bad hash or life %v", e.Entity(), e.EntryID(), life)
	}
	args := pgx.StrictNamedArgs{"entity": string(e.Entity()), "entry_id": e.EntryID(), "now": now}
	err := inTx(ctx, db, func(tx pgx.Tx) error {
		// One entry's links are counted and added one transaction at a time: two people making
		// the twentieth at the same moment must not make twenty-one.
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(hashtextextended(@key, 0))`,
			pgx.StrictNamedArgs{"key": fmt.Sprintf("review_links:%s:%d", e.Entity(), e.EntryID())}); err != nil {
			return fmt.Errorf("store: lock review links of %s %d: %w", e.Entity(), e.EntryID(), err)
		}
		var working int
		if err := tx.QueryRow(ctx, `SELECT count(*) FROM review_links
			WHERE entity = @entity AND entry_id = @entry_id AND revoked_at IS NULL AND expires_at > @now`, args).Scan(&working); err != nil {
			return fmt.Errorf("store: count review links of %s %d: %w", e.Entity(), e.EntryID(), err)
		}
		if working >= MaxReviewLinks {
			return ErrTooManyReviewLinks
		}
		rows, err := tx.Query(ctx, `INSERT INTO review_links (token_hash, entity, entry_id, created_by, created_by_name, created_at, expires_at)
			VALUES (@hash, @entity, @entry_id, @created_by, @created_by_name, @now, @expires) RETURNING `+reviewLinkColumns,
			pgx.StrictNamedArgs{"hash": tokenHash, "entity": string(e.Entity()), "entry_id": e.EntryID(),
				"created_by": actor.userRef(), "created_by_name": actor.Name, "now": now, "expires": now.Add(life)})
		if err != nil {
			return fmt.Errorf("store: add review link of %s %d: %w", e.Entity(), e.EntryID(), err)
		}
		if l, err = pgx.CollectExactlyOneRow(rows, pgx.RowToStructByName[ReviewLink]); err != nil {
			return fmt.Errorf("store: add review link of %s %d: %w", e.Entity(), e.EntryID(), err)
		}
		return auditReviewLink(ctx, tx, ActionReviewLinkCreate, e, l, actor)
	})
	return l, err
}

// RevokeReviewLink stops link id of entry e at now, with its audit line; ErrNotFound when the
// entry has no such link still working (revoked meanwhile, expired, or of another entry).
func RevokeReviewLink(ctx context.Context, db TxBeginner, e content.Entry, id int64, now time.Time, actor Actor) error {
	return inTx(ctx, db, func(tx pgx.Tx) error {
		rows, err := tx.Query(ctx, `UPDATE review_links SET revoked_at = @now
			WHERE id = @id AND entity = @entity AND entry_id = @entry_id AND revoked_at IS NULL AND expires_at > @now
			RETURNING `+reviewLinkColumns,
			pgx.StrictNamedArgs{"id": id, "entity": string(e.Entity()), "entry_id": e.EntryID(), "now": now})
		if err != nil {
			return fmt.Errorf("store: revoke review link %d: %w", id, err)
		}
		l, err := pgx.CollectExactlyOneRow(rows, pgx.RowToStructByName[ReviewLink])
		if errors.Is(err, pgx.ErrNoRows) {
			return fmt.Errorf("store: working review link %d of %s %d: %w", id, e.Entity(), e.EntryID(), ErrNotFound)
		}
		if err != nil {
			return fmt.Errorf("store: revoke review link %d: %w", id, err)
		}
		return auditReviewLink(ctx, tx, ActionReviewLinkRevoke, e, l, actor)
	})
}

// auditReviewLink logs a link made or revoked: its number, and until when it works (made) or
// would have worked (revoked), in Perm time, the zone named by its offset so the line reads the
// same in either language.
func auditReviewLink(ctx context.Context, tx DBTX, action string, e content.Entry, l ReviewLink, actor Actor) error {
	until := l.ExpiresAt.In(content.PermZone()).Format("2006-01-02 15:04 (UTC-07:00)")
	change := content.Change{Field: ReviewLinkUntilField, After: until}
	if action == ActionReviewLinkRevoke {
		change = content.Change{Field: ReviewLinkUntilField, Before: until}
	}
	return WriteAudit(ctx, tx, AuditRecord{Actor: actor, Action: action, Entity: e.Entity(), EntityID: fmt.Sprint(e.EntryID()),
		Label: label(e), Detail: fmt.Sprintf("#%d", l.ID), Changes: []content.Change{change}})
}

// ReviewLinkUntilField names, in the audit log's changes, until when a review link works.
const ReviewLinkUntilField = "review_link_until"

// WorkingReviewLinks lists the links of an entity's entry that work at now, newest first.
func WorkingReviewLinks(ctx context.Context, db DBTX, entity content.Entity, entryID int64, now time.Time) ([]ReviewLink, error) {
	rows, err := db.Query(ctx, `SELECT `+reviewLinkColumns+` FROM review_links
		WHERE entity = @entity AND entry_id = @entry_id AND revoked_at IS NULL AND expires_at > @now
		ORDER BY created_at DESC, id DESC`,
		pgx.StrictNamedArgs{"entity": string(entity), "entry_id": entryID, "now": now})
	if err != nil {
		return nil, fmt.Errorf("store: review links of %s %d: %w", entity, entryID, err)
	}
	links, err := pgx.CollectRows(rows, pgx.RowToStructByName[ReviewLink])
	if err != nil {
		return nil, fmt.Errorf("store: review links of %s %d: %w", entity, entryID, err)
	}
	return links, nil
}

// ReviewLinkByHash finds the link whose token has the SHA-256 tokenHash, working or not;
// ErrNotFound when there is none.
func ReviewLinkByHash(ctx context.Context, db DBTX, tokenHash []byte) (ReviewLink, error) {
	rows, err := db.Query(ctx, `SELECT `+reviewLinkColumns+` FROM review_links WHERE token_hash = @hash`,
		pgx.StrictNamedArgs{"hash": tokenHash})
	if err != nil {
		return ReviewLink{}, fmt.Errorf("store: review link: %w", err)
	}
	l, err := pgx.CollectExactlyOneRow(rows, pgx.RowToStructByName[ReviewLink])
	if errors.Is(err, pgx.ErrNoRows) {
		return l, fmt.Errorf("store: review link: %w", ErrNotFound)
	}
	if err != nil {
		return l, fmt.Errorf("store: review link: %w", err)
	}
	return l, nil
}

// ForgetOldReviewLinks deletes the links that stopped working (expired or revoked) more than
// ReviewLinksKept before now, whatever became of their entries, and returns how many. Every
// instance may run it: deleting twice does no harm. The audit log keeps their record.
func ForgetOldReviewLinks(ctx context.Context, db DBTX, now time.Time) (int64, error) {
	tag, err := db.Exec(ctx, `DELETE FROM review_links WHERE coalesce(revoked_at, expires_at) < @before`,
		pgx.StrictNamedArgs{"before": now.Add(-ReviewLinksKept)})
	if err != nil {
		return 0, fmt.Errorf("store: forget old review links: %w", err)
	}
	return tag.RowsAffected(), nil
}
