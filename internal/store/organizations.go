package store

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"twincities/internal/content"
)

const organizationColumns = `id, slug, kind, scope, name_ru, name_en, short_name_ru, short_name_en,
	since_date, since_precision, role_ru, role_en, description_ru, description_en, website, sources,
	published, editor_note, sort_order, created_at, updated_at`

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
	CreatedAt      time.Time        `db:"created_at"`
	UpdatedAt      time.Time        `db:"updated_at"`
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
		CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt,
	}
}

// ListOrganizations returns the organisations, public ones only when publishedOnly, in the order
// the memberships page groups them.
func ListOrganizations(ctx context.Context, db DBTX, publishedOnly bool) ([]content.Organization, error) {
	rows, err := db.Query(ctx, `SELECT `+organizationColumns+` FROM organizations
		WHERE published OR NOT $1
		ORDER BY kind DESC, CASE scope WHEN 'international' THEN 0 WHEN 'national' THEN 1 ELSE 2 END,
			sort_order, name_en, id`, publishedOnly)
	if err != nil {
		return nil, fmt.Errorf("store: list organizations: %w", err)
	}
	got, err := pgx.CollectRows(rows, pgx.RowToStructByName[organizationRow])
	if err != nil {
		return nil, fmt.Errorf("store: list organizations: %w", err)
	}
	orgs := make([]content.Organization, len(got))
	for i, r := range got {
		orgs[i] = r.organization()
	}
	return orgs, nil
}

// OrganizationBySlug returns one organisation; with publishedOnly a draft is ErrNotFound.
func OrganizationBySlug(ctx context.Context, db DBTX, slug string, publishedOnly bool) (content.Organization, error) {
	rows, err := db.Query(ctx, `SELECT `+organizationColumns+` FROM organizations
		WHERE slug = $1 AND (published OR NOT $2)`, slug, publishedOnly)
	if err != nil {
		return content.Organization{}, fmt.Errorf("store: organization %s: %w", slug, err)
	}
	r, err := pgx.CollectExactlyOneRow(rows, pgx.RowToStructByName[organizationRow])
	if err != nil {
		return content.Organization{}, fmt.Errorf("store: organization %s: %w", slug, notFound(err))
	}
	return r.organization(), nil
}

// InsertOrganization stores a new organisation and sets its ID and times.
func InsertOrganization(ctx context.Context, db DBTX, o *content.Organization) error {
	sinceDate, sincePrec := dateArgs(o.MemberSince)
	err := db.QueryRow(ctx, `INSERT INTO organizations (slug, kind, scope, name_ru, name_en,
			short_name_ru, short_name_en, since_date, since_precision, role_ru, role_en,
			description_ru, description_en, website, sources, published, editor_note, sort_order)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
		RETURNING id, created_at, updated_at`,
		o.Slug, string(o.Kind), string(o.Scope), o.Name.RU, o.Name.EN, o.ShortName.RU, o.ShortName.EN,
		sinceDate, sincePrec, o.Role.RU, o.Role.EN, o.Description.RU, o.Description.EN, o.Website,
		sourcesArg(o.Sources), o.Published, o.EditorNote, o.SortOrder,
	).Scan(&o.ID, &o.CreatedAt, &o.UpdatedAt)
	if err != nil {
		return fmt.Errorf("store: insert organization %s: %w", o.Slug, uniqueViolation(err, "slug"))
	}
	return nil
}
