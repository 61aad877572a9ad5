package store

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"twincities/internal/content"
)

// pageColumns lists every column of a text page, pointing at p. The key names the page for good:
// an update leaves it.
func pageColumns(p *content.Page) []column {
	return []column{
		{"id", &p.ID, generated},
		{"key", &p.Key, insertOnly},
		{"title_ru", &p.Title.RU, written}, {"title_en", &p.Title.EN, written},
		{"body_ru", &p.Body.RU, written}, {"body_en", &p.Body.EN, written},
		{"version", &p.Version, generated},
		{"created_at", &p.CreatedAt, generated},
		{"updated_at", &p.UpdatedAt, generated},
	}
}

var pages = newEntryTable[content.Page]("pages", "p", "", pageColumns)

// PageByKey returns one text page.
func PageByKey(ctx context.Context, db DBTX, key content.PageKey) (content.Page, error) {
	var p content.Page
	var found bool
	if err := runOne(ctx, db, pageByKey(key, &p, &found), &found); err != nil {
		return content.Page{}, err
	}
	return p, nil
}

// PageByKey queues store.PageByKey: out gets the page, and found whether there is one.
func (rs *Reads) PageByKey(key content.PageKey, out *content.Page, found *bool) {
	rs.queue(pageByKey(key, out, found))
}

func pageByKey(key content.PageKey, out *content.Page, found *bool) read {
	return read{"page " + string(key), pages.selectSQL() + ` WHERE p.key = @key`, pgx.StrictNamedArgs{"key": string(key)},
		intoOne(out, found, pages.scanRow)}
}

// ListPages returns every text page, in the order of content.PageKeys.
func ListPages(ctx context.Context, db DBTX) ([]content.Page, error) {
	found, err := pages.collect(db.Query(ctx, pages.selectSQL()+
		` ORDER BY array_position(ARRAY['about', 'contacts', 'privacy', 'partner-cities-note', 'memberships-note'], p.key), p.key`))
	if err != nil {
		return nil, fmt.Errorf("store: list pages: %w", err)
	}
	return found, nil
}

func pageByID(ctx context.Context, db DBTX, id int64, lock bool) (content.Page, error) {
	sql := pages.selectSQL() + ` WHERE p.id = @id`
	if lock {
		sql += ` FOR UPDATE`
	}
	p, err := only(pages.collect(db.Query(ctx, sql, pgx.StrictNamedArgs{"id": id})))
	if err != nil {
		return content.Page{}, fmt.Errorf("store: page %d: %w", id, err)
	}
	return p, nil
}

// insertPage stores a new text page as version 1, without history (see Pages.Create).
func insertPage(ctx context.Context, db DBTX, p *content.Page) error {
	if err := pages.insert(ctx, db, p); err != nil {
		return fmt.Errorf("store: insert page %s: %w", p.Key, uniqueViolation(err, "key"))
	}
	return nil
}

func updatePage(ctx context.Context, db DBTX, p *content.Page) error {
	if err := pages.update(ctx, db, p); err != nil {
		return fmt.Errorf("store: update page %d: %w", p.ID, err)
	}
	return nil
}
