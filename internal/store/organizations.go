package store

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"twincities/internal/content"
)

var organizationColumns = `o.id, o.slug, o.kind, o.scope, o.name_ru, o.name_en, o.short_name_ru, o.short_name_en,
	o.since_date, o.since_precision, o.role_ru, o.role_en, o.description_ru, o.description_en, o.website, o.sources,
	o.published, o.editor_note, o.sort_order, o.version, o.deleted_at, o.created_at, o.updated_at, ` +
	pictureColumns("o")

var organizationFrom = `organizations o` + pictureJoin("o")

type organizationRow struct {
	ID             int64            `db:"id"`
	Slug           string           `db:"slug"`
	Kind           string           `db:"kind"`
	Scope          string           `db:"scope"`
	NameRU         string           `db:"name_ru"`
	NameEN         string           `db:"name_en"`
	ShortNameRU    string           `db:"short_name_ru"`
	ShortNameEN    string           `db:"short_name_en"`
	SinceDate      *time.Time       `db:"since_date"`
	SincePrecision *string          `db:"since_precision"`
	RoleRU         string           `db:"role_ru"`
	RoleEN         string           `db:"role_en"`
	DescriptionRU  string           `db:"description_ru"`
	DescriptionEN  string           `db:"description_en"`
	Website        string           `db:"website"`
	Sources        []content.Source `db:"sources"`
	Published      bool             `db:"published"`
	EditorNote     string           `db:"editor_note"`
	SortOrder      int              `db:"sort_order"`
	Version        int              `db:"version"`
	DeletedAt      *time.Time       `db:"deleted_at"`
	CreatedAt      time.Time        `db:"created_at"`
	UpdatedAt      time.Time        `db:"updated_at"`
	pictureRow
}

func (r organizationRow) organization() content.Organization {
	return content.Organization{
		ID: r.ID, Slug: r.Slug, Kind: content.OrgKind(r.Kind), Scope: content.Scope(r.Scope),
		Name:        content.Text{RU: r.NameRU, EN: r.NameEN},
		ShortName:   content.Text{RU: r.ShortNameRU, EN: r.ShortNameEN},
		MemberSince: dateFrom(r.SinceDate, r.SincePrecision),
		Role:        content.Text{RU: r.RoleRU, EN: r.RoleEN},
		Description: content.Text{RU: r.DescriptionRU, EN: r.DescriptionEN},
		Website:     r.Website, Sources: r.Sources, Published: r.Published,
		EditorNote: r.EditorNote, SortOrder: r.SortOrder,
		Picture: r.picture(), Version: r.Version, DeletedAt: r.DeletedAt,
		CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt,
	}
}

func collectOrganizations(rows pgx.Rows, err error) ([]content.Organization, error) {
	return collect(rows, err, organizationRow.organization)
}

// ListOrganizations returns the organisations f selects, in the order the memberships page
// groups them.
func ListOrganizations(ctx context.Context, db DBTX, f Filter) ([]content.Organization, error) {
	where, args := f.where("o", []string{"name_ru", "name_en", "short_name_ru", "short_name_en"}, nil)
	orgs, err := collectOrganizations(db.Query(ctx, `SELECT `+organizationColumns+` FROM `+organizationFrom+`
		WHERE `+where+`
		ORDER BY o.kind DESC, CASE o.scope WHEN 'international' THEN 0 WHEN 'national' THEN 1 ELSE 2 END,
			o.sort_order, o.name_en, o.id`, args...))
	if err != nil {
		return nil, fmt.Errorf("store: list organizations: %w", err)
	}
	return orgs, nil
}

// OrganizationBySlug returns one organisation not in the trash; with publishedOnly a draft is
// ErrNotFound.
func OrganizationBySlug(ctx context.Context, db DBTX, slug string, publishedOnly bool) (content.Organization, error) {
	found, err := only(collectOrganizations(db.Query(ctx, `SELECT `+organizationColumns+` FROM `+organizationFrom+`
		WHERE o.slug = $1 AND o.deleted_at IS NULL AND (o.published OR NOT $2)`, slug, publishedOnly)))
	if err != nil {
		return content.Organization{}, fmt.Errorf("store: organization %s: %w", slug, err)
	}
	return found, nil
}

func organizationByID(ctx context.Context, db DBTX, id int64, lock bool) (content.Organization, error) {
	sql := `SELECT ` + organizationColumns + ` FROM ` + organizationFrom + ` WHERE o.id = $1`
	if lock {
		sql += ` FOR UPDATE OF o`
	}
	found, err := only(collectOrganizations(db.Query(ctx, sql, id)))
	if err != nil {
		return content.Organization{}, fmt.Errorf("store: organization %d: %w", id, err)
	}
	return found, nil
}

const organizationEditable = `slug, kind, scope, name_ru, name_en, short_name_ru, short_name_en,
	since_date, since_precision, role_ru, role_en, description_ru, description_en, website, sources,
	published, editor_note, sort_order, image_id, image_alt_ru, image_alt_en, image_credit`

func organizationValues(o *content.Organization) []any {
	sinceDate, sincePrec := dateArgs(o.MemberSince)
	imageID, altRU, altEN, credit := pictureArgs(o.Picture)
	return []any{o.Slug, string(o.Kind), string(o.Scope), o.Name.RU, o.Name.EN, o.ShortName.RU, o.ShortName.EN,
		sinceDate, sincePrec, o.Role.RU, o.Role.EN, o.Description.RU, o.Description.EN, o.Website,
		sourcesArg(o.Sources), o.Published, o.EditorNote, o.SortOrder, imageID, altRU, altEN, credit}
}

// InsertOrganization stores a new organisation as version 1, without history (see Organizations.Create).
func InsertOrganization(ctx context.Context, db DBTX, o *content.Organization) error {
	err := db.QueryRow(ctx, `INSERT INTO organizations (`+organizationEditable+`)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22)
		RETURNING id, version, created_at, updated_at`, organizationValues(o)...,
	).Scan(&o.ID, &o.Version, &o.CreatedAt, &o.UpdatedAt)
	if err != nil {
		return fmt.Errorf("store: insert organization %s: %w", o.Slug, uniqueViolation(err, "slug"))
	}
	return nil
}

func updateOrganization(ctx context.Context, db DBTX, o *content.Organization) error {
	err := db.QueryRow(ctx, `UPDATE organizations SET (`+organizationEditable+`) =
		($2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23),
		version = version + 1, updated_at = now()
		WHERE id = $1 RETURNING version, updated_at`, append([]any{o.ID}, organizationValues(o)...)...,
	).Scan(&o.Version, &o.UpdatedAt)
	if err != nil {
		return fmt.Errorf("store: update organization %d: %w", o.ID, uniqueViolation(err, "slug"))
	}
	return nil
}
