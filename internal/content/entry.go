package content

import (
	"strconv"
	"strings"
	"time"
)

// Entity names a kind of entry staff edit, as the history records it.
type Entity string

// The kinds of entry with a history.
const (
	EntityCity         Entity = "city"
	EntityEvent        Entity = "event"
	EntityOrganization Entity = "organization"
	EntityAward        Entity = "award"
	EntityPage         Entity = "page"
	EntityUser         Entity = "user"
	// EntitySettings is the site-wide settings, which the audit log records like an entry.
	EntitySettings Entity = "settings"
)

// FieldValue is one field of an entry as a person reads it, named as its form names it. Comparing
// two lists of them says what changed between two versions: for the history, the audit log and
// the conflict page alike.
type FieldValue struct {
	Field string
	Value string
}

// Entry is what every edited kind of content has in common.
type Entry interface {
	// Entity is the kind of entry.
	Entity() Entity
	// EntryID identifies the entry within its kind.
	EntryID() int64
	// CurrentVersion is the version this copy of the entry was read at.
	CurrentVersion() int
	// Label names the entry in lists and in the history, in language l.
	Label(l Lang) string
	// IsPublished reports whether the public sees the entry.
	IsPublished() bool
	// TrashedAt is when the entry was deleted (it may be restored); nil when it was not.
	TrashedAt() *time.Time
	// Fields lists the entry's fields for comparison.
	Fields() []FieldValue
}

// Change is one field that differs between two versions of an entry.
type Change struct {
	Field  string `json:"field"`
	Before string `json:"before"`
	After  string `json:"after"`
}

// Diff lists the fields whose values differ between before and after, in after's order. A field
// present in only one of them counts as empty in the other.
func Diff(before, after []FieldValue) []Change {
	old := make(map[string]string, len(before))
	for _, f := range before {
		old[f.Field] = f.Value
	}
	seen := map[string]bool{}
	var changes []Change
	for _, f := range after {
		seen[f.Field] = true
		if old[f.Field] != f.Value {
			changes = append(changes, Change{Field: f.Field, Before: old[f.Field], After: f.Value})
		}
	}
	for _, f := range before {
		if !seen[f.Field] && f.Value != "" {
			changes = append(changes, Change{Field: f.Field, Before: f.Value})
		}
	}
	return changes
}

// Picture is an image an entry shows: a city's photo, an award's image, an organisation's logo.
type Picture struct {
	ImageID int64     `json:"image_id"`
	Display ImageFile `json:"display"`
	Thumb   ImageFile `json:"thumb"`
	Alt     Text      `json:"alt"`    // required in both languages
	Credit  string    `json:"credit"` // who took the photo or owns the image
}

// ImageFile is one stored size of an image, served at a URL named by its hash.
type ImageFile struct {
	Hash        string `json:"hash"`
	ContentType string `json:"content_type"`
	Width       int    `json:"width"`
	Height      int    `json:"height"`
}

// Ext is the file extension the image is served with.
func (f ImageFile) Ext() string {
	if f.ContentType == "image/png" {
		return ".png"
	}
	return ".jpg"
}

// textFields lists a bilingual field as its two form fields.
func textFields(name string, t Text) []FieldValue {
	return []FieldValue{{Field: name + "_ru", Value: t.RU}, {Field: name + "_en", Value: t.EN}}
}

// sourcesValue writes sources one per line, "title — url (translation)", for comparison.
func sourcesValue(sources []Source) string {
	lines := make([]string, len(sources))
	for i, s := range sources {
		lines[i] = s.Title
		if s.URL != "" {
			lines[i] += " — " + s.URL
		}
		if s.Translation != "" {
			lines[i] += " (" + s.Translation + ")"
		}
	}
	return strings.Join(lines, "\n")
}

// pictureFields lists an entry's picture as the fields of its form.
func pictureFields(p *Picture) []FieldValue {
	if p == nil {
		return []FieldValue{{Field: "image"}, {Field: "image_alt_ru"}, {Field: "image_alt_en"}, {Field: "image_credit"}}
	}
	return []FieldValue{
		{Field: "image", Value: p.Display.Hash},
		{Field: "image_alt_ru", Value: p.Alt.RU},
		{Field: "image_alt_en", Value: p.Alt.EN},
		{Field: "image_credit", Value: p.Credit},
	}
}

func boolValue(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

func idValue(id *int64) string {
	if id == nil {
		return ""
	}
	return strconv.FormatInt(*id, 10)
}

// firstNonEmpty is the label of an entry in language l, falling back to the other language for a
// draft that has only one.
func firstNonEmpty(t Text, l Lang) string {
	if s := t.In(l); s != "" {
		return s
	}
	return t.In(l.Other())
}
