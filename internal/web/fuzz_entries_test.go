package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"twincities/internal/content"
	"twincities/internal/store"
	"twincities/templates"
)

// The kinds of entry the admin edits, and what the fuzz tests of their forms need to know of each:
// the fuzzed forms are these kinds' real forms, changed.

// entryKind is one kind of entry with its admin form.
type entryKind struct {
	base      string // the list's address; the form posts to base/new and base/{id}
	sample    string // SQL: the seeded entry whose form seeds the corpus, and which updates change
	canCreate bool
	get       func(ctx context.Context, db store.DBTX, id int64) (content.Entry, error)
}

var entryKinds = []entryKind{
	{"/admin/twin-cities", `SELECT min(id) FROM cities WHERE kind = 'twin'`, true, getter(store.Cities)},
	{"/admin/partner-cities", `SELECT min(id) FROM cities WHERE kind = 'partner'`, true, getter(store.Cities)},
	{"/admin/organizations", `SELECT min(id) FROM organizations`, true, getter(store.Organizations)},
	{"/admin/awards", `SELECT min(id) FROM awards`, true, getter(store.Awards)},
	{"/admin/events", `SELECT min(id) FROM events`, true, getter(store.Events)},
	{"/admin/places", `SELECT min(id) FROM places`, true, getter(store.Places)},
	{"/admin/pages", `SELECT id FROM pages WHERE key = 'about'`, false, getter(store.Pages)},
	// Issue 11, news: the initial data has none, so the sample is made (once) as a draft.
	{"/admin/news", `WITH made AS (INSERT INTO news (slug, news_date, date_precision, title_ru, title_en, lead_ru, lead_en)
		SELECT 'fuzz-sample', '2025-06-03', 'day', 'Новость', 'News', 'Коротко.', 'In short.'
		WHERE NOT EXISTS (SELECT FROM news) RETURNING id)
		SELECT coalesce((SELECT id FROM made), (SELECT min(id) FROM news))`, true, getter(store.News)},
}

func getter[T content.Entry](t store.Workflow[T]) func(context.Context, store.DBTX, int64) (content.Entry, error) {
	return func(ctx context.Context, db store.DBTX, id int64) (content.Entry, error) { return t.Get(ctx, db, id) }
}

// sourcesOf is an entry's list of sources.
func sourcesOf(e content.Entry) []content.Source {
	switch e := e.(type) {
	case content.City:
		return e.Sources
	case content.Organization:
		return e.Sources
	case content.Award:
		return e.Sources
	case content.Event:
		return e.Sources
	case content.News:
		return e.Sources
	}
	return nil
}

// entryForm is one kind's form as the site shows it for its sample entry.
type entryForm struct {
	entryKind
	id     int64           // the sample entry
	values url.Values      // what a browser sends for it unchanged
	names  map[string]bool // the names of the form's fields
}

// kindOf picks the kind a fuzzed number stands for.
func kindOf(forms []entryForm, n uint8) entryForm { return forms[int(n)%len(forms)] }

// loadEntryForms reads every kind's form for its sample entry, as the editor sees it.
func loadEntryForms(tb testing.TB, fs *fuzzSite) []entryForm {
	tb.Helper()
	forms := make([]entryForm, len(entryKinds))
	for i, k := range entryKinds {
		id := queryInt(tb, fs.db, k.sample)
		path := k.base + "/" + itoa(id)
		req, err := http.NewRequestWithContext(context.Background(), http.MethodGet, path, nil)
		if err != nil {
			tb.Fatal(err)
		}
		req.Header.Set("Cookie", fs.editor)
		p := fs.serve(tb, req)
		expectStatus(tb, p, http.StatusOK)
		form := findForm(tb, p, formAt(path))
		names := map[string]bool{}
		form.Find("input[name], textarea[name], select[name]").Each(func(_ int, s *goquery.Selection) {
			names[s.AttrOr("name", "")] = true
		})
		forms[i] = entryForm{entryKind: k, id: id, values: formFields(form), names: names}
	}
	return forms
}

// entrySeedEdits are changes to a real form that seed the corpus: the bytes of issue 7 (NUL,
// broken UTF-8, control characters), bidi and zero-width characters, numbers and dates at and
// past their limits, addresses that are not, texts past their lengths, and source rows with empty
// ones before them. Each applies to the forms that have its field.
var entrySeedEdits = []struct{ field, value string }{
	{"name_ru", "Нант\x00"},
	{"name_en", "Nantes\xff"},
	{"title_en", "Award \xc3\x28"},
	{"title_ru", "\xed\xa0\x80"},
	{"name_en", "\u202eseltnaN"},
	{"short_name_en", "UCLG\u200b"},
	{"region_en", "Loire\tAtlantique"},
	{"summary_ru", "Строка\r\nвторая"},
	{"status_note_en", "Line\rbreak"},
	{"text_en", "\r\n\r\nleading blank lines"},
	{"body_en", strings.Repeat("Долгая история. ", 3200)},
	{"description_ru", "\x7f\u0085"},
	{"editor_note", strings.Repeat("n", content.MaxNote+1)},
	{"awarded_by_en", strings.Repeat("я", content.MaxName+1)},
	{"slug", "../.."},
	{"slug", "//evil.example"},
	{"slug", strings.Repeat("a", content.MaxSlug+1)},
	{"country", " fr "},
	{"country", "SU"},
	{"latitude", "1e309"},
	{"longitude", "NaN"},
	{"latitude", "47,2"},
	{"since.year", "0000"},
	{"since.year", "2023-02-29"},
	{"since.year", "29.02.2023"},
	{"since.day", "31"},
	{"status_date.month", "13"},
	{"member_since.year", "1000-01"},
	{"date.year", "31.12.9999"},
	{"date.year", "+2020"},
	{"date.day", "٣"},
	{"sort_order", "99999999999999999999"},
	{"sort_order", "-1000001"},
	{"city_id", "999999"},
	{"city_id", "9223372036854775808"},
	{"website", "HTTPS://Example.org/путь"},
	{"website", "https://exa mple.org"},
	{"website", "http://@/"},
	{"link", "javascript:alert(1)"},
	{"sources.0.title", ""},
	{"sources.0.url", "%zz"},
	{"sources.3.url", "ftp://example.org"},
	{"sources.7.title", "  "},
}

// addEntrySeeds adds every kind's real form, created anew and saved over its entry, and each
// seed edit applied to the first kind whose form has its field.
func addEntrySeeds(forms []entryForm, add func(kind uint8, update bool, form string)) {
	for i, f := range forms {
		add(uint8(i), false, f.values.Encode())
		add(uint8(i), true, f.values.Encode())
	}
	for j, e := range entrySeedEdits {
		for i, f := range forms {
			if _, ok := f.values[e.field]; !ok && !strings.HasPrefix(e.field, "sources.") {
				continue
			}
			v := cloneValues(f.values)
			v.Set(e.field, e.value)
			add(uint8(i), j%2 == 0 && f.canCreate, v.Encode())
			break
		}
	}
}

func cloneValues(v url.Values) url.Values {
	c := make(url.Values, len(v))
	for k, vals := range v {
		c[k] = append([]string(nil), vals...)
	}
	return c
}

// formHasField reports whether a form of kind f shows field: one of its fields, or a row of its
// sources, of which it shows as many as were sent, up to templates.MaxSources.
func formHasField(f entryForm, field string) bool {
	if f.names[field] || templates.DateFields[field] && f.names[field+".day"] {
		return true
	}
	rest, ok := strings.CutPrefix(field, "sources.")
	if !ok || !f.names["sources.0.title"] {
		return false
	}
	n, part, _ := strings.Cut(rest, ".")
	i, err := strconv.Atoi(n)
	return err == nil && i >= 0 && i < templates.MaxSources && strconv.Itoa(i) == n && (part == "title" || part == "url")
}
