package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"twincities/internal/content"
	"twincities/internal/postgres/pgtest"
	"twincities/internal/store"
)

func newCity(kind content.CityKind, slug string, published bool) content.City {
	return content.City{
		Kind: kind, Slug: slug, Country: "DE", Status: content.Active, Published: published,
		Name:  content.Text{RU: "Город " + slug, EN: "City " + slug},
		Since: content.MonthDate(2006, time.November),
		Sources: []content.Source{
			{Title: "A newspaper"},
			{Title: "A page", URL: "https://example.org/a"},
		},
		Location: &content.GeoPoint{Lat: 51.43, Lon: 6.76},
	}
}

func TestInsertAndReadCityRoundTrip(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), pgtest.EmptyDB(t)
	in := newCity(content.Twin, "duisburg", true)
	in.Region = content.Text{RU: "Северный Рейн — Вестфалия", EN: "North Rhine-Westphalia"}
	in.Status, in.StatusDate = content.Suspended, content.YearDate(2022)
	in.StatusNote = content.Text{RU: "Заметка", EN: "Note"}
	in.EditorNote = "staff only"
	if err := store.InsertCity(ctx, db, &in); err != nil {
		t.Fatal(err)
	}
	if in.ID == 0 || in.CreatedAt.IsZero() {
		t.Fatalf("insert did not set ID and times: %+v", in)
	}
	got, err := store.CityBySlug(ctx, db, content.Twin, "duisburg", true)
	if err != nil {
		t.Fatal(err)
	}
	if got.Name != in.Name || got.Region != in.Region || got.Since != in.Since || got.StatusDate != in.StatusDate ||
		got.Status != in.Status || got.StatusNote != in.StatusNote || got.EditorNote != in.EditorNote ||
		*got.Location != *in.Location || len(got.Sources) != 2 || got.Sources[1] != in.Sources[1] {
		t.Errorf("read back\n%+v\nwant\n%+v", got, in)
	}
	if got.Since.Precision != content.Month {
		t.Errorf("precision lost: %v", got.Since.Precision)
	}
}

func TestListCitiesPublishedOnly(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), pgtest.EmptyDB(t)
	for _, c := range []content.City{
		newCity(content.Twin, "published-twin", true),
		newCity(content.Twin, "draft-twin", false),
		newCity(content.Partner, "published-partner", true),
	} {
		if err := store.InsertCity(ctx, db, &c); err != nil {
			t.Fatal(err)
		}
	}
	public, err := store.ListCities(ctx, db, store.CityQuery{Kind: content.Twin, Filter: store.Public})
	if err != nil {
		t.Fatal(err)
	}
	if len(public) != 1 || public[0].Slug != "published-twin" {
		t.Errorf("public twin cities = %v, want only published-twin", slugs(public))
	}
	all, err := store.ListCities(ctx, db, store.CityQuery{Kind: content.Twin})
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 2 {
		t.Errorf("all twin cities = %v, want 2", slugs(all))
	}
	if _, err := store.CityBySlug(ctx, db, content.Twin, "draft-twin", true); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("public lookup of a draft: err = %v, want ErrNotFound", err)
	}
	if _, err := store.CityBySlug(ctx, db, content.Partner, "published-twin", true); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("lookup under the wrong kind: err = %v, want ErrNotFound", err)
	}
}

func TestInsertCityTakenSlugIsValidationError(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), pgtest.EmptyDB(t)
	a, b := newCity(content.Twin, "oxford", true), newCity(content.Twin, "oxford", false)
	if err := store.InsertCity(ctx, db, &a); err != nil {
		t.Fatal(err)
	}
	err := store.InsertCity(ctx, db, &b)
	if v := content.AsValidation(err); v == nil || v.For("slug") != content.ProblemTaken {
		t.Fatalf("second city with the same slug: err = %v, want a validation error on slug", err)
	}
	// The same slug under the other kind is a different page, so it is allowed.
	c := newCity(content.Partner, "oxford", true)
	if err := store.InsertCity(ctx, db, &c); err != nil {
		t.Errorf("same slug, other kind: %v", err)
	}
}

func slugs(cities []content.City) []string {
	out := make([]string, len(cities))
	for i, c := range cities {
		out[i] = c.Slug
	}
	return out
}
