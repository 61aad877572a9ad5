package store

import (
	"context"
	"fmt"
	"slices"
	"strconv"

	"github.com/jackc/pgx/v5"

	"twincities/internal/content"
)

// cityColumns lists every column of a city, pointing at c.
func cityColumns(c *content.City) []column {
	return append(cityRowColumns(c), append(pictureColumns(&c.Picture), galleryColumn(&c.Gallery, false))...)
}

// cityCardColumns are the columns of a city that its card on the home page and the lists, and the
// lists' structured data, show: not the story in two languages, the sources, the link to Perm's
// page or the editor's note, and of the gallery only the first photo (a card without a picture of
// its own shows it). Issue 12: reading every column for the cards was the largest cost of the
// database in an uncached home page.
func cityCardColumns(c *content.City) []column {
	cols := slices.DeleteFunc(cityRowColumns(c), func(col column) bool { return !cardColumn[col.name] })
	return append(cols, append(pictureColumns(&c.Picture), galleryColumn(&c.Gallery, true))...)
}

// cardColumn names the columns of cityRowColumns that a card read keeps.
var cardColumn = map[string]bool{
	"id": true, "kind": true, "slug": true, "name_ru": true, "name_en": true, "country": true,
	"region_ru": true, "region_en": true, "latitude": true, "longitude": true, "time_zone": true,
	"since_date": true, "since_precision": true, "status": true, "status_date": true, "status_precision": true,
	"status_note_ru": true, "status_note_en": true, "summary_ru": true, "summary_en": true, "website": true,
	"published": true, "sort_order": true, "version": true, "deleted_at": true,
}

// cityRowColumns are the columns of the cities table itself, pointing at c.
func cityRowColumns(c *content.City) []column {
	return []column{
		{"id", &c.ID, generated},
		{"kind", &c.Kind, written},
		{"slug", &c.Slug, written},
		{"name_ru", &c.Name.RU, written}, {"name_en", &c.Name.EN, written},
		{"country", &c.Country, written},
		{"region_ru", &c.Region.RU, written}, {"region_en", &c.Region.EN, written},
		{"latitude", latitude{&c.Location}, written}, {"longitude", longitude{&c.Location}, written},
		{"time_zone", &c.TimeZone, written},
		{"since_date", dateDay{&c.Since}, written}, {"since_precision", datePrecision{&c.Since}, written},
		{"status", &c.Status, written},
		{"status_date", dateDay{&c.StatusDate}, written}, {"status_precision", datePrecision{&c.StatusDate}, written},
		{"status_note_ru", &c.StatusNote.RU, written}, {"status_note_en", &c.StatusNote.EN, written},
		{"summary_ru", &c.Summary.RU, written}, {"summary_en", &c.Summary.EN, written},
		{"body_ru", &c.Body.RU, written}, {"body_en", &c.Body.EN, written},
		{"website", &c.Website, written},
		{"perm_page_url", &c.PermPage, written},
		{"sources", sources{&c.Sources}, written},
		{"published", &c.Published, written},
		{"editor_note", &c.EditorNote, written},
		{"sort_order", &c.SortOrder, written},
		{"version", &c.Version, generated},
		{"deleted_at", &c.DeletedAt, generated},
		{"created_at", &c.CreatedAt, generated},
		{"updated_at", &c.UpdatedAt, generated},
	}
}

var (
	cities        = newEntryTable[content.City]("cities", "c", pictureJoin("c"), cityColumns)
	cityCardTable = newEntryTable[content.City]("cities", "c", pictureJoin("c"), cityCardColumns)
)

// cityOrder is the order of the cities' lists: as staff set it, then by the start of the
// relationship. Every read that must line up with ListCities (the share picture's places, the
// awards' city names) orders by it.
const cityOrder = "c.sort_order, c.since_date NULLS LAST, c.name_en, c.id"

// CityQuery selects cities for a list.
type CityQuery struct {
	Kind content.CityKind // "" for every kind
	// CurrentFirst puts the active relationships before the ended and suspended ones, each part in
	// the usual order: how the public lists show them, so that a page of them is read as such.
	CurrentFirst bool
	Limit        int // 0: no limit (issue 12: a page of a list)
	Offset       int // cities skipped, for paging
	// Cards reads only what a city's card and a list's structured data show (cityCardColumns):
	// the public lists and the home page. The others read the city whole.
	Cards bool
	Filter
}

// ListCities returns the cities q selects, in the order staff set, then by the start of the
// relationship.
func ListCities(ctx context.Context, db DBTX, q CityQuery) ([]content.City, error) {
	var out []content.City
	err := listCities(q, &out).run(ctx, db)
	return out, err
}

// ListCities queues store.ListCities into out.
func (rs *Reads) ListCities(q CityQuery, out *[]content.City) { rs.queue(listCities(q, out)) }

func listCities(q CityQuery, out *[]content.City) read {
	args := pageArgs(q.Limit, q.Offset)
	// The order is written out for each case, not switched by a parameter, so that the planner can
	// read a page of the public list from its index (migration 00024) in either.
	order := cityOrder
	if q.CurrentFirst {
		order = "c.status <> 'active', " + order
	}
	t := cities
	if q.Cards {
		t = cityCardTable
	}
	return read{"list cities", t.pageSQL("", q.citiesWhere(args), order), args, into(out, t.scanRow)}
}

// CountCities is how many cities q selects, Limit and Offset aside: for paging.
func CountCities(ctx context.Context, db DBTX, q CityQuery) (int, error) {
	var n int
	err := countCities(q, &n).run(ctx, db)
	return n, err
}

// CountCities queues store.CountCities into out.
func (rs *Reads) CountCities(q CityQuery, out *int) { rs.queue(countCities(q, out)) }

func countCities(q CityQuery, out *int) read {
	args := pgx.StrictNamedArgs{}
	return read{"count cities", `SELECT count(*) FROM cities c WHERE ` + q.citiesWhere(args), args, intoCount(out)}
}

// citiesWhere is the WHERE clause of q over cities c, with its values added to args.
func (q CityQuery) citiesWhere(args pgx.StrictNamedArgs) string {
	args["kind"] = string(q.Kind)
	return `(@kind::text = '' OR c.kind = @kind) AND ` + q.Filter.where("c", []string{"name_ru", "name_en"}, args)
}

// PublicCityPlaces returns the published cities as ListCities(Public) does, in its order, but
// with only what the map of the home page's share picture needs: the location and the status.
// Every public page names that picture, and reading every column (the stories in both languages,
// the sources, the galleries) for it was the largest cost of an uncached page (issue 12).
func PublicCityPlaces(ctx context.Context, db DBTX) ([]content.City, error) {
	var out []content.City
	err := publicCityPlaces(&out).run(ctx, db)
	return out, err
}

// PublicCityPlaces queues store.PublicCityPlaces into out.
func (rs *Reads) PublicCityPlaces(out *[]content.City) { rs.queue(publicCityPlaces(out)) }

func publicCityPlaces(out *[]content.City) read {
	args := pgx.StrictNamedArgs{}
	where := Public.where("c", nil, args)
	return read{"city places", `SELECT c.latitude, c.longitude, c.status FROM cities c
		WHERE ` + where + `
		ORDER BY ` + cityOrder, args,
		into(out, func(row pgx.CollectableRow) (content.City, error) {
			var c content.City
			err := row.Scan(latitude{&c.Location}, longitude{&c.Location}, &c.Status)
			return c, err
		})}
}

// cityNames reads the published cities whose IDs the query ids selects, in ListCities' order,
// with only what a link to each needs: the ID, the kind, the slug and the names. A page of a list
// that names the city of each entry (the awards) reads the names of those cities and no others;
// reading every city whole for it doubled the cost of the list (issue 12).
func cityNames(what, ids string, args pgx.StrictNamedArgs, out *[]content.City) read {
	return read{what, `SELECT c.id, c.kind, c.slug, c.name_ru, c.name_en FROM cities c
		WHERE c.id IN (` + ids + `) AND ` + Public.where("c", nil, args) + `
		ORDER BY ` + cityOrder, args,
		into(out, func(row pgx.CollectableRow) (content.City, error) {
			var c content.City
			err := row.Scan(&c.ID, &c.Kind, &c.Slug, &c.Name.RU, &c.Name.EN)
			return c, err
		})}
}

// CityBySlug returns the city of kind with slug, not in the trash; with publishedOnly a draft is
// ErrNotFound.
func CityBySlug(ctx context.Context, db DBTX, kind content.CityKind, slug string, publishedOnly bool) (content.City, error) {
	var c content.City
	var found bool
	if err := runOne(ctx, db, cityBySlug(kind, slug, publishedOnly, &c, &found), &found); err != nil {
		return content.City{}, err
	}
	return c, nil
}

// CityBySlug queues store.CityBySlug: out gets the city, and found whether there is one.
func (rs *Reads) CityBySlug(kind content.CityKind, slug string, publishedOnly bool, out *content.City, found *bool) {
	rs.queue(cityBySlug(kind, slug, publishedOnly, out, found))
}

func cityBySlug(kind content.CityKind, slug string, publishedOnly bool, out *content.City, found *bool) read {
	return read{"city " + string(kind) + "/" + slug, cities.selectSQL() + `
		WHERE c.kind = @kind AND c.slug = @slug AND c.deleted_at IS NULL AND (c.published OR NOT @published_only)`,
		pgx.StrictNamedArgs{"kind": string(kind), "slug": slug, "published_only": publishedOnly}, intoOne(out, found, cities.scanRow)}
}

// CityByID queues Cities.Get: out gets the city with id, in the trash or not, published or not,
// and found whether there is one.
func (rs *Reads) CityByID(id int64, out *content.City, found *bool) {
	rs.queue(cityByIDRead(id, false, out, found))
}

// cityByID returns a city whatever its state, locking its row for the transaction when lock is set.
func cityByID(ctx context.Context, db DBTX, id int64, lock bool) (content.City, error) {
	var c content.City
	var found bool
	if err := runOne(ctx, db, cityByIDRead(id, lock, &c, &found), &found); err != nil {
		return content.City{}, err
	}
	return c, nil
}

func cityByIDRead(id int64, lock bool, out *content.City, found *bool) read {
	sql := cities.selectSQL() + ` WHERE c.id = @id`
	if lock {
		sql += ` FOR UPDATE OF c`
	}
	return read{"city " + strconv.FormatInt(id, 10), sql, pgx.StrictNamedArgs{"id": id}, intoOne(out, found, cities.scanRow)}
}

// insertCity stores a new city as version 1, with its gallery, and sets its ID and times. A taken slug is a
// validation error. It records no history: Cities.Create does.
func insertCity(ctx context.Context, db DBTX, c *content.City) error {
	if err := cities.insert(ctx, db, c); err != nil {
		return fmt.Errorf("store: insert city %s/%s: %w", c.Kind, c.Slug, uniqueViolation(err, "slug"))
	}
	return writeGallery(ctx, db, c.ID, c.Gallery)
}

// updateCity writes every editable column of c and its gallery, and raises its version.
func updateCity(ctx context.Context, db DBTX, c *content.City) error {
	if err := cities.update(ctx, db, c); err != nil {
		return fmt.Errorf("store: update city %d: %w", c.ID, uniqueViolation(err, "slug"))
	}
	return writeGallery(ctx, db, c.ID, c.Gallery)
}
