package store

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"twincities/internal/content"
)

type pageRow struct {
	Key       string    `db:"key"`
	TitleRU   string    `db:"title_ru"`
	TitleEN   string    `db:"title_en"`
	BodyRU    string    `db:"body_ru"`
	BodyEN    string    `db:"body_en"`
	CreatedAt time.Time `db:"created_at"`
	UpdatedAt time.Time `db:"updated_at"`
}

// PageByKey returns one text page.
func PageByKey(ctx context.Context, db DBTX, key content.PageKey) (content.Page, error) {
	rows, err := db.Query(ctx, `SELECT key, title_ru, title_en, body_ru, body_en, created_at, updated_at
		FROM pages WHERE key = $1`, string(key))
	if err != nil {
		return content.Page{}, fmt.Errorf("store: page %s: %w", key, err)
	}
	r, err := pgx.CollectExactlyOneRow(rows, pgx.RowToStructByName[pageRow])
	if err != nil {
		return content.Page{}, fmt.Errorf("store: page %s: %w", key, notFound(err))
	}
	return content.Page{
		Key:       content.PageKey(r.Key),
		Title:     content.Text{RU: r.TitleRU, EN: r.TitleEN},
		Body:      content.Text{RU: r.BodyRU, EN: r.BodyEN},
		CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt,
	}, nil
}

// InsertPage stores a new text page.
func InsertPage(ctx context.Context, db DBTX, p *content.Page) error {
	err := db.QueryRow(ctx, `INSERT INTO pages (key, title_ru, title_en, body_ru, body_en)
		VALUES ($1, $2, $3, $4, $5) RETURNING created_at, updated_at`,
		string(p.Key), p.Title.RU, p.Title.EN, p.Body.RU, p.Body.EN).Scan(&p.CreatedAt, &p.UpdatedAt)
	if err != nil {
		return fmt.Errorf("store: insert page %s: %w", p.Key, uniqueViolation(err, "key"))
	}
	return nil
}
