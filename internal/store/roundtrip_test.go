package store_test

import (
	"context"
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/jackc/pgx/v5/pgxpool"

	"twincities/internal/content"
	"twincities/internal/content/contenttest"
	"twincities/internal/postgres/pgtest"
	"twincities/internal/store"
)

// The round trips store an entry with every field filled (contenttest fills a field added later
// too), read it back every way the site reads it, and compare it whole: a column left out of a
// column list, or read into the wrong field, shows as a difference naming the field. Then the
// same after an update to a second, different set of values, so a column INSERT writes but UPDATE
// does not is caught too; and, for the kinds with a trash, after a delete, which only the
// database's deleted_at says.

// sameInstant compares times as instants: the database hands them back in another location.
var sameInstant = cmp.Comparer(func(a, b time.Time) bool { return a.Equal(b) })

// read is one way the site reads an entry back, given the entry stored.
type read[T content.Entry] struct {
	name string
	fn   func(ctx context.Context, db store.DBTX, stored T) (T, error)
}

// roundTrip stores first with w, checks it reads back the same every way, then updates it to
// second (whose ID and creation time it sets) and checks again, then deletes it if it can and
// checks once more.
func roundTrip[T content.Entry](t *testing.T, db *pgxpool.Pool, w store.Workflow[T], first, second T, reads ...read[T]) {
	t.Helper()
	ctx := context.Background()
	reads = append([]read[T]{{"Get", func(ctx context.Context, db store.DBTX, e T) (T, error) {
		return w.Get(ctx, db, e.EntryID())
	}}}, reads...)
	check := func(when string, want T) {
		t.Helper()
		if lost := contenttest.Unfilled(want); len(lost) > 0 {
			t.Fatalf("%s: the entry to compare with has empty fields %v: fill them", when, lost)
		}
		for _, r := range reads {
			got, err := r.fn(ctx, db, want)
			if err != nil {
				t.Fatalf("%s, read by %s: %v", when, r.name, err)
			}
			if diff := cmp.Diff(want, got, sameInstant); diff != "" {
				t.Errorf("%s, read by %s: what was stored (-) differs from what was read (+):\n%s", when, r.name, diff)
			}
		}
	}

	if err := w.Create(ctx, db, &first, store.SystemActor); err != nil {
		t.Fatalf("create: %v", err)
	}
	if first.EntryID() == 0 || first.CurrentVersion() != 1 {
		t.Fatalf("create did not set the ID and version: %+v", first)
	}
	check("after create", first)

	setField(&second, "ID", first.EntryID())
	setField(&second, "CreatedAt", fieldOf(first, "CreatedAt"))
	if err := w.Update(ctx, db, &second, first.CurrentVersion(), store.SystemActor); err != nil {
		t.Fatalf("update: %v", err)
	}
	if second.CurrentVersion() != 2 {
		t.Fatalf("update did not raise the version: %d", second.CurrentVersion())
	}
	check("after update", second)

	if _, trash := reflect.TypeFor[T]().FieldByName("DeletedAt"); !trash {
		return // pages cannot be deleted
	}
	if err := w.Delete(ctx, db, second.EntryID(), store.SystemActor); err != nil {
		t.Fatalf("delete: %v", err)
	}
	deleted, err := w.Get(ctx, db, second.EntryID())
	if err != nil {
		t.Fatal(err)
	}
	when, _ := fieldOf(deleted, "DeletedAt").(*time.Time)
	if when == nil {
		t.Fatal("after delete the entry reads back with no DeletedAt")
	}
	setField(&second, "DeletedAt", when)
	setField(&second, "Version", deleted.CurrentVersion())
	setField(&second, "UpdatedAt", fieldOf(deleted, "UpdatedAt"))
	reads = reads[:1] // the public reads leave out what is in the trash
	check("after delete", second)
}

// setField sets the field name of *e, one of the fields the database gives an entry.
func setField[T any](e *T, name string, value any) {
	reflect.ValueOf(e).Elem().FieldByName(name).Set(reflect.ValueOf(value))
}

func fieldOf[T any](e T, name string) any { return reflect.ValueOf(e).FieldByName(name).Interface() }

// storedPicture stores an image, distinct for each n, and returns the picture contenttest makes
// for it with the sizes the store will read back.
func storedPicture(tb testing.TB, db store.DBTX, n int) *content.Picture {
	tb.Helper()
	file := func(i, width int) store.ImageData {
		return store.ImageData{Hash: fmt.Sprintf("%064x", 2*n+i), ContentType: "image/png",
			Width: width + n, Height: width/2 + n, Data: []byte{byte(n), byte(i)}}
	}
	img, err := store.SaveImage(context.Background(), db, store.StoredImage{Display: file(0, 1200), Thumb: file(1, 400)})
	if err != nil {
		tb.Fatal(err)
	}
	p := contenttest.Picture(img.ImageID, n)
	p.Display, p.Thumb = img.Display, img.Thumb
	return p
}

// storedPhoto stores an image, distinct for each n, and returns the gallery photo contenttest
// makes for it with the sizes the store will read back.
func storedPhoto(tb testing.TB, db store.DBTX, n int) content.Photo {
	tb.Helper()
	p := storedPicture(tb, db, n)
	photo := contenttest.Photo(p.ImageID, n)
	photo.Display, photo.Thumb = p.Display, p.Thumb
	return photo
}

// storedCityID stores a city, distinct for each n, for an award or event to concern.
func storedCityID(tb testing.TB, db store.TxBeginner, n int) *int64 {
	tb.Helper()
	c := contenttest.City(content.Twin, 900+n)
	if err := store.Cities.Create(context.Background(), db, &c, store.SystemActor); err != nil {
		tb.Fatal(err)
	}
	return &c.ID
}

// listed finds the entry with id in a list read.
func listed[T content.Entry](id int64) func([]T, error) (T, error) {
	return func(list []T, err error) (T, error) {
		var zero T
		if err != nil {
			return zero, err
		}
		for _, e := range list {
			if e.EntryID() == id {
				return e, nil
			}
		}
		return zero, fmt.Errorf("entry %d is not in the list of %d", id, len(list))
	}
}

func TestCityRoundTrip(t *testing.T) {
	t.Parallel()
	for _, kind := range []content.CityKind{content.Twin, content.Partner} {
		t.Run(string(kind), func(t *testing.T) {
			t.Parallel()
			db := pgtest.EmptyDB(t)
			first, second := contenttest.City(kind, 1), contenttest.City(kind, 2)
			first.Picture, second.Picture = storedPicture(t, db, 1), storedPicture(t, db, 2)
			// Two photos, then three in another order with one of the first kept: the update
			// must replace the gallery, not add to it.
			first.Gallery = []content.Photo{storedPhoto(t, db, 3), storedPhoto(t, db, 4)}
			second.Gallery = []content.Photo{storedPhoto(t, db, 5), first.Gallery[1], storedPhoto(t, db, 6)}
			roundTrip(t, db, store.Cities, first, second,
				read[content.City]{"slug", func(ctx context.Context, db store.DBTX, c content.City) (content.City, error) {
					return store.CityBySlug(ctx, db, c.Kind, c.Slug, true)
				}},
				read[content.City]{"list", func(ctx context.Context, db store.DBTX, c content.City) (content.City, error) {
					return listed[content.City](c.ID)(store.ListCities(ctx, db, store.CityQuery{Kind: c.Kind, Filter: store.Public}))
				}},
			)
		})
	}
}

func TestOrganizationRoundTrip(t *testing.T) {
	t.Parallel()
	db := pgtest.EmptyDB(t)
	first, second := contenttest.Organization(1), contenttest.Organization(2)
	first.Picture, second.Picture = storedPicture(t, db, 1), storedPicture(t, db, 2)
	roundTrip(t, db, store.Organizations, first, second,
		read[content.Organization]{"slug", func(ctx context.Context, db store.DBTX, o content.Organization) (content.Organization, error) {
			return store.OrganizationBySlug(ctx, db, o.Slug, true)
		}},
		read[content.Organization]{"list", func(ctx context.Context, db store.DBTX, o content.Organization) (content.Organization, error) {
			return listed[content.Organization](o.ID)(store.ListOrganizations(ctx, db, store.Public))
		}},
	)
}

func TestPlaceRoundTrip(t *testing.T) {
	t.Parallel()
	db := pgtest.EmptyDB(t)
	roundTrip(t, db, store.Places, contenttest.Place(1), contenttest.Place(2),
		read[content.Place]{"slug", func(ctx context.Context, db store.DBTX, p content.Place) (content.Place, error) {
			return store.PlaceBySlug(ctx, db, p.Slug, true)
		}},
		read[content.Place]{"list", func(ctx context.Context, db store.DBTX, p content.Place) (content.Place, error) {
			return listed[content.Place](p.ID)(store.ListPlaces(ctx, db, store.Public))
		}},
	)
}

func TestAwardRoundTrip(t *testing.T) {
	t.Parallel()
	db := pgtest.EmptyDB(t)
	first, second := contenttest.Award(1), contenttest.Award(2)
	first.Picture, second.Picture = storedPicture(t, db, 1), storedPicture(t, db, 2)
	first.CityID, second.CityID = storedCityID(t, db, 1), storedCityID(t, db, 2)
	roundTrip(t, db, store.Awards, first, second,
		read[content.Award]{"list", func(ctx context.Context, db store.DBTX, a content.Award) (content.Award, error) {
			return listed[content.Award](a.ID)(store.ListAwards(ctx, db, store.AwardQuery{CityID: *a.CityID, Filter: store.Public}))
		}},
	)
}

func TestEventRoundTrip(t *testing.T) {
	t.Parallel()
	db := pgtest.EmptyDB(t)
	first, second := contenttest.Event(1), contenttest.Event(2)
	first.CityID, second.CityID = storedCityID(t, db, 1), storedCityID(t, db, 2)
	first.Picture, second.Picture = storedPicture(t, db, 1), storedPicture(t, db, 2)
	roundTrip(t, db, store.Events, first, second,
		read[content.Event]{"list", func(ctx context.Context, db store.DBTX, e content.Event) (content.Event, error) {
			return listed[content.Event](e.ID)(store.ListEvents(ctx, db, store.EventQuery{CityID: *e.CityID, Filter: store.Public}))
		}},
	)
}

func TestPageRoundTrip(t *testing.T) {
	t.Parallel()
	roundTrip(t, pgtest.EmptyDB(t), store.Pages, contenttest.Page(1), contenttest.Page(2),
		read[content.Page]{"key", func(ctx context.Context, db store.DBTX, p content.Page) (content.Page, error) {
			return store.PageByKey(ctx, db, p.Key)
		}},
		read[content.Page]{"list", func(ctx context.Context, db store.DBTX, p content.Page) (content.Page, error) {
			return listed[content.Page](p.ID)(store.ListPages(ctx, db))
		}},
	)
}
