package store_test

import (
	"context"
	"errors"
	"reflect"
	"slices"
	"testing"
	"time"

	"twincities/internal/content"
	"twincities/internal/postgres/pgtest"
	"twincities/internal/store"
)

func newOrganization(slug string, kind content.OrgKind, scope content.Scope, published bool) content.Organization {
	return content.Organization{
		Slug: slug, Kind: kind, Scope: scope, Published: published,
		Name:    content.Text{RU: "Организация " + slug, EN: "Organisation " + slug},
		Sources: []content.Source{{Title: "A source", URL: "https://example.org/" + slug}},
	}
}

func insertOrganizations(tb testing.TB, db store.DBTX, orgs ...content.Organization) {
	tb.Helper()
	for i := range orgs {
		if err := store.InsertOrganization(context.Background(), db, &orgs[i]); err != nil {
			tb.Fatal(err)
		}
	}
}

func orgSlugs(orgs []content.Organization) []string {
	out := make([]string, len(orgs))
	for i, o := range orgs {
		out[i] = o.Slug
	}
	return out
}

func TestInsertAndReadOrganizationRoundTrip(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), pgtest.EmptyDB(t)
	for _, since := range []content.Date{
		content.DayDate(2018, time.June, 14),
		content.MonthDate(2011, time.September),
		content.YearDate(2005),
		{}, // not known
	} {
		in := content.Organization{
			Slug: "org-" + string(since.Precision) + "x", Kind: content.Association, Scope: content.Interregional,
			Name:        content.Text{RU: "Ассоциация «Города Урала»", EN: "Association \u201cCities of the Urals\u201d"},
			ShortName:   content.Text{RU: "ГУ", EN: "CU"},
			MemberSince: since,
			Role:        content.Text{RU: "Вице-президент", EN: "Vice-president"},
			Description: content.Text{RU: "Описание **жирным**", EN: "A *description*"},
			Website:     "https://example.org/urals",
			Sources: []content.Source{
				{Title: "A newspaper in print"},
				{Title: "A page", URL: "http://example.org/a%20b?c=d#e"},
			},
			Published:  true,
			EditorNote: "for staff",
			SortOrder:  -3,
		}
		if err := store.InsertOrganization(ctx, db, &in); err != nil {
			t.Fatal(err)
		}
		if in.ID == 0 {
			t.Fatalf("insert did not set the ID: %+v", in)
		}
		got, err := store.OrganizationBySlug(ctx, db, in.Slug, true)
		if err != nil {
			t.Fatal(err)
		}
		alignTimes(t, &got.CreatedAt, &got.UpdatedAt, in.CreatedAt, in.UpdatedAt)
		if !reflect.DeepEqual(got, in) {
			t.Errorf("member since %#v: read back\n%+v\nwant\n%+v", since, got, in)
		}
		if got.MemberSince.Precision != since.Precision || got.MemberSince.String() != since.String() {
			t.Errorf("member since read back as %#v, want %#v", got.MemberSince, since)
		}
	}
}

func TestOrganizationBySlugHidesDrafts(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), pgtest.EmptyDB(t)
	insertOrganizations(t, db,
		newOrganization("eurocities", content.Union, content.International, false),
		newOrganization("uclg-eurasia", content.Union, content.International, true),
	)
	if _, err := store.OrganizationBySlug(ctx, db, "eurocities", true); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("public lookup of a draft: err = %v, want ErrNotFound", err)
	}
	draft, err := store.OrganizationBySlug(ctx, db, "eurocities", false)
	if err != nil || draft.Slug != "eurocities" || draft.Published {
		t.Errorf("staff lookup of a draft = %+v, %v; want the draft", draft, err)
	}
	if _, err := store.OrganizationBySlug(ctx, db, "uclg-eurasia", true); err != nil {
		t.Errorf("public lookup of a published organisation: %v", err)
	}
	for _, publishedOnly := range []bool{true, false} {
		if _, err := store.OrganizationBySlug(ctx, db, "no-such-org", publishedOnly); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("unknown slug (publishedOnly %v): err = %v, want ErrNotFound", publishedOnly, err)
		}
	}
}

func TestListOrganizationsGroupsByKindThenScope(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), pgtest.EmptyDB(t)
	// Inserted out of order, so that the order read back comes from the query.
	b := newOrganization("b-interregional-association", content.Association, content.Interregional, true)
	sorted := newOrganization("z-international-union-first", content.Union, content.International, true)
	sorted.SortOrder = -1 // staff's order comes before the name within a group
	insertOrganizations(t, db,
		b,
		newOrganization("national-union", content.Union, content.National, true),
		newOrganization("a-interregional-association", content.Association, content.Interregional, true),
		newOrganization("draft-union", content.Union, content.International, false),
		newOrganization("interregional-union", content.Union, content.Interregional, true),
		newOrganization("international-association", content.Association, content.International, true),
		newOrganization("a-international-union", content.Union, content.International, true),
		sorted,
		newOrganization("national-association", content.Association, content.National, true),
	)
	public, err := store.ListOrganizations(ctx, db, store.Public)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"z-international-union-first", "a-international-union", "national-union", "interregional-union",
		"international-association", "national-association", "a-interregional-association", "b-interregional-association",
	}
	if got := orgSlugs(public); !slices.Equal(got, want) {
		t.Errorf("public organisations =\n%v\nwant\n%v", got, want)
	}
	all, err := store.ListOrganizations(ctx, db, store.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if got := orgSlugs(all); len(got) != len(want)+1 || !slices.Contains(got, "draft-union") {
		t.Errorf("all organisations = %v, want the published ones and draft-union", got)
	}
}

func TestInsertOrganizationTakenSlugIsValidationError(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), pgtest.EmptyDB(t)
	insertOrganizations(t, db, newOrganization("mag", content.Union, content.International, true))
	again := newOrganization("mag", content.Association, content.National, false)
	err := store.InsertOrganization(ctx, db, &again)
	if v := content.AsValidation(err); v == nil || v.For("slug") != content.ProblemTaken {
		t.Fatalf("second organisation with the same slug: err = %v, want a validation error on slug", err)
	}
}
