package web_test

import (
	"fmt"
	"reflect"
	"testing"

	"twincities/internal/content"
	"twincities/internal/content/contenttest"
	"twincities/internal/web"
)

// The tests that guard against a field forgotten on its way through the admin: filled entries of
// every kind (contenttest fills every field by reflection, so a field added later is filled too)
// go through the edit form and back (this file), need a label (form_labels_test.go) and a control
// on the edit page (form_controls_test.go).

// notOnForm maps a field of an entry (its Go name) to why the entry's edit form does not carry it.
// Saving such a field is someone else's job, so saving the form keeps it as it was.
type notOnForm map[string]string

// The fields each kind's edit form deliberately does not carry. Besides these, the fields the
// database sets (contenttest.DatabaseSet: ID, Version, the times) are not compared, except
// CityID, which the form does carry as a select of the stored cities, and a news item's CityIDs,
// which it carries as boxes to tick.
var (
	publishedNotOnForm = "set by the publish and unpublish buttons; saving the form keeps it as stored"
	pictureNotOnForm   = "set by the image form below the entry's form (upload, remove), which has its own handler"

	cityNotOnForm = notOnForm{
		"Published": publishedNotOnForm,
		"Picture":   pictureNotOnForm,
		"Kind":      "given by the list the city is under (twin or partner cities): the new city's blank or the stored city",
	}
	organizationNotOnForm = notOnForm{"Published": publishedNotOnForm, "Picture": pictureNotOnForm}
	awardNotOnForm        = notOnForm{"Published": publishedNotOnForm, "Picture": pictureNotOnForm}
	eventNotOnForm        = notOnForm{"Published": publishedNotOnForm}
	pageNotOnForm         = notOnForm{"Key": "the page is the one at the address edited (about, contacts), which cannot change"}
	placeNotOnForm        = notOnForm{"Published": publishedNotOnForm}
	newsNotOnForm         = notOnForm{"Published": publishedNotOnForm, "Picture": pictureNotOnForm}
)

// TestEntryFormRoundTrip fills each kind's edit form with an entry whose every field is filled,
// reads the form back into a new entry as saving does, and compares the two whole: a field left
// out of the entry's Fields (which fills the form) or out of its kind's parse function comes back
// empty, and fails here by name.
func TestEntryFormRoundTrip(t *testing.T) {
	t.Parallel()
	for variant := 1; variant <= 2; variant++ {
		cityID := int64(40 + variant) // any id: the form carries it without looking the city up
		award, event := contenttest.Award(variant), contenttest.Event(variant)
		award.CityID, event.CityID = &cityID, &cityID
		t.Run(fmt.Sprintf("twin city %d", variant), func(t *testing.T) {
			expectRoundTrip(t, contenttest.City(content.Twin, variant), cityNotOnForm)
		})
		t.Run(fmt.Sprintf("partner city %d", variant), func(t *testing.T) {
			expectRoundTrip(t, contenttest.City(content.Partner, variant), cityNotOnForm)
		})
		t.Run(fmt.Sprintf("organization %d", variant), func(t *testing.T) {
			expectRoundTrip(t, contenttest.Organization(variant), organizationNotOnForm)
		})
		t.Run(fmt.Sprintf("award %d", variant), func(t *testing.T) { expectRoundTrip(t, award, awardNotOnForm) })
		t.Run(fmt.Sprintf("event %d", variant), func(t *testing.T) { expectRoundTrip(t, event, eventNotOnForm) })
		t.Run(fmt.Sprintf("place %d", variant), func(t *testing.T) {
			expectRoundTrip(t, contenttest.Place(variant), placeNotOnForm)
		})
		t.Run(fmt.Sprintf("news %d", variant), func(t *testing.T) {
			n := contenttest.News(variant)
			n.CityIDs = []int64{cityID, cityID + 10} // the form carries them as boxes ticked
			expectRoundTrip(t, n, newsNotOnForm)
		})
		t.Run(fmt.Sprintf("page %d", variant), func(t *testing.T) {
			expectRoundTrip(t, contenttest.Page(variant), pageNotOnForm)
		})
	}
}

// expectRoundTrip puts e into its edit form's values and reads them back into a blank entry of
// its kind, as creating one does. The fields the form does not carry are first given to the blank
// from e, as updating keeps them from the stored entry: the form must not lose them either.
func expectRoundTrip[T content.Entry](t *testing.T, e T, skip notOnForm) {
	t.Helper()
	start := web.BlankEntry(e)
	from, to := reflect.ValueOf(e), reflect.ValueOf(&start).Elem()
	for name := range skip {
		f := to.FieldByName(name)
		if !f.IsValid() {
			t.Fatalf("%T has no field %s: the list of fields its form does not carry is out of date", e, name)
		}
		f.Set(from.FieldByName(name))
	}
	values := web.EntryFormValues(e)
	got, problems := web.ReadEntryForm(values, start)
	if len(problems) > 0 {
		t.Errorf("the form filled with a valid entry is refused: %v", problems)
	}
	diffs := fieldDifferences(e, got)
	for _, d := range diffs {
		t.Error(d)
	}
	if len(diffs) > 0 {
		t.Logf("the form was filled with %v", values)
	}
}

// fieldDifferences compares two entries of one type field by field, leaving out the fields the
// database sets (but CityID, which the forms carry), and says what differs.
func fieldDifferences(want, got any) []string {
	w, g := reflect.ValueOf(want), reflect.ValueOf(got)
	var out []string
	for i := range w.NumField() {
		f := w.Type().Field(i)
		if !f.IsExported() || contenttest.DatabaseSet[f.Name] && f.Name != "CityID" && f.Name != "CityIDs" {
			continue
		}
		if !reflect.DeepEqual(w.Field(i).Interface(), g.Field(i).Interface()) {
			out = append(out, fmt.Sprintf("%s came back %s, want %s", f.Name, shownValue(g.Field(i)), shownValue(w.Field(i))))
		}
	}
	return out
}

// shownValue writes a field's value for a failure message, with what a pointer points to.
func shownValue(v reflect.Value) string {
	if v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return "nil"
		}
		v = v.Elem()
	}
	if v.Kind() == reflect.String {
		return fmt.Sprintf("%q", v.String())
	}
	return fmt.Sprintf("%+v", v.Interface())
}
