// Package content is the domain of the site: the cities Perm is twinned or partnered with, the
// organisations it belongs to, its awards, timeline events and text pages, with the rules each must
// keep. It imports nothing else of this module, so every other package can depend on it.
//
// The entries (City, Organization, Award, Event, Page) and every type inside them carry an
// explicit json tag on each field, because the history keeps every saved version of an entry as
// JSON for as long as the entry lives (package store, revision_json.go). The keys are the names
// the forms and columns use, in snake_case: a bilingual Text is one key holding "ru" and "en"
// ("name", not "name_ru"), a Picture is "image", a Date is {"date", "precision"}, a GeoPoint
// {"latitude", "longitude"}. A Go field may be renamed freely; a tag may not be, unless the store
// gets a new revision shape that translates the old key. A new field needs a tag of its own: a
// test of package store fails without one.
package content
