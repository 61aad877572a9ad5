package store

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"twincities/internal/content"
)

// openDataTables are the tables of the kinds of entry open data sets are made of.
var openDataTables = map[content.Entity]string{
	content.EntityCity: "cities", content.EntityOrganization: "organizations",
	content.EntityAward: "awards", content.EntityEvent: "events",
}

// PublishedTimes dates the published set of entries of one entity (for cities, of one kind):
// created, when the first of them was published; modified, the last moment what the public sees
// of them changed. Both are zero when none was ever published.
//
// The revisions say it exactly: every save, publication, withdrawal and move to the trash keeps
// the whole entry as it became. A version counts when the entry was public before it or after it
// (published, not in the trash, of the kind), and something public changed: it came, it went, or
// a field other than those the public never sees (the editor's note, the version counter, the
// times, the pictures) changed. Two things the revisions cannot tell are covered from the entries
// and the audit log: entries loaded without revisions count by their own created_at and
// updated_at, and an entry purged from the trash, whose revisions went with it, counts at the
// moment it was moved to the trash (whether it was public then is no longer known, so the later
// date is the safe one).
func PublishedTimes(ctx context.Context, db DBTX, entity content.Entity, kind content.CityKind) (created, modified time.Time, err error) {
	table, ok := openDataTables[entity]
	if !ok {
		return created, modified, fmt.Errorf("store: no open data of %s: %w", entity, ErrNotFound)
	}
	kindCond := "true"
	if entity == content.EntityCity {
		kindCond = "t.kind = @kind"
	}
	var c, m *time.Time
	err = db.QueryRow(ctx, `
		WITH v AS (
			SELECT entity_id, version, at, coalesce(data->'entry', data) AS e
			FROM revisions WHERE entity = @entity
		), p AS (
			SELECT entity_id, version, at,
				coalesce(e->>'published', e->>'Published') = 'true'
					AND coalesce(e->>'deleted_at', e->>'DeletedAt') IS NULL
					AND (@kind = '' OR coalesce(e->>'kind', e->>'Kind') = @kind) AS public,
				e - '{editor_note,version,created_at,updated_at,image,gallery,EditorNote,Version,CreatedAt,UpdatedAt,Picture,Gallery}'::text[] AS seen
			FROM v
		), s AS (
			SELECT at, public, seen,
				lag(public, 1, false) OVER w AS was_public,
				lag(seen) OVER w AS was_seen
			FROM p WINDOW w AS (PARTITION BY entity_id ORDER BY version)
		), times AS (
			SELECT min(at) FILTER (WHERE public) AS created,
				max(at) FILTER (WHERE public <> was_public OR (public AND seen IS DISTINCT FROM was_seen)) AS modified
			FROM s
			UNION ALL
			SELECT min(t.created_at), max(t.updated_at)
			FROM `+table+` t
			WHERE t.published AND t.deleted_at IS NULL AND `+kindCond+`
			  AND NOT EXISTS (SELECT 1 FROM revisions r WHERE r.entity = @entity AND r.entity_id = t.id::text)
			UNION ALL
			SELECT NULL, max(a.at) FROM audit_log a
			WHERE a.entity = @entity AND a.action = 'delete'
			  AND EXISTS (SELECT 1 FROM audit_log g WHERE g.entity = a.entity AND g.entity_id = a.entity_id AND g.action = 'purge')
		)
		SELECT min(created), max(modified) FROM times`,
		pgx.StrictNamedArgs{"entity": string(entity), "kind": string(kind)}).Scan(&c, &m)
	if err != nil {
		return created, modified, fmt.Errorf("store: open data times of %s: %w", entity, err)
	}
	if c != nil {
		created = *c
	}
	if m != nil {
		modified = *m
	}
	if created.After(modified) && !modified.IsZero() {
		created = modified
	}
	return created, modified, nil
}
