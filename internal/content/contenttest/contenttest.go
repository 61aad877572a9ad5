// Package contenttest makes entries with every field filled, for the tests that guard against a
// forgotten field: a store round trip, a form round trip, the labels of the admin. The values are
// set by reflection, so a field added to a content type is filled too, without touching this
// package; a test that then loses it (no column, no form field) fails.
package contenttest

import (
	"fmt"
	"reflect"
	"strings"
	"time"

	"twincities/internal/content"
)

// DatabaseSet names the fields the database or another stored row gives an entry, which the
// fillers leave zero: the ID, version and times, the trash's date, the picture and the gallery
// (uploaded images) and the city an award or event concerns, or the cities a news item does
// (stored cities).
var DatabaseSet = map[string]bool{
	"ID": true, "Version": true, "CreatedAt": true, "UpdatedAt": true, "DeletedAt": true,
	"Picture": true, "Gallery": true, "CityID": true, "CityIDs": true,
}

// City is a published city of kind with every other field filled; variant makes the values
// differ from another variant's.
func City(kind content.CityKind, variant int) content.City {
	var c content.City
	fill(&c, variant)
	c.Kind = kind
	if kind == content.Partner {
		c.Country = "RU"
	}
	return c
}

// Organization is a published organisation with every field filled.
func Organization(variant int) content.Organization {
	var o content.Organization
	fill(&o, variant)
	return o
}

// Award is a published award with every field filled.
func Award(variant int) content.Award {
	var a content.Award
	fill(&a, variant)
	return a
}

// Event is a published event with every field filled.
func Event(variant int) content.Event {
	var e content.Event
	fill(&e, variant)
	return e
}

// Page is the about page with every field filled.
func Page(variant int) content.Page {
	var p content.Page
	fill(&p, variant)
	return p
}

// Place is a published place with every field filled.
func Place(variant int) content.Place {
	var p content.Place
	fill(&p, variant)
	return p
}

// News is a published news item with every field filled (issue 11, news).
func News(variant int) content.News {
	var n content.News
	fill(&n, variant)
	return n
}

// Picture is a picture of the stored image id, with its words filled; the files' sizes are what
// the store reads back from the image, so they are left to the caller.
func Picture(id int64, variant int) *content.Picture {
	return &content.Picture{ImageID: id, Alt: content.Text{RU: fmt.Sprintf("Подпись %d", variant),
		EN: fmt.Sprintf("Caption %d", variant)}, Credit: fmt.Sprintf("Автор %d", variant)}
}

// Photo is a gallery photo of the stored image id, with its words filled; the files' sizes are
// left to the caller, as Picture's are.
func Photo(id int64, variant int) content.Photo {
	return content.Photo{ImageID: id, Alt: content.Text{RU: fmt.Sprintf("Вид %d", variant), EN: fmt.Sprintf("View %d", variant)},
		Caption: content.Text{RU: fmt.Sprintf("Подпись %d", variant), EN: fmt.Sprintf("Caption %d", variant)},
		Credit:  fmt.Sprintf("Фотограф %d", variant)}
}

// Unfilled lists the fields of the entry e (a struct) that are zero, DatabaseSet aside: what a
// round trip lost.
func Unfilled(e any) []string {
	var zero []string
	v := reflect.ValueOf(e)
	for i := range v.NumField() {
		f := v.Type().Field(i)
		if f.IsExported() && !DatabaseSet[f.Name] && v.Field(i).IsZero() {
			zero = append(zero, f.Name)
		}
	}
	return zero
}

// fill sets every exported field of the struct *e, except DatabaseSet, to a valid value.
func fill(e any, variant int) {
	v := reflect.ValueOf(e).Elem()
	n := 0
	for i := range v.NumField() {
		f := v.Type().Field(i)
		if !f.IsExported() || DatabaseSet[f.Name] {
			continue
		}
		n++
		set(v.Field(i), f.Name, variant*100+n)
	}
}

// Values of the types whose valid values are few, and of the string fields with rules of their own.
var (
	byType = map[reflect.Type]func(n int) reflect.Value{
		reflect.TypeFor[content.CityKind](): func(int) reflect.Value { return reflect.ValueOf(content.Twin) },
		reflect.TypeFor[content.Status]():   func(int) reflect.Value { return reflect.ValueOf(content.Ended) },
		reflect.TypeFor[content.OrgKind]():  func(int) reflect.Value { return reflect.ValueOf(content.Association) },
		reflect.TypeFor[content.Scope]():    func(int) reflect.Value { return reflect.ValueOf(content.Interregional) },
		reflect.TypeFor[content.PageKey]():  func(int) reflect.Value { return reflect.ValueOf(content.About) },
		reflect.TypeFor[content.Date](): func(n int) reflect.Value {
			return reflect.ValueOf(content.DayDate(1950+n%70, time.Month(1+n%12), 1+n%28))
		},
		reflect.TypeFor[content.GeoPoint](): func(n int) reflect.Value {
			return reflect.ValueOf(content.GeoPoint{Lat: float64(n%80) + 0.25, Lon: float64(n%170) + 0.5})
		},
	}
	byName = map[string]func(n int) string{
		"Slug":    func(n int) string { return fmt.Sprintf("filled-%d", n) },
		"Country": func(int) string { return "DE" },
		"Website": func(n int) string { return fmt.Sprintf("https://site-%d.example.org/", n) },
		"Link":    func(n int) string { return fmt.Sprintf("https://news-%d.example.org/item", n) },
		"URL":     func(n int) string { return fmt.Sprintf("https://source-%d.example.org/", n) },
		// Issue 9, item 5: a city's page about Perm on its own site.
		"PermPage": func(n int) string { return fmt.Sprintf("https://site-%d.example.org/perm", n) },
		"Phone":    func(n int) string { return fmt.Sprintf("+7 (342) 200-%02d-%02d", n/100%100, n%100) },
		"Email":    func(n int) string { return fmt.Sprintf("place-%d@example.org", n) },
		"TimeZone": func(n int) string {
			zones := []string{"Europe/Berlin", "Europe/Paris", "Asia/Shanghai", "America/Kentucky/Louisville", "Asia/Kolkata", "Europe/Moscow", "Asia/Yekaterinburg"}
			return zones[n%len(zones)]
		},
	}
)

// set gives v, the field name, a valid non-zero value numbered n.
func set(v reflect.Value, name string, n int) {
	if value, ok := byType[v.Type()]; ok {
		v.Set(value(n))
		return
	}
	switch v.Kind() {
	case reflect.String:
		if value, ok := byName[name[strings.LastIndex(name, ".")+1:]]; ok {
			v.SetString(value(n))
		} else {
			v.SetString(fmt.Sprintf("%s %d", name, n))
		}
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int, reflect.Int64:
		v.SetInt(int64(n))
	case reflect.Float64:
		v.SetFloat(float64(n) + 0.5)
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		set(v.Elem(), name, n)
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 2, 2))
		for i := range 2 {
			set(v.Index(i), name, n*10+i)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			f := v.Type().Field(i)
			if f.IsExported() {
				set(v.Field(i), name+"."+f.Name, n*10+i)
			}
		}
	default:
		panic(fmt.Sprintf("contenttest: no way to fill %s of kind %s: teach set", name, v.Kind()))
	}
}
