package store_test

import (
	"context"
	"errors"
	"reflect"
	"testing"

	"twincities/internal/content"
	"twincities/internal/postgres/pgtest"
	"twincities/internal/store"
)

func TestInsertAndReadPageRoundTrip(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), pgtest.EmptyDB(t)
	in := content.Page{
		Key:   content.About,
		Title: content.Text{RU: "О сайте", EN: "About"},
		Body:  content.Text{RU: "Первый абзац.\n\nВторой **абзац**.", EN: "First paragraph.\n\nSecond *paragraph*."},
	}
	if err := store.InsertPage(ctx, db, &in); err != nil {
		t.Fatal(err)
	}
	got, err := store.PageByKey(ctx, db, content.About)
	if err != nil {
		t.Fatal(err)
	}
	alignTimes(t, &got.CreatedAt, &got.UpdatedAt, in.CreatedAt, in.UpdatedAt)
	if !reflect.DeepEqual(got, in) {
		t.Errorf("read back\n%+v\nwant\n%+v", got, in)
	}
}

func TestPageByKeyMissingIsNotFound(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), pgtest.EmptyDB(t)
	about := content.Page{Key: content.About, Title: content.Text{RU: "О сайте", EN: "About"}}
	if err := store.InsertPage(ctx, db, &about); err != nil {
		t.Fatal(err)
	}
	for _, key := range []content.PageKey{content.Contacts, "no-such-page"} {
		if _, err := store.PageByKey(ctx, db, key); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("page %q: err = %v, want ErrNotFound", key, err)
		}
	}
}

func TestInsertPageTakenKeyIsValidationError(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), pgtest.EmptyDB(t)
	first := content.Page{Key: content.Contacts, Title: content.Text{RU: "Контакты", EN: "Contacts"}}
	if err := store.InsertPage(ctx, db, &first); err != nil {
		t.Fatal(err)
	}
	second := content.Page{Key: content.Contacts, Title: content.Text{RU: "Ещё", EN: "Again"}}
	err := store.InsertPage(ctx, db, &second)
	if v := content.AsValidation(err); v == nil || v.For("key") != content.ProblemTaken {
		t.Fatalf("second page with the same key: err = %v, want a validation error on key", err)
	}
	got, err := store.PageByKey(ctx, db, content.Contacts)
	if err != nil || got.Title != first.Title {
		t.Errorf("page after the failed insert = %+v, %v; want the first one", got, err)
	}
}
