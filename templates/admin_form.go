package templates

import (
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"twincities/internal/content"
	"twincities/internal/i18n"
)

// Form is the state of an admin form: the values to show (stored ones, or what the person just
// submitted) and the problems found, as messages in the person's language.
type Form struct {
	Values url.Values
	Errors map[string]string   // field name → message
	Order  []string            // the fields with errors, in the order of the form, for the summary
	Admin  *i18n.AdminMessages // the admin's messages in the person's language
	// Problems is what each message says, for the fields whose parts are marked one by one: the
	// boxes of a date (see DateFaults).
	Problems map[string]content.Problem
	// Unsaved: the values shown are typed ones, not saved yet (issue 11, images in the form): the
	// browser warns before leaving the page even if nothing is typed again.
	Unsaved bool
	// PreviewField is the bilingual Markdown field shown rendered under its boxes, when the person
	// asked for a preview of the form (issue 11, friendly inputs); "" otherwise.
	PreviewField string
}

// Value is the value of field name, as a page can show it. A value refused for holding what nobody
// can type comes back to its form; bytes that are not UTF-8 and control characters other than
// tabs and line breaks (CR LF, as browsers send a text area's) are shown as U+FFFD, which marks
// where they were.
func (f Form) Value(name string) string {
	v := f.Values.Get(name)
	if content.Typable(strings.ReplaceAll(v, "\r\n", "\n"), true) {
		return v
	}
	return strings.Map(func(r rune) rune {
		if r != '\n' && r != '\r' && r != '\t' && !content.Typable(string(r), false) {
			return utf8.RuneError
		}
		return r
	}, strings.ToValidUTF8(v, string(utf8.RuneError)))
}

// ErrorOf is the error message of field name, or "".
func (f Form) ErrorOf(name string) string { return f.Errors[name] }

// Invalid reports whether the form has problems.
func (f Form) Invalid() bool { return len(f.Order) > 0 }

// FieldID is the HTML id of field name: the summary links to it.
func FieldID(name string) string { return "f-" + strings.NewReplacer(".", "-", "_", "-").Replace(name) }

// Option is one choice of a select.
type Option struct {
	Value, Label string
}

// describedBy lists the ids of a field's hint and error for aria-describedby.
func describedBy(f Form, name string, hasHint bool) string {
	var ids []string
	if hasHint {
		ids = append(ids, FieldID(name)+"-hint")
	}
	if f.ErrorOf(name) != "" {
		ids = append(ids, FieldID(name)+"-error")
	}
	return strings.Join(ids, " ")
}

// ariaInvalid is "true" for a field with a problem, or "" to leave the attribute out.
func ariaInvalid(f Form, name string) string {
	if f.ErrorOf(name) != "" {
		return "true"
	}
	return ""
}

// MaxSources is how many sources a form accepts.
const MaxSources = 50

// SourceRows is how many source rows a form shows: up to the last filled one, and two empty ones
// to add more without JavaScript.
func SourceRows(f Form) int {
	n := 0
	for i := 0; i < MaxSources; i++ {
		if f.Value(sourceField(i, "title")) != "" || f.Value(sourceField(i, "url")) != "" || f.Value(sourceField(i, "translation")) != "" {
			n = i + 1
		}
	}
	return min(n+2, MaxSources)
}

func sourceField(i int, part string) string {
	return "sources." + strconv.Itoa(i) + "." + part
}

func itoa(i int) string { return strconv.Itoa(i) }
