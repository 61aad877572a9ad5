package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"twincities/internal/content"
)

// LinkUse is one entry's use of a web address: as a source, or as its official site, its page
// about Perm or an event's link.
type LinkUse struct {
	URL    string
	Entity content.Entity
	ID     int64
	NameRU string // the entry's name or title, to link to it from the dashboard
	NameEN string
}

// LinkCheck is what the check of broken links (issue 11, item 8) last found at one address.
type LinkCheck struct {
	URL           string
	OK            bool
	Status        int    // the HTTP status; 0 when no answer came
	Error         string // the kind of failure, a linkcheck.Kind; "" when OK
	FinalURL      string // where redirects led
	CheckedAt     time.Time
	FirstFailedAt *time.Time // since when it has failed, check after check; nil when OK
}

// ListLinkUses returns every web address the entries give, published or not, with the entries
// using it, ordered by address. Entries in the trash are left out: nobody can follow their edit
// links, and their addresses are checked again if they are restored.
func ListLinkUses(ctx context.Context, db DBTX) ([]LinkUse, error) {
	rows, err := db.Query(ctx, `
		WITH uses(url, entity, id, name_ru, name_en) AS (
			SELECT website, 'city', id, name_ru, name_en FROM cities WHERE deleted_at IS NULL
			UNION ALL SELECT perm_page_url, 'city', id, name_ru, name_en FROM cities WHERE deleted_at IS NULL
			UNION ALL SELECT s->>'url', 'city', id, name_ru, name_en
				FROM cities, jsonb_array_elements(sources) s WHERE deleted_at IS NULL
			UNION ALL SELECT website, 'organization', id, name_ru, name_en FROM organizations WHERE deleted_at IS NULL
			UNION ALL SELECT s->>'url', 'organization', id, name_ru, name_en
				FROM organizations, jsonb_array_elements(sources) s WHERE deleted_at IS NULL
			UNION ALL SELECT link, 'event', id, title_ru, title_en FROM events WHERE deleted_at IS NULL
			UNION ALL SELECT s->>'url', 'event', id, title_ru, title_en
				FROM events, jsonb_array_elements(sources) s WHERE deleted_at IS NULL
			UNION ALL SELECT s->>'url', 'award', id, title_ru, title_en
				FROM awards, jsonb_array_elements(sources) s WHERE deleted_at IS NULL
			UNION ALL SELECT website, 'place', id, name_ru, name_en FROM places WHERE deleted_at IS NULL)
		SELECT DISTINCT url, entity, id, name_ru, name_en FROM uses
		WHERE coalesce(url, '') <> ''
		ORDER BY url, entity, id`)
	if err != nil {
		return nil, fmt.Errorf("store: list link uses: %w", err)
	}
	uses, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (LinkUse, error) {
		var u LinkUse
		err := row.Scan(&u.URL, &u.Entity, &u.ID, &u.NameRU, &u.NameEN)
		return u, err
	})
	if err != nil {
		return nil, fmt.Errorf("store: list link uses: %w", err)
	}
	return uses, nil
}

// linkCheckLock is the advisory lock key held by the instance that checks the links, so that
// with several instances only one does.
const linkCheckLock = 0x6c696e6b // "link"

// TryLockLinkCheck takes the link check's advisory lock on conn, a connection held for the whole
// check, and reports whether it got it; another instance holding it is checking. UnlockLinkCheck
// gives it back; so does closing the connection.
func TryLockLinkCheck(ctx context.Context, conn DBTX) (bool, error) {
	var ok bool
	if err := conn.QueryRow(ctx, "SELECT pg_try_advisory_lock(@key)", pgx.StrictNamedArgs{"key": linkCheckLock}).Scan(&ok); err != nil {
		return false, fmt.Errorf("store: lock for the link check: %w", err)
	}
	return ok, nil
}

// UnlockLinkCheck gives back the lock TryLockLinkCheck took on conn.
func UnlockLinkCheck(ctx context.Context, conn DBTX) error {
	if _, err := conn.Exec(ctx, "SELECT pg_advisory_unlock(@key)", pgx.StrictNamedArgs{"key": linkCheckLock}); err != nil {
		return fmt.Errorf("store: unlock the link check: %w", err)
	}
	return nil
}

// LastLinkCheck returns when the last full link check finished; nil when none has.
func LastLinkCheck(ctx context.Context, db DBTX) (*time.Time, error) {
	var t *time.Time
	err := db.QueryRow(ctx, `SELECT finished_at FROM link_check_runs`).Scan(&t)
	if err != nil && !errors.Is(err, pgx.ErrNoRows) {
		return nil, fmt.Errorf("store: last link check: %w", err)
	}
	return t, nil
}

// SaveLinkChecks stores the results of a full check that started at started and finished at
// finished: each address's result, keeping since when it has failed; the rows of addresses not
// checked (no entry uses them any more) go, and the run is recorded, for LastLinkCheck.
func SaveLinkChecks(ctx context.Context, db TxBeginner, results []LinkCheck, started, finished time.Time) error {
	return inTx(ctx, db, func(tx pgx.Tx) error {
		urls := make([]string, len(results))
		for i, r := range results {
			urls[i] = r.URL
			if _, err := tx.Exec(ctx, `INSERT INTO link_checks (url, ok, status, error, final_url, checked_at, first_failed_at)
				VALUES (@url, @ok, @status, @error, @final_url, @checked_at, CASE WHEN @ok THEN NULL ELSE @checked_at::timestamptz END)
				ON CONFLICT (url) DO UPDATE SET ok = excluded.ok, status = excluded.status, error = excluded.error,
					final_url = excluded.final_url, checked_at = excluded.checked_at,
					first_failed_at = CASE WHEN excluded.ok THEN NULL
						ELSE coalesce(link_checks.first_failed_at, excluded.checked_at) END`,
				pgx.StrictNamedArgs{"url": r.URL, "ok": r.OK, "status": r.Status, "error": r.Error,
					"final_url": r.FinalURL, "checked_at": r.CheckedAt}); err != nil {
				return fmt.Errorf("store: save link check of %s: %w", r.URL, err)
			}
		}
		if _, err := tx.Exec(ctx, `DELETE FROM link_checks WHERE url <> ALL(@urls)`, pgx.StrictNamedArgs{"urls": urls}); err != nil {
			return fmt.Errorf("store: drop old link checks: %w", err)
		}
		if _, err := tx.Exec(ctx, `INSERT INTO link_check_runs (started_at, finished_at) VALUES (@started, @finished)
			ON CONFLICT (one) DO UPDATE SET started_at = excluded.started_at, finished_at = excluded.finished_at`,
			pgx.StrictNamedArgs{"started": started, "finished": finished}); err != nil {
			return fmt.Errorf("store: record the link check: %w", err)
		}
		return nil
	})
}

// ListBrokenLinks returns the addresses the last check found not working, the longest broken first.
func ListBrokenLinks(ctx context.Context, db DBTX) ([]LinkCheck, error) {
	rows, err := db.Query(ctx, `SELECT url, ok, status, error, final_url, checked_at, first_failed_at
		FROM link_checks WHERE NOT ok ORDER BY first_failed_at, url`)
	if err != nil {
		return nil, fmt.Errorf("store: list broken links: %w", err)
	}
	checks, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (LinkCheck, error) {
		var c LinkCheck
		err := row.Scan(&c.URL, &c.OK, &c.Status, &c.Error, &c.FinalURL, &c.CheckedAt, &c.FirstFailedAt)
		return c, err
	})
	if err != nil {
		return nil, fmt.Errorf("store: list broken links: %w", err)
	}
	return checks, nil
}
