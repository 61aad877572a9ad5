package content

import "time"

// Event is a dated item on a timeline: of one city's relationship, or of Perm's relations in
// general when it belongs to no city.
type Event struct {
	ID         int64      `json:"id"`
	CityID     *int64     `json:"city_id"`
	Date       Date       `json:"date"`
	Title      Text       `json:"title"`
	Text       Text       `json:"text"` // Markdown
	Link       string     `json:"link"` // a page to read more, if any
	Sources    []Source   `json:"sources"`
	Published  bool       `json:"published"`
	EditorNote string     `json:"editor_note"`
	Picture    *Picture   `json:"image"` // a picture of the event, if any
	Version    int        `json:"version"`
	DeletedAt  *time.Time `json:"deleted_at"`
	CreatedAt  time.Time  `json:"created_at"`
	UpdatedAt  time.Time  `json:"updated_at"`
}

// Normalize trims stray spaces from what people typed.
func (e *Event) Normalize() {
	trimText(&e.Title)
	e.Link = normalizeURL(e.Link)
	e.Sources = normalizeSources(e.Sources)
}

// Validate checks the event against the rules of the site.
func (e *Event) Validate() error {
	var v checker
	if e.Date.IsZero() {
		v.add("date", ProblemRequired)
	}
	v.nameText("title", e.Title, e.Published)
	v.text("text", e.Text, MaxBody, false, e.Published)
	v.url("link", e.Link)
	v.sources(e.Sources)
	v.lines("editor_note", e.EditorNote, MaxNote)
	v.picture(e.Picture)
	return v.err()
}

// Entity is EntityEvent.
func (e Event) Entity() Entity { return EntityEvent }

// EntryID is the event's ID.
func (e Event) EntryID() int64 { return e.ID }

// CurrentVersion is the version the event was read at.
func (e Event) CurrentVersion() int { return e.Version }

// Label is the event's title in l, or in the other language while it has only one.
func (e Event) Label(l Lang) string { return firstNonEmpty(e.Title, l) }

// IsPublished reports whether the public sees the event.
func (e Event) IsPublished() bool { return e.Published }

// Fields lists the event's fields in the order of its form.
func (e Event) Fields() []FieldValue {
	f := []FieldValue{{Field: "city_id", Value: idValue(e.CityID)}, {Field: "date", Value: e.Date.String()}}
	f = append(f, textFields("title", e.Title)...)
	f = append(f, textFields("text", e.Text)...)
	f = append(f,
		FieldValue{Field: "link", Value: e.Link},
		FieldValue{Field: "sources", Value: sourcesValue(e.Sources)},
		FieldValue{Field: "editor_note", Value: e.EditorNote},
		FieldValue{Field: "published", Value: boolValue(e.Published)})
	return append(f, pictureFields(e.Picture)...)
}

// TrashedAt is when the event was deleted, or nil.
func (e Event) TrashedAt() *time.Time { return e.DeletedAt }
