package web_test

import (
	"context"
	"strconv"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/jackc/pgx/v5/pgxpool"

	"twincities/internal/content"
	"twincities/internal/content/contenttest"
	"twincities/internal/postgres/pgtest"
	"twincities/internal/store"
	"twincities/templates"
)

// notControls maps the names in an entry's Fields that have no control of that name on its edit
// page to why; every other name has one, which shows the stored value. These are the fields of
// notOnForm (form_roundtrip_test.go) as Fields names them, and two that the page shows otherwise.
var notControls = map[string]string{
	"kind":      cityNotOnForm["Kind"],
	"published": publishedNotOnForm,
	"sources":   "one value in Fields, for the history; on the page a row per source, sources.N.title, sources.N.url and sources.N.translation, checked row by row",
	"image":     "the image itself in Fields; on the page the image form's file input \"file\", checked as such",
	"gallery":   "the photos as one value in Fields, for the history; on the page a form a photo, checked by TestGalleryAdmin",
}

// TestEditPageHasEveryField stores a filled entry of every kind and opens its edit page as an
// editor: every field its Fields name has a control of that name (input, select or textarea) on
// the page, showing the stored value. So a field added to an entry and to Fields but forgotten in
// the template fails here, and so does a control that shows another field's value.
func TestEditPageHasEveryField(t *testing.T) {
	t.Parallel()
	db := pgtest.EmptyDB(t)
	addEditor(t, db)
	site := startSite(t, db)
	b := site.newBrowser(t, "en")
	b.mustSignIn(editorEmail, editorPassword)

	twin := storeEntry(t, db, store.Cities, contenttest.City(content.Twin, 1))
	partner := storeEntry(t, db, store.Cities, contenttest.City(content.Partner, 2))
	// An award and an event each of a different stored city, so a select showing the first
	// city offered, not the stored one, fails.
	award, event := contenttest.Award(1), contenttest.Event(1)
	award.CityID, event.CityID = &partner.ID, &twin.ID
	entries := []struct {
		name, base string
		entry      content.Entry
	}{
		{"twin city", "/admin/twin-cities", twin},
		{"partner city", "/admin/partner-cities", partner},
		{"organization", "/admin/organizations", storeEntry(t, db, store.Organizations, contenttest.Organization(1))},
		{"award", "/admin/awards", storeEntry(t, db, store.Awards, award)},
		{"event", "/admin/events", storeEntry(t, db, store.Events, event)},
		{"place", "/admin/places", storeEntry(t, db, store.Places, contenttest.Place(1))},
		{"page", "/admin/pages", storeEntry(t, db, store.Pages, contenttest.Page(1))},
	}
	for _, e := range entries {
		t.Run(e.name, func(t *testing.T) {
			path := e.base + "/" + itoa(e.entry.EntryID())
			p := b.in(t).mustGet(path)
			form := findForm(t, p, formAt(path))
			for _, f := range e.entry.Fields() {
				if _, ok := notControls[f.Field]; ok {
					continue
				}
				in := form                         // the image's controls too (issue 11, images in the form)
				if templates.DateFields[f.Field] { // three boxes, showing the date's parts
					d, err := content.ParseDate(f.Value)
					if err != nil {
						t.Fatalf("%s: stored as %q: %v", f.Field, f.Value, err)
					}
					day, month, year := d.Parts()
					expectControl(t, in, f.Field+".day", day)
					expectControl(t, in, f.Field+".month", month)
					expectControl(t, in, f.Field+".year", year)
					continue
				}
				expectControl(t, in, f.Field, f.Value)
			}
			for i, s := range sourcesOf(e.entry) {
				row := "sources." + strconv.Itoa(i) + "."
				expectControl(t, form, row+"title", s.Title)
				expectControl(t, form, row+"url", s.URL)
				expectControl(t, form, row+"translation", s.Translation)
			}
			if has(e.entry.Fields(), "image") {
				if n := form.Find(`input[type="file"][name="file"]`).Length(); n != 1 {
					t.Errorf("the entry's form has %d file inputs named \"file\", want 1", n)
				}
			}
		})
	}
}

// expectControl checks that form has one control named name and that it shows want.
func expectControl(t *testing.T, form *goquery.Selection, name, want string) {
	t.Helper()
	c := form.Find(`input[name="` + name + `"], select[name="` + name + `"], textarea[name="` + name + `"]`)
	if c.Length() != 1 {
		t.Errorf("%q: %d controls of that name on the form, want 1", name, c.Length())
		return
	}
	if got := lf(formFields(form).Get(name)); got != want {
		t.Errorf("%q shows %q, want the stored %q", name, got, want)
	}
}

// has reports whether fields name field.
func has(fields []content.FieldValue, field string) bool {
	for _, f := range fields {
		if f.Field == field {
			return true
		}
	}
	return false
}

// storeEntry creates e as staff would and returns it as stored.
func storeEntry[T content.Entry](t *testing.T, db *pgxpool.Pool, wf store.Workflow[T], e T) T {
	t.Helper()
	ctx := context.Background()
	if err := wf.Create(ctx, db, &e, store.SystemActor); err != nil {
		t.Fatalf("store %T: %v", e, err)
	}
	stored, err := wf.Get(ctx, db, e.EntryID())
	if err != nil {
		t.Fatalf("read back %T %d: %v", e, e.EntryID(), err)
	}
	return stored
}
