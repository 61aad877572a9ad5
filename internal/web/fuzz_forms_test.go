package web_test

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"twincities/internal/content"
	"twincities/internal/web"
	"twincities/templates"
)

// FuzzEntryParse applies any values to each kind's form parser and its validation, as saving
// does, and checks what the person would be told: every problem names a field the form shows,
// and the right one: a value missing where the person left the field empty, any other problem
// where they typed something. A problem at the wrong field sends the person to fix a field that
// holds nothing wrong. Nothing touches the database per input, so this runs fast and deep.
func FuzzEntryParse(f *testing.F) {
	fs := newFuzzSite(f)
	forms := loadEntryForms(f, fs)
	addEntrySeeds(forms, func(kind uint8, _ bool, form string) { f.Add(kind, form) })
	f.Fuzz(func(t *testing.T, kind uint8, form string) {
		k := kindOf(forms, kind)
		v, _ := url.ParseQuery(form) // what could be read: the body's own errors are FuzzRequestBodies'
		shownValues, problems := web.CheckEntryForm(k.base, v)
		seen := map[string]bool{}
		for _, p := range problems {
			if seen[p.Field] {
				continue // the first problem of a field is the one shown ("not a date", not also "required")
			}
			seen[p.Field] = true
			if !formHasField(k, p.Field) {
				t.Errorf("%s: a problem (%s) at %q, which the form does not have", k.base, p.Problem, p.Field)
				continue
			}
			typed := strings.TrimSpace(shownValues.Get(p.Field))
			if templates.DateFields[p.Field] { // one problem for the three boxes
				typed = strings.TrimSpace(strings.Join(dateBoxes(shownValues, p.Field), ""))
			}
			if p.Field == "latitude" { // one problem for the pair
				typed += strings.TrimSpace(shownValues.Get("longitude"))
			}
			switch p.Problem {
			case content.ProblemChoice:
				// A select: whatever came, even nothing, is not one of its options.
			case content.ProblemRequired, content.ProblemOtherLanguage:
				if typed != "" {
					t.Errorf("%s: %q is marked %s, but holds %q", k.base, p.Field, p.Problem, typed)
				}
			default:
				if typed == "" {
					t.Errorf("%s: %q is marked %s, but was left empty", k.base, p.Field, p.Problem)
				}
			}
		}
	})
}

// FuzzEntryForms posts any values to each kind's form through the real router, signed in as an
// editor, to create an entry or save over a seeded one. The answer is never a 5xx: either the
// form again (422) with every problem tied to a field and everything typed shown back as typed
// (U+FFFD where bytes were broken), or a redirect to the entry (303) whose stored fields read back
// as the form sent them, after the documented normalisation (see expectSaved).
func FuzzEntryForms(f *testing.F) {
	fs := newFuzzSite(f)
	forms := loadEntryForms(f, fs)
	addEntrySeeds(forms, func(kind uint8, update bool, form string) { f.Add(kind, update, form) })
	f.Fuzz(func(t *testing.T, kind uint8, update bool, form string) {
		k := kindOf(forms, kind)
		v, _ := url.ParseQuery(form)
		action := k.base + "/new"
		var before content.Entry
		if update || !k.canCreate {
			var err error
			if before, err = k.get(context.Background(), fs.db, k.id); err != nil {
				t.Fatal(err)
			}
			action = k.base + "/" + itoa(k.id)
			v.Set("version", strconv.Itoa(before.CurrentVersion())) // a save, not a conflict
		}
		p := fs.postForm(t, action, v.Encode(), fs.editor)
		fs.expectNoServerError(t, p)
		switch p.status {
		case http.StatusUnprocessableEntity:
			expectFormShown(t, p, action, v)
			if k.names["sources.0.title"] { // the text pages have no sources
				expectSourcesShown(t, action, findForm(t, p, formAt(action)), v)
			}
		case http.StatusSeeOther:
			id, err := strconv.ParseInt(strings.TrimPrefix(p.location(), k.base+"/"), 10, 64)
			if err != nil || before != nil && id != k.id {
				t.Fatalf("%s: saved, and sent to %q, not the entry's page", action, p.location())
			}
			stored, err := k.get(context.Background(), fs.db, id)
			if err != nil {
				t.Fatal(err)
			}
			expectSaved(t, v, before, stored)
		default:
			t.Fatalf("%s: status %d, want 303 or 422\n%s", action, p.status, excerpt(p))
		}
	})
}

// expectFormShown checks a refused form: it comes back with every problem in the summary linked
// to a field marked invalid, and every value typed into a text field shown in it again.
func expectFormShown(t *testing.T, p page, action string, v url.Values) {
	t.Helper()
	form := findForm(t, p, formAt(action))
	links := p.doc.Find(".error-summary a")
	if links.Length() == 0 {
		t.Errorf("%s: refused with no problem listed\n%s", action, excerpt(p))
	}
	links.Each(func(_ int, a *goquery.Selection) {
		id := strings.TrimPrefix(a.AttrOr("href", ""), "#")
		field := form.Find(`[id="` + id + `"]`)
		if field.Length() != 1 || field.AttrOr("aria-invalid", "") != "true" {
			t.Errorf("%s: the summary's %q leads to %d fields marked invalid, want 1", action, squash(a.Text()), field.Length())
		}
	})
	form.Find("input[name], textarea[name], select[name]").Each(func(_ int, s *goquery.Selection) {
		name := s.AttrOr("name", "")
		typed, sent := v[name]
		if !sent || name == "version" || strings.HasPrefix(name, "sources.") {
			return
		}
		want := shown(typed[0])
		switch goquery.NodeName(s) {
		case "input":
			if got := s.AttrOr("value", ""); got != want {
				t.Errorf("%s: %q shown as %q, typed %q (want %q)", action, name, got, typed[0], want)
			}
		case "textarea":
			// HTML drops a text area's first line break when reading the page, as browsers do;
			// the page writes one before the value, so that a value's own first line break stays.
			if got := s.Text(); got != want {
				t.Errorf("%s: %q shown as %q, typed %q (want %q)", action, name, got, typed[0], want)
			}
		case "select":
			offered := s.Find("option").FilterFunction(func(_ int, o *goquery.Selection) bool { return optionValue(o) == want })
			if offered.Length() > 0 && !offered.Is("[selected]") {
				t.Errorf("%s: %q offers %q, which was chosen, but shows it unchosen", action, name, want)
			}
		}
	})
}

// expectSourcesShown checks that the source rows typed come back in order, the empty ones left out.
func expectSourcesShown(t *testing.T, action string, form *goquery.Selection, v url.Values) {
	t.Helper()
	var typed, back []string
	for i := range templates.MaxSources {
		title, link := "sources."+strconv.Itoa(i)+".title", "sources."+strconv.Itoa(i)+".url"
		if row := shown(v.Get(title)) + " | " + shown(v.Get(link)); strings.TrimSpace(v.Get(title)+v.Get(link)) != "" {
			typed = append(typed, row)
		}
		if row := form.Find(`[name="`+title+`"]`).AttrOr("value", "") + " | " + form.Find(`[name="`+link+`"]`).AttrOr("value", ""); row != " | " {
			back = append(back, row)
		}
	}
	if !slices.Equal(typed, back) {
		t.Errorf("%s: sources typed %q, shown %q", action, typed, back)
	}
}

// expectSaved checks that every field of the stored entry reads back as the form sent it, after
// the normalisation the site documents: line breaks as LF (fieldParser.text), stray spaces
// trimmed (the kinds' Normalize), the scheme of an address in lower case (normalizeURL), country
// codes in upper case, numbers and dates in their one written form, empty source rows dropped.
// Only the form's own fields change: an update keeps the entry published or not as it was, and a
// new entry is a draft.
func expectSaved(t *testing.T, v url.Values, before, stored content.Entry) {
	t.Helper()
	hasSources := false
	for _, fv := range stored.Fields() {
		switch fv.Field {
		case "sources":
			hasSources = true
			continue
		case "kind", "published", "image", "image_alt_ru", "image_alt_en", "image_credit":
			continue
		}
		if templates.DateFields[fv.Field] {
			if boxes := dateBoxes(v, fv.Field); !dateSavedAs(boxes, fv.Value) {
				t.Errorf("%q: sent %q, stored %q", fv.Field, boxes, fv.Value)
			}
			continue
		}
		if typed := lf(v.Get(fv.Field)); !savedAs(fv.Field, typed, fv.Value) {
			t.Errorf("%q: sent %q, stored %q", fv.Field, typed, fv.Value)
		}
	}
	// A kind without sources (places, the text pages) ignores sources.* sent to its form: an
	// input made for another kind's form, such as one kept in the fuzzing cache from before a kind
	// was added, may carry them.
	var want []content.Source
	for i := range templates.MaxSources {
		if !hasSources {
			break
		}
		title, link := "sources."+strconv.Itoa(i)+".title", "sources."+strconv.Itoa(i)+".url"
		if v[title] == nil && v[link] == nil {
			continue
		}
		s := content.Source{Title: strings.TrimSpace(lf(v.Get(title))), URL: strings.TrimSpace(lf(v.Get(link)))}
		if s.Title != "" || s.URL != "" {
			want = append(want, s)
		}
	}
	got := sourcesOf(stored)
	if len(got) != len(want) {
		t.Errorf("sources: sent %q, stored %q", want, got)
	} else {
		for i := range got {
			if got[i].Title != want[i].Title || !sameURL(want[i].URL, got[i].URL) {
				t.Errorf("source %d: sent %q, stored %q", i, want[i], got[i])
			}
		}
	}
	switch {
	case before == nil && stored.IsPublished():
		t.Error("a new entry was published at once")
	case before != nil && stored.IsPublished() != before.IsPublished():
		t.Errorf("saving the form changed published from %t to %t", before.IsPublished(), stored.IsPublished())
	}
}

// dateBoxes is what was typed in the day, month and year boxes of date field name.
func dateBoxes(v url.Values, name string) []string {
	return []string{v.Get(name + ".day"), v.Get(name + ".month"), v.Get(name + ".year")}
}

// dateSavedAs reports whether stored is the date typed in the boxes: each box filled holds the
// stored date's number of that part, the boxes beyond its precision empty; or, a whole date
// typed in one box and the others left empty, the date that text reads as.
func dateSavedAs(boxes []string, stored string) bool {
	d, err := content.ParseDate(stored)
	if err != nil {
		return false
	}
	var filled []string
	for _, b := range boxes {
		if strings.TrimSpace(b) != "" {
			filled = append(filled, strings.TrimSpace(b))
		}
	}
	if len(filled) == 1 && strings.ContainsAny(filled[0], ".-") {
		whole, err := content.ParseDate(filled[0])
		return err == nil && whole == d
	}
	want := []int{0, 0, 0}
	switch d.Precision {
	case content.Day:
		want = []int{d.Time.Day(), int(d.Time.Month()), d.Time.Year()}
	case content.Month:
		want = []int{0, int(d.Time.Month()), d.Time.Year()}
	case content.Year:
		want = []int{0, 0, d.Time.Year()}
	}
	for i, b := range boxes {
		b = strings.TrimSpace(b)
		n, err := strconv.Atoi(b)
		if b == "" && want[i] != 0 || b != "" && (err != nil || n != want[i] || strings.Trim(b, "0123456789") != "") {
			return false
		}
	}
	return true
}

// savedAs reports whether stored is what the site makes of typed in field.
func savedAs(field, typed, stored string) bool {
	trimmed := strings.TrimSpace(typed)
	switch field {
	case "latitude", "longitude":
		if trimmed == "" {
			return stored == ""
		}
		x, err := strconv.ParseFloat(strings.Replace(trimmed, ",", ".", 1), 64)
		return err == nil && strconv.FormatFloat(x, 'f', -1, 64) == stored
	case "sort_order":
		n, err := strconv.Atoi(trimmed)
		return trimmed == "" && stored == "0" || err == nil && strconv.Itoa(n) == stored
	case "city_id":
		n, err := strconv.ParseInt(trimmed, 10, 64)
		return trimmed == "" && stored == "" || err == nil && strconv.FormatInt(n, 10) == stored
	case "country":
		return strings.ToUpper(trimmed) == stored
	case "website", "link":
		return sameURL(trimmed, stored)
	}
	return stored == typed || stored == trimmed
}

// sameURL reports whether stored is the address typed, its scheme written in lower case, or
// completed with https:// when typed without one ("www.duisburg.de").
func sameURL(typed, stored string) bool {
	if !strings.Contains(typed, "://") && typed != "" && stored == "https://"+strings.TrimPrefix(typed, "//") {
		return true
	}
	if scheme, rest, ok := strings.Cut(typed, "://"); ok && (strings.EqualFold(scheme, "http") || strings.EqualFold(scheme, "https")) {
		return stored == strings.ToLower(scheme)+"://"+rest
	}
	return stored == typed
}
