package content

import (
	"net/mail"
	"strconv"
	"strings"
	"time"
)

// EntityPlace names places in the history and the audit log.
const EntityPlace Entity = "place"

// DepartmentSlug is the slug of the place that is the department itself: the footer and the
// "how to take part" block of every city page give its contact details.
const DepartmentSlug = "department"

// Place is an address a visitor may need, with its contact details: the department's office, the
// Twinned Cities Hall. Every detail but the name is optional, draft or published: the initial data
// leaves unknown ones empty, and the public page hides what is empty.
type Place struct {
	ID           int64      `json:"id"`
	Slug         string     `json:"slug"`
	Name         Text       `json:"name"`
	Description  Text       `json:"description"` // what the place is or does, in a sentence or two
	Address      Text       `json:"address"`
	Phone        string     `json:"phone"` // as people dial it: digits, spaces, + ( ) -
	Email        string     `json:"email"` // a bare address, no display name
	Hours        Text       `json:"hours"` // opening hours, as written
	HeadName     Text       `json:"head_name"`
	HeadPosition Text       `json:"head_position"`
	Website      string     `json:"website"`
	Location     *GeoPoint  `json:"location"`
	SortOrder    int        `json:"sort_order"`
	Published    bool       `json:"published"`
	EditorNote   string     `json:"editor_note"` // for staff only, never shown to the public
	Version      int        `json:"version"`
	DeletedAt    *time.Time `json:"deleted_at"`
	CreatedAt    time.Time  `json:"created_at"`
	UpdatedAt    time.Time  `json:"updated_at"`
}

// MaxPhone is the longest phone number, as written with its spaces and brackets.
const MaxPhone = 40

// Normalize trims stray spaces from what people typed.
func (p *Place) Normalize() {
	p.Slug = strings.TrimSpace(p.Slug)
	p.Phone = strings.TrimSpace(p.Phone)
	p.Email = strings.TrimSpace(p.Email)
	trimText(&p.Name, &p.Description, &p.Address, &p.Hours, &p.HeadName, &p.HeadPosition)
	p.Website = normalizeURL(p.Website)
}

// Validate checks the place against the rules of the site.
func (p *Place) Validate() error {
	var v checker
	v.slug("slug", p.Slug)
	v.nameText("name", p.Name, p.Published)
	v.text("description", p.Description, MaxSummary, false, p.Published)
	v.text("address", p.Address, MaxName, false, p.Published)
	v.chars("phone", p.Phone, false, true)
	if p.Phone != "" && !ValidPhone(p.Phone) {
		v.add("phone", ProblemPhone)
	}
	v.maxLen("phone", p.Phone, MaxPhone)
	v.chars("email", p.Email, false, true)
	if p.Email != "" && !ValidEmail(p.Email) {
		v.add("email", ProblemEmail)
	}
	v.maxLen("email", p.Email, MaxEmail)
	v.text("hours", p.Hours, MaxName, false, p.Published)
	v.text("head_name", p.HeadName, MaxName, false, p.Published)
	v.text("head_position", p.HeadPosition, MaxName, false, p.Published)
	v.url("website", p.Website)
	// Written as "not within range" so that NaN, which compares false with everything, fails too.
	if g := p.Location; g != nil && !(g.Lat >= -90 && g.Lat <= 90 && g.Lon >= -180 && g.Lon <= 180) {
		v.add("latitude", ProblemCoordinates)
	}
	v.lines("editor_note", p.EditorNote, MaxNote)
	return v.err()
}

// ValidPhone reports whether s is written as a phone number people dial: digits, spaces, "+",
// brackets and hyphens, with at least one digit.
func ValidPhone(s string) bool {
	digits := 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case strings.ContainsRune(" +()-", r):
		default:
			return false
		}
	}
	return digits > 0
}

// ValidEmail reports whether s is one bare e-mail address, such as name@example.org: what a
// mailto: link can carry, without a display name or angle brackets.
func ValidEmail(s string) bool {
	a, err := mail.ParseAddress(s)
	return err == nil && a.Name == "" && a.Address == s
}

// TelURI is the phone number as a tel: link dials it: "+7 (342) 212-34-56" becomes
// "tel:+73422123456".
func (p Place) TelURI() string {
	var b strings.Builder
	b.WriteString("tel:")
	for _, r := range p.Phone {
		if r == '+' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// HasContacts reports whether the place has any detail a visitor can use to reach it.
func (p Place) HasContacts() bool {
	return p.Phone != "" || p.Email != "" || p.Address.RU != "" || p.Address.EN != ""
}

// ContactGaps lists the contact details of the place that are empty, by the names of their
// form fields (a bilingual one by its base name, empty in both languages): what staff still
// have to find out.
func (p Place) ContactGaps() []string {
	var gaps []string
	for _, d := range []struct {
		field string
		empty bool
	}{
		{"address", p.Address.RU == "" && p.Address.EN == ""},
		{"phone", p.Phone == ""},
		{"email", p.Email == ""},
		{"hours", p.Hours.RU == "" && p.Hours.EN == ""},
		{"head_name", p.HeadName.RU == "" && p.HeadName.EN == ""},
	} {
		if d.empty {
			gaps = append(gaps, d.field)
		}
	}
	return gaps
}

// Entity is EntityPlace.
func (p Place) Entity() Entity { return EntityPlace }

// EntryID is the place's ID.
func (p Place) EntryID() int64 { return p.ID }

// CurrentVersion is the version the place was read at.
func (p Place) CurrentVersion() int { return p.Version }

// Label is the place's name in l, or in the other language while it has only one.
func (p Place) Label(l Lang) string { return firstNonEmpty(p.Name, l) }

// IsPublished reports whether the public sees the place.
func (p Place) IsPublished() bool { return p.Published }

// TrashedAt is when the place was deleted, or nil.
func (p Place) TrashedAt() *time.Time { return p.DeletedAt }

// Fields lists the place's fields in the order of its form.
func (p Place) Fields() []FieldValue {
	var lat, lon string
	if p.Location != nil {
		lat, lon = strconv.FormatFloat(p.Location.Lat, 'f', -1, 64), strconv.FormatFloat(p.Location.Lon, 'f', -1, 64)
	}
	f := []FieldValue{{Field: "slug", Value: p.Slug}}
	f = append(f, textFields("name", p.Name)...)
	f = append(f, textFields("description", p.Description)...)
	f = append(f, textFields("address", p.Address)...)
	f = append(f, FieldValue{Field: "phone", Value: p.Phone}, FieldValue{Field: "email", Value: p.Email})
	f = append(f, textFields("hours", p.Hours)...)
	f = append(f, textFields("head_name", p.HeadName)...)
	f = append(f, textFields("head_position", p.HeadPosition)...)
	return append(f,
		FieldValue{Field: "website", Value: p.Website},
		FieldValue{Field: "latitude", Value: lat}, FieldValue{Field: "longitude", Value: lon},
		FieldValue{Field: "sort_order", Value: strconv.Itoa(p.SortOrder)},
		FieldValue{Field: "editor_note", Value: p.EditorNote},
		FieldValue{Field: "published", Value: boolValue(p.Published)})
}
