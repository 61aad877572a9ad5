package i18n_test

import (
	"reflect"
	"testing"
	"unicode"

	"twincities/internal/content"
	"twincities/internal/i18n"
)

func hasCyrillic(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Cyrillic, r) {
			return true
		}
	}
	return false
}

func TestForReturnsEachLanguage(t *testing.T) {
	t.Parallel()
	if got := i18n.For(content.RU).Lang; got != content.RU {
		t.Errorf("For(ru).Lang = %q", got)
	}
	if got := i18n.For(content.EN).Lang; got != content.EN {
		t.Errorf("For(en).Lang = %q", got)
	}
	if i18n.For(content.RU).LangName == i18n.For(content.EN).LangName {
		t.Error("both catalogues have the same LangName: the language switch would not say where it leads")
	}
}

// Every message exists in both languages and is written in that language: an English string left
// in the Russian catalogue (or the reverse) is caught here rather than by a visitor.
func TestCataloguesComplete(t *testing.T) {
	t.Parallel()
	ru, en := reflect.ValueOf(*i18n.For(content.RU)), reflect.ValueOf(*i18n.For(content.EN))
	typ := ru.Type()
	for i := range typ.NumField() {
		f := typ.Field(i)
		if f.Name == "Lang" {
			continue
		}
		for _, cat := range []struct {
			lang content.Lang
			v    reflect.Value
		}{{content.RU, ru.Field(i)}, {content.EN, en.Field(i)}} {
			switch f.Type.Kind() {
			case reflect.String:
				s := cat.v.String()
				checkText(t, cat.lang, f.Name, s)
			case reflect.Struct:
				if f.Type != reflect.TypeFor[i18n.Forms]() {
					t.Fatalf("field %s: unexpected struct type %s; teach this test about it", f.Name, f.Type)
				}
				forms := cat.v.Interface().(i18n.Forms)
				checkText(t, cat.lang, f.Name+".One", forms.One)
				checkText(t, cat.lang, f.Name+".Many", forms.Many)
				// English counts need no "few" form; Russian ones do ("2 города").
				if cat.lang == content.RU || forms.Few != "" {
					checkText(t, cat.lang, f.Name+".Few", forms.Few)
				}
			case reflect.Map:
				// Checked, key by key, in TestCatalogueNameMaps.
			default:
				t.Fatalf("field %s: unexpected kind %s; teach this test about it", f.Name, f.Type.Kind())
			}
		}
	}
}

func checkText(t *testing.T, l content.Lang, field, s string) {
	t.Helper()
	switch {
	case s == "":
		t.Errorf("%s: %s is empty", l, field)
	case l == content.RU && !hasCyrillic(s):
		t.Errorf("%s: %s = %q is not Russian", l, field, s)
	case l == content.EN && hasCyrillic(s):
		t.Errorf("%s: %s = %q is not English", l, field, s)
	}
}

func TestCatalogueNameMaps(t *testing.T) {
	t.Parallel()
	for _, l := range content.Langs {
		m := i18n.For(l)
		for _, s := range content.Scopes {
			checkText(t, l, "ScopeNames["+string(s)+"]", m.ScopeNames[s])
		}
		for _, k := range content.OrgKinds {
			checkText(t, l, "OrgKindNames["+string(k)+"]", m.OrgKindNames[k])
		}
		// An extra key would be a kind or scope the domain does not know: a typo.
		if len(m.ScopeNames) != len(content.Scopes) {
			t.Errorf("%s: %d scope names for %d scopes", l, len(m.ScopeNames), len(content.Scopes))
		}
		if len(m.OrgKindNames) != len(content.OrgKinds) {
			t.Errorf("%s: %d kind names for %d kinds", l, len(m.OrgKindNames), len(content.OrgKinds))
		}
	}
}

// The forms of one noun must differ, or Count would print "2 городов" or "2 award".
func TestPluralFormsAreDistinct(t *testing.T) {
	t.Parallel()
	for _, l := range content.Langs {
		v := reflect.ValueOf(*i18n.For(l))
		for i := range v.NumField() {
			f, ok := v.Field(i).Interface().(i18n.Forms)
			if !ok {
				continue
			}
			name := v.Type().Field(i).Name
			if f.One == f.Many || (l == content.RU && (f.One == f.Few || f.Few == f.Many)) {
				t.Errorf("%s: %s has repeated forms: %+v", l, name, f)
			}
		}
	}
}

// The singular headings of the memberships page exist for every kind and scope, in the page's
// language, and differ from the plural ones in Russian, where the adjective agrees in number.
func TestSingularHeadings(t *testing.T) {
	t.Parallel()
	for _, l := range content.Langs {
		m := i18n.For(l)
		for _, k := range content.OrgKinds {
			one := m.OrgKindNamesOne[k]
			checkText(t, l, "OrgKindNamesOne["+string(k)+"]", one)
			if one == m.OrgKindNames[k] {
				t.Errorf("%s: the heading for one %s is the plural %q", l, k, one)
			}
			for _, s := range content.Scopes {
				one := m.ScopeNamesOne[k][s]
				checkText(t, l, "ScopeNamesOne["+string(k)+"]["+string(s)+"]", one)
				if l == content.RU && one == m.ScopeNames[s] {
					t.Errorf("ru: the heading for one %s %s is the plural %q", s, k, one)
				}
			}
		}
	}
}
