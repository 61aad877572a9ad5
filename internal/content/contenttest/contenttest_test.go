package contenttest_test

import (
	"reflect"
	"testing"

	"twincities/internal/content"
	"twincities/internal/content/contenttest"
)

// TestFilledEntriesAreWholeAndValid checks that every filler sets every field but the ones the
// database sets, that the result passes the site's rules as a published entry, and that two
// variants differ in every field, so a round trip that swaps or keeps a value shows.
func TestFilledEntriesAreWholeAndValid(t *testing.T) {
	cases := []struct {
		name     string
		a, b     any
		validate func(v any) error
	}{
		{"twin city", contenttest.City(content.Twin, 1), contenttest.City(content.Twin, 2),
			func(v any) error { c := v.(content.City); c.Normalize(); return c.Validate() }},
		{"partner city", contenttest.City(content.Partner, 1), contenttest.City(content.Partner, 2),
			func(v any) error { c := v.(content.City); c.Normalize(); return c.Validate() }},
		{"organization", contenttest.Organization(1), contenttest.Organization(2),
			func(v any) error { o := v.(content.Organization); o.Normalize(); return o.Validate() }},
		{"award", contenttest.Award(1), contenttest.Award(2),
			func(v any) error { a := v.(content.Award); a.Normalize(); return a.Validate() }},
		{"event", contenttest.Event(1), contenttest.Event(2),
			func(v any) error { e := v.(content.Event); e.Normalize(); return e.Validate() }},
		{"place", contenttest.Place(1), contenttest.Place(2),
			func(v any) error { p := v.(content.Place); p.Normalize(); return p.Validate() }},
		{"news", contenttest.News(1), contenttest.News(2),
			func(v any) error { n := v.(content.News); n.Normalize(); return n.Validate() }},
		{"page", contenttest.Page(1), contenttest.Page(2),
			func(v any) error { p := v.(content.Page); return p.Validate() }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if zero := contenttest.Unfilled(c.a); len(zero) > 0 {
				t.Errorf("fields left zero: %v", zero)
			}
			if err := c.validate(c.a); err != nil {
				t.Errorf("the filled entry breaks the rules: %v", err)
			}
			if !c.a.(content.Entry).IsPublished() && c.name != "page" {
				t.Error("the filled entry is a draft; a published one is checked in both languages")
			}
			va, vb := reflect.ValueOf(c.a), reflect.ValueOf(c.b)
			for i := range va.NumField() {
				f := va.Type().Field(i)
				if contenttest.DatabaseSet[f.Name] || !f.IsExported() {
					continue
				}
				switch f.Type.Kind() {
				case reflect.Bool:
					continue // true in both: a published entry
				}
				if reflect.DeepEqual(va.Field(i).Interface(), vb.Field(i).Interface()) && !sameByRule[f.Name] {
					t.Errorf("%s is the same in both variants: %v", f.Name, va.Field(i).Interface())
				}
			}
		})
	}
}

// sameByRule are the fields with one valid value the fillers use in every variant.
var sameByRule = map[string]bool{"Kind": true, "Status": true, "Scope": true, "Key": true, "Country": true}
