package store

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"twincities/internal/content"
)

// newsColumns lists every column of a news item, pointing at n. The related cities live in
// news_cities: read here as one array, written by writeNewsCities after the row.
func newsColumns(n *content.News) []column {
	return append([]column{
		{"id", &n.ID, generated},
		{"slug", &n.Slug, written},
		{"news_date", dateDay{&n.Date}, written}, {"date_precision", datePrecision{&n.Date}, written},
		{"title_ru", &n.Title.RU, written}, {"title_en", &n.Title.EN, written},
		{"lead_ru", &n.Lead.RU, written}, {"lead_en", &n.Lead.EN, written},
		{"body_ru", &n.Body.RU, written}, {"body_en", &n.Body.EN, written},
		{"sources", sources{&n.Sources}, written},
		{"published", &n.Published, written},
		{"editor_note", &n.EditorNote, written},
		{"version", &n.Version, generated},
		{"deleted_at", &n.DeletedAt, generated},
		{"created_at", &n.CreatedAt, generated},
		{"updated_at", &n.UpdatedAt, generated},
		{`coalesce((SELECT array_agg(nc.city_id ORDER BY nc.city_id) FROM news_cities nc WHERE nc.news_id = n.id), '{}')`,
			&n.CityIDs, joined},
	}, pictureColumns(&n.Picture)...)
}

var news = newEntryTable[content.News]("news", "n", pictureJoin("n"), newsColumns)

// News is the workflow of news items.
var News = Workflow[content.News]{
	entity: content.EntityNews, table: "news", trash: true,
	byID: newsByID, insert: insertNews, update: updateNews,
	prepare: func(n *content.News) error { n.Normalize(); return n.Validate() },
	publish: func(n *content.News, on bool) { n.Published = on },
	inTrash: func(n content.News) bool { return n.DeletedAt != nil },
}

// NewsQuery selects news items.
type NewsQuery struct {
	CityID int64 // only the items about this city; 0: every item
	// CityAt is the items about the city where its ID is not known yet (CityID 0).
	CityAt CityAddress
	Limit  int // 0: no limit
	Offset int // items skipped, for paging
	Filter
}

// newsWhere is the WHERE clause of q, with its values added to args.
func (q NewsQuery) newsWhere(args pgx.StrictNamedArgs) string {
	where := q.Filter.where("n", []string{"title_ru", "title_en"}, args)
	var city string
	switch {
	case q.CityID != 0:
		args["city_id"] = q.CityID
		city = `@city_id`
	case q.CityAt.set():
		city = q.CityAt.idSQL(args)
	default:
		return where
	}
	// Written only when a city is asked for: behind "@city_id = 0 OR" the planner cannot start
	// from the city's few rows of news_cities and reads every item instead (issue 12).
	return `n.id IN (SELECT nc.news_id FROM news_cities nc WHERE nc.city_id = ` + city + `) AND ` + where
}

// ListNews returns the items q selects, newest first.
func ListNews(ctx context.Context, db DBTX, q NewsQuery) ([]content.News, error) {
	var out []content.News
	err := listNews(q, &out).run(ctx, db)
	return out, err
}

// ListNews queues store.ListNews into out.
func (rs *Reads) ListNews(q NewsQuery, out *[]content.News) { rs.queue(listNews(q, out)) }

func listNews(q NewsQuery, out *[]content.News) read {
	args := pageArgs(q.Limit, q.Offset)
	return read{"list news", news.pageSQL("", q.newsWhere(args), "n.news_date DESC, n.id DESC"), args, into(out, news.scanRow)}
}

// CountNews is how many items q selects, Limit and Offset aside: for paging.
func CountNews(ctx context.Context, db DBTX, q NewsQuery) (int, error) {
	var n int
	err := countNews(q, &n).run(ctx, db)
	return n, err
}

// CountNews queues store.CountNews into out.
func (rs *Reads) CountNews(q NewsQuery, out *int) { rs.queue(countNews(q, out)) }

func countNews(q NewsQuery, out *int) read {
	args := pgx.StrictNamedArgs{}
	return read{"count news", `SELECT count(*) FROM news n WHERE ` + q.newsWhere(args), args, intoCount(out)}
}

// NewsBySlug returns one item not in the trash; with publishedOnly a draft is ErrNotFound.
func NewsBySlug(ctx context.Context, db DBTX, slug string, publishedOnly bool) (content.News, error) {
	found, err := only(news.collect(db.Query(ctx, news.selectSQL()+`
		WHERE n.slug = @slug AND n.deleted_at IS NULL AND (n.published OR NOT @published_only)`,
		pgx.StrictNamedArgs{"slug": slug, "published_only": publishedOnly})))
	if err != nil {
		return content.News{}, fmt.Errorf("store: news %s: %w", slug, err)
	}
	return found, nil
}

// NewsSlugTaken reports whether an item, in the trash or not, has slug.
func NewsSlugTaken(ctx context.Context, db DBTX, slug string) (bool, error) {
	var taken bool
	if err := db.QueryRow(ctx, `SELECT EXISTS (SELECT FROM news WHERE slug = @slug)`,
		pgx.StrictNamedArgs{"slug": slug}).Scan(&taken); err != nil {
		return false, fmt.Errorf("store: news slug %s: %w", slug, err)
	}
	return taken, nil
}

func newsByID(ctx context.Context, db DBTX, id int64, lock bool) (content.News, error) {
	sql := news.selectSQL() + ` WHERE n.id = @id`
	if lock {
		sql += ` FOR UPDATE OF n`
	}
	found, err := only(news.collect(db.Query(ctx, sql, pgx.StrictNamedArgs{"id": id})))
	if err != nil {
		return content.News{}, fmt.Errorf("store: news %d: %w", id, err)
	}
	return found, nil
}

// insertNews stores a new item as version 1 with its cities, without history (see News.Create).
func insertNews(ctx context.Context, db DBTX, n *content.News) error {
	if err := news.insert(ctx, db, n); err != nil {
		return fmt.Errorf("store: insert news %s: %w", n.Slug, uniqueViolation(err, "slug"))
	}
	return writeNewsCities(ctx, db, n)
}

func updateNews(ctx context.Context, db DBTX, n *content.News) error {
	if err := news.update(ctx, db, n); err != nil {
		return fmt.Errorf("store: update news %d: %w", n.ID, uniqueViolation(err, "slug"))
	}
	return writeNewsCities(ctx, db, n)
}

// writeNewsCities makes the item's rows of news_cities its CityIDs. A city gone meanwhile is the
// form's problem, as a city of an event is.
func writeNewsCities(ctx context.Context, db DBTX, n *content.News) error {
	ids := n.CityIDs
	if ids == nil {
		ids = []int64{}
	}
	if _, err := db.Exec(ctx, `DELETE FROM news_cities WHERE news_id = @id AND city_id <> ALL(@ids)`,
		pgx.StrictNamedArgs{"id": n.ID, "ids": ids}); err != nil {
		return fmt.Errorf("store: cities of news %d: %w", n.ID, err)
	}
	if _, err := db.Exec(ctx, `INSERT INTO news_cities (news_id, city_id) SELECT @id, unnest(@ids::bigint[])
		ON CONFLICT DO NOTHING`, pgx.StrictNamedArgs{"id": n.ID, "ids": ids}); err != nil {
		return fmt.Errorf("store: cities of news %d: %w", n.ID, foreignKey(err, "city_ids"))
	}
	return nil
}

// unlinkCityNews takes a city about to be purged out of the items about it, each as a new
// version, so that the history says why the item lost it (see purgeCityDependents).
func unlinkCityNews(ctx context.Context, tx pgx.Tx, cityID int64, actor Actor) error {
	items, err := news.collect(tx.Query(ctx, news.selectSQL()+`
		WHERE EXISTS (SELECT FROM news_cities nc WHERE nc.news_id = n.id AND nc.city_id = @city_id) FOR UPDATE OF n`,
		pgx.StrictNamedArgs{"city_id": cityID}))
	if err != nil {
		return fmt.Errorf("store: news of city %d: %w", cityID, err)
	}
	for _, before := range items {
		after := before
		after.CityIDs = nil
		for _, id := range before.CityIDs {
			if id != cityID {
				after.CityIDs = append(after.CityIDs, id)
			}
		}
		if err := updateNews(ctx, tx, &after); err != nil {
			return err
		}
		if err := record(ctx, tx, ActionUpdate, &before, after, actor, ""); err != nil {
			return err
		}
	}
	return nil
}
