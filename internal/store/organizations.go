package store

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"twincities/internal/content"
)

// organizationColumns lists every column of an organisation, pointing at o.
func organizationColumns(o *content.Organization) []column {
	return append([]column{
		{"id", &o.ID, generated},
		{"slug", &o.Slug, written},
		{"kind", &o.Kind, written},
		{"scope", &o.Scope, written},
		{"name_ru", &o.Name.RU, written}, {"name_en", &o.Name.EN, written},
		{"short_name_ru", &o.ShortName.RU, written}, {"short_name_en", &o.ShortName.EN, written},
		{"since_date", dateDay{&o.MemberSince}, written}, {"since_precision", datePrecision{&o.MemberSince}, written},
		{"role_ru", &o.Role.RU, written}, {"role_en", &o.Role.EN, written},
		{"description_ru", &o.Description.RU, written}, {"description_en", &o.Description.EN, written},
		{"website", &o.Website, written},
		{"sources", sources{&o.Sources}, written},
		{"published", &o.Published, written},
		{"editor_note", &o.EditorNote, written},
		{"sort_order", &o.SortOrder, written},
		{"version", &o.Version, generated},
		{"deleted_at", &o.DeletedAt, generated},
		{"created_at", &o.CreatedAt, generated},
		{"updated_at", &o.UpdatedAt, generated},
	}, pictureColumns(&o.Picture)...)
}

var organizations = newEntryTable[content.Organization]("organizations", "o", pictureJoin("o"), organizationColumns)

// ListOrganizations returns the organisations f selects, in the order the memberships page
// groups them.
func ListOrganizations(ctx context.Context, db DBTX, f Filter) ([]content.Organization, error) {
	return PageOrganizations(ctx, db, f, 0, 0)
}

// PageOrganizations is ListOrganizations from offset on, at most limit of them (0: no limit): a
// page of the list, read as such (issue 12).
func PageOrganizations(ctx context.Context, db DBTX, f Filter, limit, offset int) ([]content.Organization, error) {
	var out []content.Organization
	err := pageOrganizations(f, limit, offset, &out).run(ctx, db)
	return out, err
}

// PageOrganizations queues store.PageOrganizations into out.
func (rs *Reads) PageOrganizations(f Filter, limit, offset int, out *[]content.Organization) {
	rs.queue(pageOrganizations(f, limit, offset, out))
}

func pageOrganizations(f Filter, limit, offset int, out *[]content.Organization) read {
	args := pageArgs(limit, offset)
	return read{"list organizations", organizations.pageSQL("", organizationsWhere(f, args),
		`o.kind DESC, CASE o.scope WHEN 'international' THEN 0 WHEN 'national' THEN 1 ELSE 2 END, o.sort_order, o.name_en, o.id`),
		args, into(out, organizations.scanRow)}
}

// CountOrganizations is how many organisations f selects: for paging.
func CountOrganizations(ctx context.Context, db DBTX, f Filter) (int, error) {
	var n int
	err := countOrganizations(f, &n).run(ctx, db)
	return n, err
}

// CountOrganizations queues store.CountOrganizations into out.
func (rs *Reads) CountOrganizations(f Filter, out *int) { rs.queue(countOrganizations(f, out)) }

func countOrganizations(f Filter, out *int) read {
	args := pgx.StrictNamedArgs{}
	return read{"count organizations", `SELECT count(*) FROM organizations o WHERE ` + organizationsWhere(f, args), args, intoCount(out)}
}

// organizationsWhere is the WHERE clause of f over organisations o, with its values added to args.
func organizationsWhere(f Filter, args pgx.StrictNamedArgs) string {
	return f.where("o", []string{"name_ru", "name_en", "short_name_ru", "short_name_en"}, args)
}

// OrganizationBySlug returns one organisation not in the trash; with publishedOnly a draft is
// ErrNotFound.
func OrganizationBySlug(ctx context.Context, db DBTX, slug string, publishedOnly bool) (content.Organization, error) {
	found, err := only(organizations.collect(db.Query(ctx, organizations.selectSQL()+`
		WHERE o.slug = @slug AND o.deleted_at IS NULL AND (o.published OR NOT @published_only)`,
		pgx.StrictNamedArgs{"slug": slug, "published_only": publishedOnly})))
	if err != nil {
		return content.Organization{}, fmt.Errorf("store: organization %s: %w", slug, err)
	}
	return found, nil
}

func organizationByID(ctx context.Context, db DBTX, id int64, lock bool) (content.Organization, error) {
	sql := organizations.selectSQL() + ` WHERE o.id = @id`
	if lock {
		sql += ` FOR UPDATE OF o`
	}
	found, err := only(organizations.collect(db.Query(ctx, sql, pgx.StrictNamedArgs{"id": id})))
	if err != nil {
		return content.Organization{}, fmt.Errorf("store: organization %d: %w", id, err)
	}
	return found, nil
}

// insertOrganization stores a new organisation as version 1, without history (see Organizations.Create).
func insertOrganization(ctx context.Context, db DBTX, o *content.Organization) error {
	if err := organizations.insert(ctx, db, o); err != nil {
		return fmt.Errorf("store: insert organization %s: %w", o.Slug, uniqueViolation(err, "slug"))
	}
	return nil
}

func updateOrganization(ctx context.Context, db DBTX, o *content.Organization) error {
	if err := organizations.update(ctx, db, o); err != nil {
		return fmt.Errorf("store: update organization %d: %w", o.ID, uniqueViolation(err, "slug"))
	}
	return nil
}
