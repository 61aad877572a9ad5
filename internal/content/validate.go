package content

import (
	"errors"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// Problem names what is wrong with one field. The web layer turns it into words in the visitor's
// language; the domain only decides.
type Problem string

// The problems validation can find.
const (
	ProblemRequired      Problem = "required"       // empty, but must be filled
	ProblemTooLong       Problem = "too_long"       // longer than the field allows
	ProblemSlug          Problem = "slug"           // not lower-case latin letters, digits and hyphens
	ProblemURL           Problem = "url"            // not an absolute http(s) address
	ProblemDate          Problem = "date"           // not YYYY, YYYY-MM or YYYY-MM-DD
	ProblemCountry       Problem = "country"        // not an ISO 3166 two-letter country code
	ProblemCoordinates   Problem = "coordinates"    // latitude or longitude out of range, or only one given
	ProblemChoice        Problem = "choice"         // not one of the offered values
	ProblemOtherLanguage Problem = "other_language" // filled in one language only, but the entry is published
	ProblemStatusDate    Problem = "status_date"    // a date for a status that has none (active)
	ProblemTaken         Problem = "taken"          // already used by another entry
	ProblemEmail         Problem = "email"          // not an e-mail address
	ProblemNumber        Problem = "number"         // not a whole number
	ProblemAlt           Problem = "alt"            // an image without its text alternative
	ProblemCharacters    Problem = "characters"     // holds characters nobody can type: control, broken, or in a name invisible
	ProblemTimeZone      Problem = "time_zone"      // not an IANA time zone name Go knows, such as "Europe/Berlin"
	ProblemPhone         Problem = "phone"          // not a phone number: digits, spaces, + ( ) - only
	ProblemINN           Problem = "inn"            // not an organisation's taxpayer number: 10 digits with a correct check digit
	ProblemPhoneDigits   Problem = "phone_digits"   // a phone number without its country and area codes: not 10 to 15 digits
	// Issue 11, friendly inputs: a date typed in three boxes, the box at fault named.
	ProblemDateDay   Problem = "date_day"   // the day is not a number from 1 to 31
	ProblemDateMonth Problem = "date_month" // the month is not a number from 1 to 12, or missing while the day is given
	ProblemDateYear  Problem = "date_year"  // the year is not four digits, or missing while the day or month is given
	ProblemDateReal  Problem = "date_real"  // the month has no such day: 31 February
)

// FieldError is one problem with one form field, named as the form names it ("name_en").
type FieldError struct {
	Field   string
	Problem Problem
}

// ValidationError lists every problem found, in the order of the form's fields.
type ValidationError struct {
	Fields []FieldError
}

func (e *ValidationError) Error() string {
	names := make([]string, len(e.Fields))
	for i, f := range e.Fields {
		names[i] = f.Field + ": " + string(f.Problem)
	}
	return "content: invalid " + strings.Join(names, ", ")
}

// For returns the problem with field, or "" when it has none.
func (e *ValidationError) For(field string) Problem {
	if e == nil {
		return ""
	}
	for _, f := range e.Fields {
		if f.Field == field {
			return f.Problem
		}
	}
	return ""
}

// AsValidation returns err's ValidationError, or nil when err is not one.
func AsValidation(err error) *ValidationError {
	var v *ValidationError
	if errors.As(err, &v) {
		return v
	}
	return nil
}

// Field length limits. Generous, but they stop a pasted document ending up in a name.
const (
	MaxName    = 200
	MaxSummary = 1000
	MaxBody    = 50000
	MaxNote    = 2000
	MaxURL     = 2000
	MaxSlug    = 80
)

var slugPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// checker collects field problems; the first problem of a field wins.
type checker struct {
	errs []FieldError
}

func (c *checker) add(field string, p Problem) {
	for _, f := range c.errs {
		if f.Field == field {
			return
		}
	}
	c.errs = append(c.errs, FieldError{Field: field, Problem: p})
}

func (c *checker) maxLen(field, v string, n int) {
	if utf8.RuneCountInString(v) > n {
		c.add(field, ProblemTooLong)
	}
}

// line checks a one-line field that is not a name: its characters, then its length.
func (c *checker) line(field, v string, n int) {
	c.chars(field, v, false, false)
	c.maxLen(field, v, n)
}

// lines checks a multi-line field (a text area): its characters, then its length.
func (c *checker) lines(field, v string, n int) {
	c.chars(field, v, true, false)
	c.maxLen(field, v, n)
}

// text checks a bilingual field named prefix_ru / prefix_en. required: both languages must be
// filled. published: one language may not be filled without the other. A field allowed more
// than a name's length is a text area in its form, so it may span lines; a shorter one may not.
func (c *checker) text(prefix string, t Text, maxLen int, required, published bool) {
	for _, l := range Langs {
		field, v := prefix+"_"+string(l), t.In(l)
		if strings.TrimSpace(v) == "" {
			if required || (published && strings.TrimSpace(t.In(l.Other())) != "") {
				if required {
					c.add(field, ProblemRequired)
				} else {
					c.add(field, ProblemOtherLanguage)
				}
			}
			continue
		}
		c.chars(field, v, maxLen > MaxName, false)
		c.maxLen(field, v, maxLen)
	}
}

// nameText checks an entry's name: a draft needs it in one language, a published entry in both.
func (c *checker) nameText(prefix string, t Text, published bool) {
	for _, l := range Langs {
		if v := t.In(l); strings.TrimSpace(v) != "" {
			c.chars(prefix+"_"+string(l), v, false, true)
		}
	}
	if !published && (strings.TrimSpace(t.RU) != "" || strings.TrimSpace(t.EN) != "") {
		c.text(prefix, t, MaxName, false, false)
		return
	}
	c.text(prefix, t, MaxName, true, published)
}

// picture checks an entry's picture: its text alternative in both languages, and its credit.
func (c *checker) picture(p *Picture) {
	if p == nil {
		return
	}
	for _, l := range Langs {
		field, v := "image_alt_"+string(l), p.Alt.In(l)
		if strings.TrimSpace(v) == "" {
			c.add(field, ProblemAlt)
			continue
		}
		c.line(field, v, MaxSummary)
	}
	c.line("image_credit", p.Credit, MaxName)
}

func (c *checker) slug(field, v string) {
	switch {
	case v == "":
		c.add(field, ProblemRequired)
	case len(v) > MaxSlug:
		c.add(field, ProblemTooLong)
	case !slugPattern.MatchString(v):
		c.add(field, ProblemSlug)
	}
}

func (c *checker) url(field, v string) {
	if v == "" {
		return
	}
	c.chars(field, v, false, true)
	if len(v) > MaxURL {
		c.add(field, ProblemTooLong)
		return
	}
	if !IsWebURL(v) {
		c.add(field, ProblemURL)
	}
}

func (c *checker) sources(sources []Source) {
	for i, s := range sources {
		prefix := "sources." + strconv.Itoa(i) + "."
		if strings.TrimSpace(s.Title) == "" {
			c.add(prefix+"title", ProblemRequired)
		}
		c.line(prefix+"title", s.Title, MaxName)
		c.url(prefix+"url", s.URL)
		c.line(prefix+"translation", s.Translation, MaxName)
	}
}

func (c *checker) err() error {
	if len(c.errs) == 0 {
		return nil
	}
	return &ValidationError{Fields: c.errs}
}

// IsWebURL reports whether u is an absolute http or https address with a host and no white space,
// the only links the site shows. The scheme must be written in lower case, as the database's
// is_web_url rule requires, so a form never passes a value the database then refuses.
func IsWebURL(u string) bool {
	if !strings.HasPrefix(u, "http://") && !strings.HasPrefix(u, "https://") {
		return false
	}
	if strings.IndexFunc(u, unicode.IsSpace) >= 0 {
		return false
	}
	p, err := url.Parse(u)
	return err == nil && p.Host != ""
}

// IsCountryCode reports whether code is an ISO 3166-1 alpha-2 country code in upper case.
// CLDR also knows aliases ("UK" for GB), groupings ("UN") and withdrawn codes ("SU"); none of them
// is a country the site can name and show a flag for.
func IsCountryCode(code string) bool {
	if len(code) != 2 || strings.ToUpper(code) != code {
		return false
	}
	r, err := language.ParseRegion(code)
	return err == nil && r.IsCountry() && r.String() == code &&
		r.Canonicalize() == r && r.M49() != 0 && regionNames.Name(r) != ""
}

var regionNames = display.Regions(language.English)
