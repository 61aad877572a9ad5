package web

import (
	"net/url"
	"slices"
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

// News is a kind of the registry like the others (issue 11, news): its list, trash, history,
// drafts and schedules come from there. It can be created and put in the trash, the scheduler
// can publish it, its entries lead to its own list, and its form reads what it shows.
func TestNewsIsAKindOfTheRegistry(t *testing.T) {
	k, ok := kindOf(content.EntityNews)
	if !ok {
		t.Fatal("no kind finds news items")
	}
	if k.base != "/admin/news" || !k.trash || k.setPublished == nil || k.checkForm == nil {
		t.Errorf("the news kind: base %q, trash %v, can be scheduled %v", k.base, k.trash, k.setPublished != nil)
	}
	if got := entryAdminPath(content.News{ID: 7}); got != "/admin/news/7" {
		t.Errorf("a news item leads to %s", got)
	}
	if !slices.Contains(logEntities(), content.EntityNews) {
		t.Error("the change log cannot be filtered by news")
	}
	for _, l := range content.Langs {
		found := false
		for _, s := range adminSections(i18n.AdminFor(l), i18n.For(l)) {
			found = found || s.Path == "/admin/news" && s.Label == i18n.For(l).News
		}
		if !found {
			t.Errorf("%s: the menu has no news", l)
		}
	}
	h := k.routes(nil)
	if h.list == nil || h.newForm == nil || h.create == nil || h.delete == nil || h.restore == nil || h.purge == nil ||
		h.history == nil || h.revert == nil || h.uploadImage == nil || h.schedule == nil || h.discardDraft == nil {
		t.Errorf("the news kind lacks routes: %+v", h)
	}
	shown, problems := k.checkForm(url.Values{"city_ids": {"3", "x"}, "slug": {"Bad slug"}})
	fields := map[string]bool{}
	for _, p := range problems {
		fields[p.Field] = true
	}
	for _, f := range []string{"city_ids", "slug", "date", "title_ru", "title_en"} {
		if !fields[f] {
			t.Errorf("a bad form's problems %v do not name %s", problems, f)
		}
	}
	if shown.Get("slug") != "Bad slug" {
		t.Errorf("the form shows %q again", shown.Get("slug"))
	}
}
