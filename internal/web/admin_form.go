package web

import (
	"net/url"
	"slices"
	"strconv"
	"strings"

	"twincities/internal/content"
	"twincities/internal/i18n"
	"twincities/templates"
)

// formValues is an entry as its form shows it: every field of Fields, with the sources spread
// over their rows. The picture's texts are there for its own form; the picture itself is not.
func formValues(e content.Entry, sources []content.Source) url.Values {
	v := url.Values{}
	for _, f := range e.Fields() {
		if f.Field == "sources" || f.Field == "image" {
			continue
		}
		if templates.DateFields[f.Field] {
			d, _ := content.ParseDate(f.Value) // written by Date.String, so it reads back
			day, month, year := d.Parts()
			v.Set(f.Field+".day", day)
			v.Set(f.Field+".month", month)
			v.Set(f.Field+".year", year)
			continue
		}
		v.Set(f.Field, f.Value)
	}
	for i, s := range sources {
		v.Set("sources."+strconv.Itoa(i)+".title", s.Title)
		v.Set("sources."+strconv.Itoa(i)+".url", s.URL)
		v.Set("sources."+strconv.Itoa(i)+".translation", s.Translation)
	}
	v.Set("version", strconv.Itoa(e.CurrentVersion()))
	return v
}

// fieldParser reads submitted values into an entry, noting values that cannot be read at all
// (a date that is not a date); the entry's own Validate finds the rest.
type fieldParser struct {
	v    url.Values
	errs []content.FieldError
}

// text is a field's value with line breaks as the site stores them: browsers send a textarea's
// lines ended by CR LF, which would make every save look like a change.
func (p *fieldParser) text(name string) string {
	return strings.ReplaceAll(p.v.Get(name), "\r\n", "\n")
}

func (p *fieldParser) bilingual(base string) content.Text {
	return content.Text{RU: p.text(base + "_ru"), EN: p.text(base + "_en")}
}

// date reads a date typed in its three boxes (templates.DateFields), or typed whole into one of
// them, the others left empty: "15.10.2007" or "2007-10-15" pasted into the year box. A problem
// names the box at fault.
func (p *fieldParser) date(name string) content.Date {
	day, month, year := p.v.Get(name+".day"), p.v.Get(name+".month"), p.v.Get(name+".year")
	filled := 0
	whole := ""
	for _, s := range []string{day, month, year} {
		if strings.TrimSpace(s) != "" {
			filled++
			whole = s
		}
	}
	if filled == 1 && strings.ContainsAny(whole, ".-") {
		d, err := content.ParseDate(whole)
		if err != nil {
			p.errs = append(p.errs, content.FieldError{Field: name, Problem: content.ProblemDate})
		}
		return d
	}
	d, part := content.DateFromParts(day, month, year)
	if problem, bad := datePartProblems[part]; bad {
		p.errs = append(p.errs, content.FieldError{Field: name, Problem: problem})
	}
	return d
}

// datePartProblems turns the box DateFromParts finds at fault into the problem the person reads.
var datePartProblems = map[string]content.Problem{
	content.PartDay: content.ProblemDateDay, content.PartMonth: content.ProblemDateMonth,
	content.PartYear: content.ProblemDateYear, content.PartReal: content.ProblemDateReal,
}

func (p *fieldParser) integer(name string) int {
	s := strings.TrimSpace(p.v.Get(name))
	if s == "" {
		return 0
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < -1_000_000 || n > 1_000_000 {
		p.errs = append(p.errs, content.FieldError{Field: name, Problem: content.ProblemNumber})
	}
	return n
}

// optionalID reads a reference to another entry ("" for none).
func (p *fieldParser) optionalID(name string) *int64 {
	s := strings.TrimSpace(p.v.Get(name))
	if s == "" {
		return nil
	}
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil || id <= 0 {
		p.errs = append(p.errs, content.FieldError{Field: name, Problem: content.ProblemChoice})
		return nil
	}
	return &id
}

// location reads latitude and longitude: both or neither.
func (p *fieldParser) location() *content.GeoPoint {
	lat, lon := strings.TrimSpace(p.v.Get("latitude")), strings.TrimSpace(p.v.Get("longitude"))
	if lat == "" && lon == "" {
		return nil
	}
	la, err1 := strconv.ParseFloat(strings.Replace(lat, ",", ".", 1), 64)
	lo, err2 := strconv.ParseFloat(strings.Replace(lon, ",", ".", 1), 64)
	if lat == "" || lon == "" || err1 != nil || err2 != nil {
		p.errs = append(p.errs, content.FieldError{Field: "latitude", Problem: content.ProblemCoordinates})
		return nil
	}
	return &content.GeoPoint{Lat: la, Lon: lo}
}

// compactSources numbers the rows of a submitted sources fieldset again without the rows left
// empty, which Normalize drops before validation: a problem found in the second source is then
// marked at the second row the form shows, not at whatever row the person left empty above it.
// Rows past templates.MaxSources, which the parser never reads, are dropped too.
func compactSources(v url.Values) url.Values {
	out := make(url.Values, len(v))
	for k, vals := range v {
		if !strings.HasPrefix(k, "sources.") {
			out[k] = vals
		}
	}
	n := 0
	for i := 0; i < templates.MaxSources; i++ {
		from, to := "sources."+strconv.Itoa(i)+".", "sources."+strconv.Itoa(n)+"."
		title, hasTitle := v[from+"title"]
		link, hasURL := v[from+"url"]
		translation, hasTranslation := v[from+"translation"]
		if strings.TrimSpace(v.Get(from+"title")) == "" && strings.TrimSpace(v.Get(from+"url")) == "" &&
			strings.TrimSpace(v.Get(from+"translation")) == "" {
			continue
		}
		if hasTitle {
			out[to+"title"] = title
		}
		if hasURL {
			out[to+"url"] = link
		}
		if hasTranslation {
			out[to+"translation"] = translation
		}
		n++
	}
	return out
}

// sources reads the rows of the sources fieldset; rows left empty are dropped later by Normalize.
func (p *fieldParser) sources() []content.Source {
	var out []content.Source
	for i := 0; i < templates.MaxSources; i++ {
		prefix := "sources." + strconv.Itoa(i) + "."
		_, title := p.v[prefix+"title"]
		_, link := p.v[prefix+"url"]
		_, translation := p.v[prefix+"translation"]
		if !title && !link && !translation {
			continue
		}
		out = append(out, content.Source{Title: p.text(prefix + "title"), URL: p.text(prefix + "url"),
			Translation: p.text(prefix + "translation")})
	}
	return out
}

// formState builds what a form shows: values, and the problems of errs as messages in the order
// of the entry's fields.
func formState(a *i18n.AdminMessages, values url.Values, order []content.FieldValue, errs []content.FieldError) templates.Form {
	f := templates.Form{Values: values, Errors: map[string]string{}, Admin: a, Problems: map[string]content.Problem{}}
	for _, e := range errs {
		if _, dup := f.Errors[e.Field]; dup {
			continue
		}
		f.Errors[e.Field] = a.Problems[e.Problem]
		f.Problems[e.Field] = e.Problem
		f.Order = append(f.Order, e.Field)
	}
	pos := func(field string) int {
		if strings.HasPrefix(field, "sources.") {
			field = "sources"
		}
		for i, fv := range order {
			if fv.Field == field {
				return i
			}
		}
		return len(order)
	}
	slices.SortStableFunc(f.Order, func(x, y string) int { return pos(x) - pos(y) })
	return f
}

// mergeProblems puts parse problems first and adds validation problems of other fields.
func mergeProblems(parse []content.FieldError, validation error) []content.FieldError {
	out := append([]content.FieldError(nil), parse...)
	if v := content.AsValidation(validation); v != nil {
		out = append(out, v.Fields...)
	}
	return out
}
