package content

import (
	"slices"
	"strconv"
	"strings"
	"time"
)

// EntityNews is a news item, as the history records it.
const EntityNews Entity = "news"

// News is a news item: an exchange, a delegation, an exhibition, an anniversary, with its own
// page and listed on the pages of the cities it is about.
type News struct {
	ID         int64      `json:"id"`
	Slug       string     `json:"slug"`
	Date       Date       `json:"date"`
	Title      Text       `json:"title"`
	Lead       Text       `json:"lead"` // one or two sentences for lists and the feed
	Body       Text       `json:"body"` // Markdown
	CityIDs    []int64    `json:"city_ids"`
	Sources    []Source   `json:"sources"`
	Published  bool       `json:"published"`
	EditorNote string     `json:"editor_note"`
	Picture    *Picture   `json:"image"` // the item's main photo, if any
	Version    int        `json:"version"`
	DeletedAt  *time.Time `json:"deleted_at"`
	CreatedAt  time.Time  `json:"created_at"`
	UpdatedAt  time.Time  `json:"updated_at"`
}

// Normalize trims stray spaces from what people typed and keeps the related cities in one
// order without repeats, so that two saves of the same choice compare equal.
func (n *News) Normalize() {
	n.Slug = strings.TrimSpace(n.Slug)
	trimText(&n.Title, &n.Lead)
	n.Sources = normalizeSources(n.Sources)
	slices.Sort(n.CityIDs)
	n.CityIDs = slices.Compact(n.CityIDs)
}

// Validate checks the item against the rules of the site: a published item has its title and
// lead in both languages.
func (n *News) Validate() error {
	var v checker
	v.slug("slug", n.Slug)
	if n.Date.IsZero() {
		v.add("date", ProblemRequired)
	}
	v.nameText("title", n.Title, n.Published)
	v.text("lead", n.Lead, MaxSummary, n.Published, n.Published)
	v.text("body", n.Body, MaxBody, false, n.Published)
	for _, id := range n.CityIDs {
		if id <= 0 {
			v.add("city_ids", ProblemChoice)
		}
	}
	v.sources(n.Sources)
	v.lines("editor_note", n.EditorNote, MaxNote)
	v.picture(n.Picture)
	return v.err()
}

// Entity is EntityNews.
func (n News) Entity() Entity { return EntityNews }

// EntryID is the item's ID.
func (n News) EntryID() int64 { return n.ID }

// CurrentVersion is the version the item was read at.
func (n News) CurrentVersion() int { return n.Version }

// Label is the item's title in l, or in the other language while it has only one.
func (n News) Label(l Lang) string { return firstNonEmpty(n.Title, l) }

// IsPublished reports whether the public sees the item.
func (n News) IsPublished() bool { return n.Published }

// TrashedAt is when the item was deleted, or nil.
func (n News) TrashedAt() *time.Time { return n.DeletedAt }

// Fields lists the item's fields in the order of its form.
func (n News) Fields() []FieldValue {
	ids := make([]string, len(n.CityIDs))
	for i, id := range n.CityIDs {
		ids[i] = strconv.FormatInt(id, 10)
	}
	f := []FieldValue{{Field: "slug", Value: n.Slug}, {Field: "date", Value: n.Date.String()}}
	f = append(f, textFields("title", n.Title)...)
	f = append(f, textFields("lead", n.Lead)...)
	f = append(f, textFields("body", n.Body)...)
	f = append(f,
		FieldValue{Field: "city_ids", Value: strings.Join(ids, ", ")},
		FieldValue{Field: "sources", Value: sourcesValue(n.Sources)},
		FieldValue{Field: "editor_note", Value: n.EditorNote},
		FieldValue{Field: "published", Value: boolValue(n.Published)})
	return append(f, pictureFields(n.Picture)...)
}
