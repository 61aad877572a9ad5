package store

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"twincities/internal/content"
)

// placeColumns lists every column of a place, pointing at p.
func placeColumns(p *content.Place) []column {
	return []column{
		{"id", &p.ID, generated},
		{"slug", &p.Slug, written},
		{"name_ru", &p.Name.RU, written}, {"name_en", &p.Name.EN, written},
		{"description_ru", &p.Description.RU, written}, {"description_en", &p.Description.EN, written},
		{"address_ru", &p.Address.RU, written}, {"address_en", &p.Address.EN, written},
		{"phone", &p.Phone, written},
		{"email", &p.Email, written},
		{"hours_ru", &p.Hours.RU, written}, {"hours_en", &p.Hours.EN, written},
		{"head_name_ru", &p.HeadName.RU, written}, {"head_name_en", &p.HeadName.EN, written},
		{"head_position_ru", &p.HeadPosition.RU, written}, {"head_position_en", &p.HeadPosition.EN, written},
		{"website", &p.Website, written},
		{"latitude", latitude{&p.Location}, written}, {"longitude", longitude{&p.Location}, written},
		{"sort_order", &p.SortOrder, written},
		{"published", &p.Published, written},
		{"editor_note", &p.EditorNote, written},
		{"version", &p.Version, generated},
		{"deleted_at", &p.DeletedAt, generated},
		{"created_at", &p.CreatedAt, generated},
		{"updated_at", &p.UpdatedAt, generated},
	}
}

var places = newEntryTable[content.Place]("places", "p", "", placeColumns)

// ListPlaces returns the places f selects, in the order of the contacts page.
func ListPlaces(ctx context.Context, db DBTX, f Filter) ([]content.Place, error) {
	args := pgx.StrictNamedArgs{}
	where := f.where("p", []string{"name_ru", "name_en"}, args)
	found, err := places.collect(db.Query(ctx, places.selectSQL()+`
		WHERE `+where+`
		ORDER BY p.sort_order, p.name_en, p.id`, args))
	if err != nil {
		return nil, fmt.Errorf("store: list places: %w", err)
	}
	return found, nil
}

// PlaceBySlug returns one place not in the trash; with publishedOnly a draft is ErrNotFound.
func PlaceBySlug(ctx context.Context, db DBTX, slug string, publishedOnly bool) (content.Place, error) {
	var p content.Place
	var found bool
	if err := runOne(ctx, db, placeBySlug(slug, publishedOnly, &p, &found), &found); err != nil {
		return content.Place{}, err
	}
	return p, nil
}

// PlaceBySlug queues store.PlaceBySlug: out gets the place, and found whether there is one.
func (rs *Reads) PlaceBySlug(slug string, publishedOnly bool, out *content.Place, found *bool) {
	rs.queue(placeBySlug(slug, publishedOnly, out, found))
}

func placeBySlug(slug string, publishedOnly bool, out *content.Place, found *bool) read {
	return read{"place " + slug, places.selectSQL() + `
		WHERE p.slug = @slug AND p.deleted_at IS NULL AND (p.published OR NOT @published_only)`,
		pgx.StrictNamedArgs{"slug": slug, "published_only": publishedOnly}, intoOne(out, found, places.scanRow)}
}

func placeByID(ctx context.Context, db DBTX, id int64, lock bool) (content.Place, error) {
	sql := places.selectSQL() + ` WHERE p.id = @id`
	if lock {
		sql += ` FOR UPDATE OF p`
	}
	found, err := only(places.collect(db.Query(ctx, sql, pgx.StrictNamedArgs{"id": id})))
	if err != nil {
		return content.Place{}, fmt.Errorf("store: place %d: %w", id, err)
	}
	return found, nil
}

// insertPlace stores a new place as version 1, without history (see Places.Create).
func insertPlace(ctx context.Context, db DBTX, p *content.Place) error {
	if err := places.insert(ctx, db, p); err != nil {
		return fmt.Errorf("store: insert place %s: %w", p.Slug, uniqueViolation(err, "slug"))
	}
	return nil
}

func updatePlace(ctx context.Context, db DBTX, p *content.Place) error {
	if err := places.update(ctx, db, p); err != nil {
		return fmt.Errorf("store: update place %d: %w", p.ID, uniqueViolation(err, "slug"))
	}
	return nil
}

// Places is the workflow of places. It lives here rather than among the others in workflow.go so
// that the kind stays in its own file.
var Places = Workflow[content.Place]{
	entity: content.EntityPlace, table: "places", trash: true,
	byID: placeByID, insert: insertPlace, update: updatePlace,
	prepare: func(p *content.Place) error { p.Normalize(); return p.Validate() },
	publish: func(p *content.Place, on bool) { p.Published = on },
	inTrash: func(p content.Place) bool { return p.DeletedAt != nil },
}
