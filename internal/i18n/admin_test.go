package i18n_test

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"twincities/internal/content"
	"twincities/internal/i18n"
)

// Every message of the staff interface exists in both languages and is written in that language;
// the names in its maps have the same keys in both.
func TestAdminCataloguesComplete(t *testing.T) {
	t.Parallel()
	ru, en := reflect.ValueOf(*i18n.AdminFor(content.RU)), reflect.ValueOf(*i18n.AdminFor(content.EN))
	typ := ru.Type()
	for i := range typ.NumField() {
		f := typ.Field(i)
		if f.Name == "Lang" {
			continue
		}
		switch f.Type.Kind() {
		case reflect.String:
			checkText(t, content.RU, f.Name, ru.Field(i).String())
			checkText(t, content.EN, f.Name, en.Field(i).String())
		case reflect.Map:
			r, e := ru.Field(i), en.Field(i)
			keys := func(m reflect.Value) []string {
				var k []string
				for _, key := range m.MapKeys() {
					k = append(k, key.String())
				}
				slices.Sort(k)
				return k
			}
			if !slices.Equal(keys(r), keys(e)) {
				t.Errorf("%s: the catalogues name different keys:\nru %v\nen %v", f.Name, keys(r), keys(e))
			}
			for _, key := range r.MapKeys() {
				checkText(t, content.RU, f.Name+"["+key.String()+"]", r.MapIndex(key).String())
			}
			for _, key := range e.MapKeys() {
				checkText(t, content.EN, f.Name+"["+key.String()+"]", e.MapIndex(key).String())
			}
		case reflect.Struct:
			if f.Type != reflect.TypeFor[i18n.Forms]() {
				t.Fatalf("field %s: unexpected type %s; teach this test about it", f.Name, f.Type)
			}
			for _, cat := range []struct {
				l content.Lang
				f i18n.Forms
			}{{content.RU, ru.Field(i).Interface().(i18n.Forms)}, {content.EN, en.Field(i).Interface().(i18n.Forms)}} {
				checkText(t, cat.l, f.Name+".One", cat.f.One)
				checkText(t, cat.l, f.Name+".Few", cat.f.Few)
				checkText(t, cat.l, f.Name+".Many", cat.f.Many)
			}
		default:
			t.Fatalf("field %s: unexpected kind %s; teach this test about it", f.Name, f.Type.Kind())
		}
	}
}

// The site's name in an authenticator app goes into an otpauth URI's label "issuer:account",
// where a colon would split it in the wrong place.
func TestTwoFactorIssuerHasNoColon(t *testing.T) {
	t.Parallel()
	for _, l := range content.Langs {
		if iss := i18n.AdminFor(l).TwoFactorIssuer; strings.Contains(iss, ":") {
			t.Errorf("%s: TwoFactorIssuer %q holds a colon", l, iss)
		}
	}
}
