package web_test

import (
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

// Forms as a browser fills them: finding a form on a page, what it would send, a person's edits
// to it, and submitting it.

// findForm returns the one form of p that sel matches.
func findForm(tb testing.TB, p page, sel string) *goquery.Selection {
	tb.Helper()
	f := p.doc.Find(sel).FilterFunction(func(_ int, s *goquery.Selection) bool { return goquery.NodeName(s) == "form" })
	if f.Length() != 1 {
		tb.Fatalf("%s: %d forms match %q, want 1\n%s", p.path, f.Length(), sel, excerpt(p))
	}
	return f
}

// formAt selects a form by its action.
func formAt(action string) string { return `form[action="` + action + `"]` }

// formFields is what a browser sends for form: every named, enabled input (checked ones only for
// checkboxes and radios, never buttons or files), textarea (line breaks as CR LF) and the selected
// option of each select (the first when none is marked).
func formFields(form *goquery.Selection) url.Values {
	v := url.Values{}
	form.Find("input, textarea, select").Each(func(_ int, s *goquery.Selection) {
		name := s.AttrOr("name", "")
		if name == "" {
			return
		}
		if _, disabled := s.Attr("disabled"); disabled {
			return
		}
		switch goquery.NodeName(s) {
		case "input":
			switch strings.ToLower(s.AttrOr("type", "text")) {
			case "submit", "button", "reset", "image", "file":
				return
			case "checkbox", "radio":
				if _, checked := s.Attr("checked"); !checked {
					return
				}
				v.Add(name, s.AttrOr("value", "on"))
			default:
				v.Add(name, s.AttrOr("value", ""))
			}
		case "textarea":
			v.Add(name, crlf(s.Text()))
		case "select":
			opts := s.Find("option")
			chosen := opts.FilterFunction(func(_ int, o *goquery.Selection) bool {
				_, ok := o.Attr("selected")
				return ok
			})
			if chosen.Length() == 0 {
				chosen = opts.First()
			}
			if _, multiple := s.Attr("multiple"); !multiple {
				chosen = chosen.Last()
			}
			chosen.Each(func(_ int, o *goquery.Selection) { v.Add(name, optionValue(o)) })
		}
	})
	return v
}

func optionValue(o *goquery.Selection) string {
	if v, ok := o.Attr("value"); ok {
		return v
	}
	return squash(o.Text())
}

// crlf writes line breaks as browsers submit them.
func crlf(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\n", "\r\n")
}

// fill applies edits to what form would send, as a person typing would: only into fields the form
// has, and in a select only one of its options.
func fill(tb testing.TB, form *goquery.Selection, edits url.Values) url.Values {
	tb.Helper()
	v := formFields(form)
	for name, vals := range edits {
		field := form.Find(`[name="` + name + `"]`)
		if field.Length() == 0 {
			tb.Fatalf("the form has no field %q", name)
		}
		if goquery.NodeName(field) == "select" {
			for _, val := range vals {
				ok := false
				field.Find("option").Each(func(_ int, o *goquery.Selection) { ok = ok || optionValue(o) == val })
				if !ok {
					tb.Fatalf("the select %q offers no option %q", name, val)
				}
			}
		}
		if goquery.NodeName(field) == "textarea" {
			vals = slices.Clone(vals)
			for i := range vals {
				vals[i] = crlf(vals[i])
			}
		}
		v[name] = vals
	}
	return v
}

// submit fills the form of p that sel matches with edits and submits it as the browser would.
func (b *browser) submit(p page, sel string, edits url.Values) page {
	b.tb.Helper()
	return b.submitFiles(p, sel, edits, nil)
}

// submitFiles is submit for a form with file inputs: files by input name.
func (b *browser) submitFiles(p page, sel string, edits url.Values, files map[string]upload) page {
	b.tb.Helper()
	form := findForm(b.tb, p, sel)
	v := fill(b.tb, form, edits)
	for name := range files {
		if form.Find(`input[type="file"][name="`+name+`"]`).Length() != 1 {
			b.tb.Fatalf("the form has no file input %q", name)
		}
	}
	action := form.AttrOr("action", p.path)
	// The page the form is on, as a browser sends it to its own site (Referrer-Policy
	// strict-origin-when-cross-origin: the whole address).
	referer := b.site.srv.URL + p.path
	if strings.ToLower(form.AttrOr("method", "get")) != "post" {
		return b.get(action+"?"+v.Encode(), "Referer", referer)
	}
	if form.AttrOr("enctype", "") == "multipart/form-data" {
		return b.postMultipart(action, v, files, "Referer", referer)
	}
	return b.post(action, v, "Referer", referer)
}
