package store

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"twincities/internal/content"
)

// awardColumns lists every column of an award, pointing at a.
func awardColumns(a *content.Award) []column {
	return append([]column{
		{"id", &a.ID, generated},
		{"award_date", dateDay{&a.Date}, written}, {"date_precision", datePrecision{&a.Date}, written},
		{"title_ru", &a.Title.RU, written}, {"title_en", &a.Title.EN, written},
		{"awarded_by_ru", &a.AwardedBy.RU, written}, {"awarded_by_en", &a.AwardedBy.EN, written},
		{"place_ru", &a.Place.RU, written}, {"place_en", &a.Place.EN, written},
		{"description_ru", &a.Description.RU, written}, {"description_en", &a.Description.EN, written},
		{"city_id", &a.CityID, written},
		{"sources", sources{&a.Sources}, written},
		{"published", &a.Published, written},
		{"editor_note", &a.EditorNote, written},
		{"version", &a.Version, generated},
		{"deleted_at", &a.DeletedAt, generated},
		{"created_at", &a.CreatedAt, generated},
		{"updated_at", &a.UpdatedAt, generated},
	}, pictureColumns(&a.Picture)...)
}

var awards = newEntryTable[content.Award]("awards", "a", pictureJoin("a"), awardColumns)

// AwardQuery selects awards.
type AwardQuery struct {
	CityID int64 // 0: awards of any city or none
	// CityAt is the city's awards where its ID is not known yet (CityID 0).
	CityAt CityAddress
	Limit  int // 0: no limit
	Offset int // awards skipped, for paging (issue 12)
	Filter
}

// ListAwards returns the awards q selects, newest first.
func ListAwards(ctx context.Context, db DBTX, q AwardQuery) ([]content.Award, error) {
	var out []content.Award
	err := listAwards(q, &out).run(ctx, db)
	return out, err
}

// ListAwards queues store.ListAwards into out.
func (rs *Reads) ListAwards(q AwardQuery, out *[]content.Award) { rs.queue(listAwards(q, out)) }

func listAwards(q AwardQuery, out *[]content.Award) read {
	args := pageArgs(q.Limit, q.Offset)
	return read{"list awards", awards.pageSQL("", q.awardsWhere(args), awardOrder), args, into(out, awards.scanRow)}
}

// awardOrder is the order of the awards' lists: newest first.
const awardOrder = "a.award_date DESC, a.id DESC"

// AwardCityNames returns the published cities that the awards of q's page (ListAwards(q)) are of,
// in ListCities' order, with only what a link to each needs: the ID, the kind, the slug and the
// names.
func AwardCityNames(ctx context.Context, db DBTX, q AwardQuery) ([]content.City, error) {
	var out []content.City
	err := awardCityNames(q, &out).run(ctx, db)
	return out, err
}

// AwardCityNames queues store.AwardCityNames into out: with ListAwards(q), the page and the names
// of its cities come in one round trip (issue 12: the names took a second one).
func (rs *Reads) AwardCityNames(q AwardQuery, out *[]content.City) { rs.queue(awardCityNames(q, out)) }

func awardCityNames(q AwardQuery, out *[]content.City) read {
	args := pageArgs(q.Limit, q.Offset)
	page := `SELECT a.city_id FROM awards a WHERE ` + q.awardsWhere(args) + ` ORDER BY ` + awardOrder + ` LIMIT @limit OFFSET @offset`
	return cityNames("award city names", page, args, out)
}

// CountAwards is how many awards q selects, Limit and Offset aside: for paging.
func CountAwards(ctx context.Context, db DBTX, q AwardQuery) (int, error) {
	var n int
	err := countAwards(q, &n).run(ctx, db)
	return n, err
}

// CountAwards queues store.CountAwards into out.
func (rs *Reads) CountAwards(q AwardQuery, out *int) { rs.queue(countAwards(q, out)) }

func countAwards(q AwardQuery, out *int) read {
	args := pgx.StrictNamedArgs{}
	return read{"count awards", `SELECT count(*) FROM awards a WHERE ` + q.awardsWhere(args), args, intoCount(out)}
}

// awardsWhere is the WHERE clause of q over awards a, with its values added to args.
func (q AwardQuery) awardsWhere(args pgx.StrictNamedArgs) string {
	city := `(@city_id::bigint = 0 OR a.city_id = @city_id)`
	if q.CityID == 0 && q.CityAt.set() {
		city = `a.city_id = ` + q.CityAt.idSQL(args)
	} else {
		args["city_id"] = q.CityID
	}
	return city + ` AND ` + q.Filter.where("a", []string{"title_ru", "title_en"}, args)
}

func awardByID(ctx context.Context, db DBTX, id int64, lock bool) (content.Award, error) {
	sql := awards.selectSQL() + ` WHERE a.id = @id`
	if lock {
		sql += ` FOR UPDATE OF a`
	}
	found, err := only(awards.collect(db.Query(ctx, sql, pgx.StrictNamedArgs{"id": id})))
	if err != nil {
		return content.Award{}, fmt.Errorf("store: award %d: %w", id, err)
	}
	return found, nil
}

// insertAward stores a new award as version 1, without history (see Awards.Create).
func insertAward(ctx context.Context, db DBTX, a *content.Award) error {
	if err := awards.insert(ctx, db, a); err != nil {
		return fmt.Errorf("store: insert award %q: %w", a.Title.EN, foreignKey(err, "city_id"))
	}
	return nil
}

func updateAward(ctx context.Context, db DBTX, a *content.Award) error {
	if err := awards.update(ctx, db, a); err != nil {
		return fmt.Errorf("store: update award %d: %w", a.ID, foreignKey(err, "city_id"))
	}
	return nil
}
