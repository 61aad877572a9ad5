package store

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"twincities/internal/content"
)

const pageColumns = `id, key, title_ru, title_en, body_ru, body_en, version, created_at, updated_at`

type pageRow struct {
	ID        int64     `db:"id"`
	Key       string    `db:"key"`
	TitleRU   string    `db:"title_ru"`
	TitleEN   string    `db:"title_en"`
	BodyRU    string    `db:"body_ru"`
	BodyEN    string    `db:"body_en"`
	Version   int       `db:"version"`
	CreatedAt time.Time `db:"created_at"`
	UpdatedAt time.Time `db:"updated_at"`
}

func (r pageRow) page() content.Page {
	return content.Page{
		ID: r.ID, Key: content.PageKey(r.Key),
		Title:   content.Text{RU: r.TitleRU, EN: r.TitleEN},
		Body:    content.Text{RU: r.BodyRU, EN: r.BodyEN},
		Version: r.Version, CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt,
	}
}

func onePage(rows pgx.Rows, err error) (content.Page, error) {
	if err != nil {
		return content.Page{}, err
	}
	r, err := pgx.CollectExactlyOneRow(rows, pgx.RowToStructByName[pageRow])
	if err != nil {
		return content.Page{}, notFound(err)
	}
	return r.page(), nil
}

// PageByKey returns one text page.
func PageByKey(ctx context.Context, db DBTX, key content.PageKey) (content.Page, error) {
	p, err := onePage(db.Query(ctx, `SELECT `+pageColumns+` FROM pages WHERE key = $1`, string(key)))
	if err != nil {
		return content.Page{}, fmt.Errorf("store: page %s: %w", key, err)
	}
	return p, nil
}

// ListPages returns every text page, in the order of content.PageKeys.
func ListPages(ctx context.Context, db DBTX) ([]content.Page, error) {
	rows, err := db.Query(ctx, `SELECT `+pageColumns+` FROM pages ORDER BY array_position(ARRAY['about', 'contacts'], key), key`)
	if err != nil {
		return nil, fmt.Errorf("store: list pages: %w", err)
	}
	got, err := pgx.CollectRows(rows, pgx.RowToStructByName[pageRow])
	if err != nil {
		return nil, fmt.Errorf("store: list pages: %w", err)
	}
	pages := make([]content.Page, len(got))
	for i, r := range got {
		pages[i] = r.page()
	}
	return pages, nil
}

func pageByID(ctx context.Context, db DBTX, id int64, lock bool) (content.Page, error) {
	sql := `SELECT ` + pageColumns + ` FROM pages WHERE id = $1`
	if lock {
		sql += ` FOR UPDATE`
	}
	p, err := onePage(db.Query(ctx, sql, id))
	if err != nil {
		return content.Page{}, fmt.Errorf("store: page %d: %w", id, err)
	}
	return p, nil
}

// InsertPage stores a new text page as version 1, without history (see Pages.Create).
func InsertPage(ctx context.Context, db DBTX, p *content.Page) error {
	err := db.QueryRow(ctx, `INSERT INTO pages (key, title_ru, title_en, body_ru, body_en)
		VALUES ($1, $2, $3, $4, $5) RETURNING id, version, created_at, updated_at`,
		string(p.Key), p.Title.RU, p.Title.EN, p.Body.RU, p.Body.EN).Scan(&p.ID, &p.Version, &p.CreatedAt, &p.UpdatedAt)
	if err != nil {
		return fmt.Errorf("store: insert page %s: %w", p.Key, uniqueViolation(err, "key"))
	}
	return nil
}

func updatePage(ctx context.Context, db DBTX, p *content.Page) error {
	err := db.QueryRow(ctx, `UPDATE pages SET title_ru = $2, title_en = $3, body_ru = $4, body_en = $5,
		version = version + 1, updated_at = now() WHERE id = $1 RETURNING version, updated_at`,
		p.ID, p.Title.RU, p.Title.EN, p.Body.RU, p.Body.EN).Scan(&p.Version, &p.UpdatedAt)
	if err != nil {
		return fmt.Errorf("store: update page %d: %w", p.ID, err)
	}
	return nil
}
