package web_test

import (
	"net/url"
	"slices"
	"strings"
	"testing"

	"twincities/internal/content"
	"twincities/internal/content/contenttest"
	"twincities/internal/i18n"
	"twincities/internal/web"
)

// filledKind is a filled entry of one kind the admin edits, with the address of its list.
type filledKind struct {
	name  string
	base  string
	entry content.Entry
}

// filledKinds is a filled entry of every kind the admin edits.
func filledKinds() []filledKind {
	return []filledKind{
		{"twin city", "/admin/twin-cities", contenttest.City(content.Twin, 1)},
		{"partner city", "/admin/partner-cities", contenttest.City(content.Partner, 1)},
		{"organization", "/admin/organizations", contenttest.Organization(1)},
		{"award", "/admin/awards", contenttest.Award(1)},
		{"event", "/admin/events", contenttest.Event(1)},
		{"place", "/admin/places", contenttest.Place(1)},
		{"page", "/admin/pages", contenttest.Page(1)},
		{"news", "/admin/news", contenttest.News(1)},
	}
}

// TestEveryFieldHasALabel checks that every field of every kind, as its Fields name it, has a
// label in both languages: the form shows it at the field, the history and the conflict page at
// a change, the dashboard at a missing translation. A field without one shows its bare name
// ("status_note") or nothing. So does every field a problem of the form can be marked at: the
// problems of an empty form and of one with a wrong value in every field.
func TestEveryFieldHasALabel(t *testing.T) {
	t.Parallel()
	for _, k := range filledKinds() {
		names := map[string]string{} // field: where it comes from, for the failure message
		wrong := url.Values{"sources.0.title": {""}, "sources.0.url": {"no address"}, "sources.1.title": {"A title"}}
		for _, f := range k.entry.Fields() {
			names[f.Field] = "Fields"
			wrong.Set(f.Field, "☃ not a value of any field ::")
		}
		for _, v := range []url.Values{{}, wrong} {
			_, problems := web.CheckEntryForm(k.base, v)
			for _, p := range problems {
				if _, ok := names[p.Field]; !ok {
					names[p.Field] = "a problem (" + string(p.Problem) + ")"
				}
			}
		}
		sorted := make([]string, 0, len(names))
		for name := range names {
			sorted = append(sorted, name)
		}
		slices.Sort(sorted)
		for _, l := range content.Langs {
			a := i18n.AdminFor(l)
			for _, name := range sorted {
				if fieldLabel(a, name) == "" {
					t.Errorf("%s: the field %q (from %s) has no label in %s", k.name, name, names[name], l)
				}
			}
		}
	}
}

// fieldLabel is the admin's label of a field as its form names it, "" when it has none. A field
// in two languages ("name_ru", "name_en") is labelled once, by its base ("name"), as its form's
// legend and AdminMessages.FieldLabel read it; a source row's fields by their row's number, and the
// gallery and its photos' fields as FieldLabel names them.
func fieldLabel(a *i18n.AdminMessages, name string) string {
	if strings.HasPrefix(name, "sources.") || name == "gallery" || strings.HasPrefix(name, "gallery.") {
		if l := a.FieldLabel(name); l != name {
			return l
		}
		return ""
	}
	if l := a.Fields[name]; l != "" {
		return l
	}
	for _, l := range content.Langs {
		if base, ok := strings.CutSuffix(name, "_"+string(l)); ok {
			return a.Fields[base]
		}
	}
	return ""
}
