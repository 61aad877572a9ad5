package web

import (
	"testing"

	"twincities/internal/content"
	"twincities/internal/i18n"
)

// Every kind in the registry has a place of its own and a name in both languages everywhere the
// admin names it: its list's address, the menu, the trash, the dashboard and the change log.
func TestKindsAreNamedInBothLanguages(t *testing.T) {
	bases := map[string]bool{}
	for _, k := range kinds {
		if bases[k.base] {
			t.Errorf("two kinds at %s", k.base)
		}
		bases[k.base] = true
		for _, l := range content.Langs {
			a, m := i18n.AdminFor(l), i18n.For(l)
			if k.title(a, m) == "" {
				t.Errorf("%s: no title in %s", k.base, l)
			}
			if a.EntityNames[k.entity] == "" {
				t.Errorf("%s: the entity %q has no name in %s", k.base, k.entity, l)
			}
		}
	}
	for _, e := range logEntities() {
		for _, l := range content.Langs {
			if i18n.AdminFor(l).EntityNames[e] == "" {
				t.Errorf("the change log offers %q with no name in %s", e, l)
			}
		}
	}
}

// Every kind is in the menu, in the registry's order, and an entry of each kind leads to its
// own list's address.
func TestKindsFeedTheMenuAndTheEntryPaths(t *testing.T) {
	a, m := i18n.AdminFor(content.RU), i18n.For(content.RU)
	menu := adminSections(a, m)
	at := 1 // after the dashboard
	for _, k := range kinds {
		if at >= len(menu) || menu[at].Path != k.base {
			t.Fatalf("menu item %d is %+v, want the kind at %s", at, menu[min(at, len(menu)-1)], k.base)
		}
		at++
	}
	blanks := map[string]content.Entry{
		cityResource(content.Twin).base:    cityResource(content.Twin).blank(),
		cityResource(content.Partner).base: cityResource(content.Partner).blank(),
	}
	for base, e := range blanks {
		if got := entryAdminPath(e); got != base+"/0" {
			t.Errorf("a new entry of %s leads to %s", base, got)
		}
	}
	for _, k := range kinds {
		if _, ok := kindOf(k.entity); !ok {
			t.Errorf("no kind finds entries of %q", k.entity)
		}
	}
}
