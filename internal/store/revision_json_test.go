package store_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"twincities/internal/content"
	"twincities/internal/postgres/pgtest"
	"twincities/internal/store"
)

// decodeLike decodes a stored revision into the concrete type of want.
func decodeLike(want content.Entry, data []byte) (content.Entry, error) {
	switch want.(type) {
	case content.City:
		return store.DecodeRevision[content.City](data)
	case content.Organization:
		return store.DecodeRevision[content.Organization](data)
	case content.Award:
		return store.DecodeRevision[content.Award](data)
	case content.Event:
		return store.DecodeRevision[content.Event](data)
	case content.Page:
		return store.DecodeRevision[content.Page](data)
	}
	panic("no decoder for " + want.Entity())
}

func readShape1(tb testing.TB, file string) []byte {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "revisions", "v1", file))
	if err != nil {
		tb.Fatal(err)
	}
	return data
}

// Every revision of shape 1 that production databases hold decodes to the entry it was made from,
// whole: a field whose shape 1 key is not translated to its tag comes back empty and shows here.
func TestDecodeShape1Fixtures(t *testing.T) {
	t.Parallel()
	for _, f := range shape1Fixtures() {
		got, err := decodeLike(f.want, readShape1(t, f.file))
		if err != nil {
			t.Errorf("%s: %v", f.file, err)
			continue
		}
		if diff := cmp.Diff(f.want, got); diff != "" {
			t.Errorf("%s decoded (-want +got):\n%s", f.file, diff)
		}
	}
}

// What encodeRevision writes is the envelope of the current shape, and decodes to the same entry.
func TestRevisionRoundTrip(t *testing.T) {
	t.Parallel()
	for _, f := range shape1Fixtures() {
		var data []byte
		var err error
		switch e := f.want.(type) {
		case content.City:
			data, err = store.EncodeRevision(e)
		case content.Organization:
			data, err = store.EncodeRevision(e)
		case content.Award:
			data, err = store.EncodeRevision(e)
		case content.Event:
			data, err = store.EncodeRevision(e)
		case content.Page:
			data, err = store.EncodeRevision(e)
		}
		if err != nil {
			t.Fatalf("%s: %v", f.want.Entity(), err)
		}
		var top map[string]json.RawMessage
		if err := json.Unmarshal(data, &top); err != nil {
			t.Fatal(err)
		}
		if len(top) != 2 || string(top["shape"]) != "2" || top["entry"] == nil {
			t.Errorf("%s: revision %s, want {\"shape\": 2, \"entry\": {...}}", f.want.Entity(), data)
		}
		got, err := decodeLike(f.want, data)
		if err != nil {
			t.Errorf("%s: %v", f.want.Entity(), err)
			continue
		}
		if diff := cmp.Diff(f.want, got); diff != "" {
			t.Errorf("%s round trip (-want +got):\n%s", f.want.Entity(), diff)
		}
	}
}

// A revision of a shape this version does not know (a newer version wrote it) is refused, named,
// rather than read as something it is not; so is one that is no revision at all.
func TestDecodeRevisionRefuses(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ data, want string }{
		{`{"shape": 3, "entry": {"id": 3}}`, "shape 3"},
		{`{"shape": 0, "entry": {"id": 3}}`, "shape 0"},
		{`{"shape": "2", "entry": {"id": 3}}`, `shape "2"`},
		{`{"shape": 2}`, "no entry"},
		{`null`, "null"},
		{`[{"ID": 3}]`, "not a JSON object"},
		{`{"ID": "three"}`, "shape 1"},
	} {
		_, err := store.DecodeRevision[content.City]([]byte(c.data))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("DecodeRevision(%s) = %v, want an error naming %s", c.data, err, c.want)
		}
	}
}

// The history reads a revision of shape 1, as production databases hold them, through the same
// path as any other: the history page shows it, the conflict page compares with it, and Revert
// saves it again (as a revision of the current shape).
func TestRevisionOfShape1ThroughTheDatabase(t *testing.T) {
	t.Parallel()
	setCity := func(id *int64, cityID int64) {
		if id != nil {
			*id = cityID
		}
	}
	setPicture := func(p *content.Picture, imageID int64) {
		if p != nil {
			p.ImageID = imageID
		}
	}
	t.Run("city", func(t *testing.T) {
		t.Parallel()
		checkShape1Revision(t, store.Cities, "city.json", cityV1(), func(c *content.City, ref refs) {
			c.ID, c.Version = ref.id, ref.version
			setPicture(c.Picture, ref.imageID)
		}, func(c *content.City) { c.Name.EN, c.StatusDate = "Duisburg (edited)", content.YearDate(2023) })
	})
	t.Run("organization", func(t *testing.T) {
		t.Parallel()
		checkShape1Revision(t, store.Organizations, "organization.json", organizationV1(), func(o *content.Organization, ref refs) {
			o.ID, o.Version = ref.id, ref.version
			setPicture(o.Picture, ref.imageID)
		}, func(o *content.Organization) { o.ShortName.EN, o.MemberSince = "UCLG", content.YearDate(2005) })
	})
	t.Run("award", func(t *testing.T) {
		t.Parallel()
		checkShape1Revision(t, store.Awards, "award.json", awardV1(), func(a *content.Award, ref refs) {
			a.ID, a.Version = ref.id, ref.version
			a.CityID = ptr(*a.CityID)
			setCity(a.CityID, ref.cityID)
			setPicture(a.Picture, ref.imageID)
		}, func(a *content.Award) { a.AwardedBy.EN, a.CityID = "The Council of Europe", nil })
	})
	t.Run("event", func(t *testing.T) {
		t.Parallel()
		checkShape1Revision(t, store.Events, "event.json", eventV1(), func(e *content.Event, ref refs) {
			e.ID, e.Version = ref.id, ref.version
			e.CityID = ptr(*e.CityID)
			setCity(e.CityID, ref.cityID)
		}, func(e *content.Event) { e.Title.EN, e.EditorNote = "A delegation", "" })
	})
	t.Run("page", func(t *testing.T) {
		t.Parallel()
		checkShape1Revision(t, store.Pages, "page.json", pageV1(), func(p *content.Page, ref refs) {
			p.ID, p.Version = ref.id, ref.version
		}, func(p *content.Page) { p.Body.EN = "Edited." })
	})
}

// refs are the numbers an entry of a fixture takes in a test database.
type refs struct {
	id, cityID, imageID int64
	version             int
}

// checkShape1Revision creates the entry of a fixture in a new database and edits it (version 2),
// then replaces its revision 1 with the fixture's JSON of shape 1, its numbers set to the test
// database's, and reads it back the ways the site does.
func checkShape1Revision[T content.Entry](t *testing.T, w store.Workflow[T], file string, fixture T,
	setRefs func(e *T, ref refs), edit func(e *T)) {
	t.Helper()
	ctx, db := context.Background(), pgtest.EmptyDB(t)
	actor := store.SystemActor

	// What the fixture's entry points at: a city, an image with the fixture's files.
	partner := newCity(content.Partner, "kazan", true)
	if err := store.Cities.Create(ctx, db, &partner, actor); err != nil {
		t.Fatal(err)
	}
	pic, err := store.SaveImage(ctx, db, store.StoredImage{
		Display: store.ImageData{Hash: displayV1.Hash, ContentType: displayV1.ContentType,
			Width: displayV1.Width, Height: displayV1.Height, Data: []byte("test")},
		Thumb: store.ImageData{Hash: thumbV1.Hash, ContentType: thumbV1.ContentType,
			Width: thumbV1.Width, Height: thumbV1.Height, Data: []byte("test2")},
	})
	if err != nil {
		t.Fatal(err)
	}
	ref := refs{cityID: partner.ID, imageID: pic.ImageID}

	e := fixture
	setRefs(&e, ref)
	if err := w.Create(ctx, db, &e, actor); err != nil {
		t.Fatal(err)
	}
	ref.id = e.EntryID()
	cur, err := w.Get(ctx, db, ref.id)
	if err != nil {
		t.Fatal(err)
	}
	edit(&cur)
	if err := w.Update(ctx, db, &cur, 1, actor); err != nil {
		t.Fatal(err)
	}

	// Revision 1 as production databases have it: keyed by Go field names, with no envelope.
	var old map[string]any
	if err := json.Unmarshal(readShape1(t, file), &old); err != nil {
		t.Fatal(err)
	}
	old["ID"], old["Version"] = ref.id, 1
	if _, ok := old["CityID"]; ok {
		old["CityID"] = ref.cityID
	}
	if p, ok := old["Picture"].(map[string]any); ok {
		p["ImageID"] = ref.imageID
	}
	data, err := json.Marshal(old)
	if err != nil {
		t.Fatal(err)
	}
	if tag, err := db.Exec(ctx, `UPDATE revisions SET data = $3 WHERE entity = $1 AND entity_id = $2 AND version = 1`,
		string(w.Entity()), fmt.Sprint(ref.id), data); err != nil || tag.RowsAffected() != 1 {
		t.Fatalf("replace revision 1: %v, %d rows", err, tag.RowsAffected())
	}
	want := fixture
	ref.version = 1
	setRefs(&want, ref)

	// The history page.
	got, err := w.Revision(ctx, db, ref.id, 1)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("revision 1 (-want +got):\n%s", diff)
	}

	// The conflict page, for a save based on version 1.
	stale := cur
	err = w.Update(ctx, db, &stale, 1, actor)
	var conflict *store.ConflictError
	if !errors.As(err, &conflict) {
		t.Fatalf("a save based on version 1: %v, want a conflict", err)
	}
	if base, ok := conflict.Base.(T); !ok {
		t.Errorf("conflict base %#v, want revision 1", conflict.Base)
	} else if diff := cmp.Diff(want, base); diff != "" {
		t.Errorf("conflict base (-want +got):\n%s", diff)
	}

	// Revert, which saves revision 1 again as version 3, in the current shape.
	if _, err := w.Revert(ctx, db, ref.id, 1, 2, actor); err != nil {
		t.Fatal(err)
	}
	now, err := w.Get(ctx, db, ref.id)
	if err != nil {
		t.Fatal(err)
	}
	if now.CurrentVersion() != 3 {
		t.Errorf("after revert at version %d, want 3", now.CurrentVersion())
	}
	if diff := cmp.Diff(want.Fields(), now.Fields()); diff != "" {
		t.Errorf("after revert (-revision 1 +entry):\n%s", diff)
	}
	var shape int
	if err := db.QueryRow(ctx, `SELECT (data->>'shape')::int FROM revisions WHERE entity = $1 AND entity_id = $2 AND version = 3`,
		string(w.Entity()), fmt.Sprint(ref.id)).Scan(&shape); err != nil || shape != store.RevisionShape {
		t.Errorf("revision 3 of shape %d (%v), want %d", shape, err, store.RevisionShape)
	}
}

// Every field of the entry types, and of every type inside them, has a json tag of its own: a new
// field without one would be kept in revisions under its Go name, and lost from them the day that
// is renamed.
func TestEntryFieldsHaveJSONTags(t *testing.T) {
	t.Parallel()
	snake := regexp.MustCompile(`^[a-z][a-z0-9]*(_[a-z0-9]+)*$`)
	seen := map[reflect.Type]bool{}
	var check func(t reflect.Type, path string)
	check = func(typ reflect.Type, path string) {
		switch typ.Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Array, reflect.Map:
			check(typ.Elem(), path)
			return
		case reflect.Struct:
		default:
			return
		}
		// Types with their own JSON (time.Time) have no fields of ours.
		if seen[typ] || reflect.PointerTo(typ).Implements(reflect.TypeFor[json.Unmarshaler]()) {
			return
		}
		seen[typ] = true
		keys := map[string]string{}
		for i := range typ.NumField() {
			f := typ.Field(i)
			at := path + "." + f.Name
			if !f.IsExported() {
				t.Errorf("%s (%s) is unexported: revisions would not keep it", at, typ)
				continue
			}
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			switch {
			case name == "" || name == "-":
				t.Errorf("%s (%s) has no json tag naming it", at, typ)
			case !snake.MatchString(name):
				t.Errorf("%s (%s) is tagged %q, want snake_case", at, typ, name)
			case keys[strings.ToLower(name)] != "":
				// encoding/json matches keys without regard to case: two such keys are one.
				t.Errorf("%s (%s) is tagged %q like %s", at, typ, name, keys[strings.ToLower(name)])
			default:
				keys[strings.ToLower(name)] = f.Name
			}
			check(f.Type, at)
		}
	}
	for _, e := range []any{content.City{}, content.Organization{}, content.Award{}, content.Event{}, content.Page{}, content.Place{}} {
		typ := reflect.TypeOf(e)
		check(typ, typ.Name())
	}
	if !seen[reflect.TypeFor[content.ImageFile]()] || !seen[reflect.TypeFor[content.Date]()] {
		t.Errorf("the walk missed the types inside the entries: %v", seen)
	}
}
