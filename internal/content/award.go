package content

import "time"

// Award is a recognition the city received.
type Award struct {
	ID          int64      `json:"id"`
	Date        Date       `json:"date"`
	Title       Text       `json:"title"`
	AwardedBy   Text       `json:"awarded_by"`
	Place       Text       `json:"place"`       // where it was presented, if known
	Description Text       `json:"description"` // Markdown
	CityID      *int64     `json:"city_id"`     // the partner city it concerns, if any
	Sources     []Source   `json:"sources"`
	Published   bool       `json:"published"`
	EditorNote  string     `json:"editor_note"`
	Picture     *Picture   `json:"image"` // an image of the award, if any
	Version     int        `json:"version"`
	DeletedAt   *time.Time `json:"deleted_at"`
	CreatedAt   time.Time  `json:"created_at"`
	UpdatedAt   time.Time  `json:"updated_at"`
}

// Normalize trims stray spaces from what people typed.
func (a *Award) Normalize() {
	trimText(&a.Title, &a.AwardedBy, &a.Place)
	a.Sources = normalizeSources(a.Sources)
}

// Validate checks the award against the rules of the site.
func (a *Award) Validate() error {
	var v checker
	if a.Date.IsZero() {
		v.add("date", ProblemRequired)
	}
	v.nameText("title", a.Title, a.Published)
	v.text("awarded_by", a.AwardedBy, MaxName, a.Published, a.Published)
	v.text("place", a.Place, MaxName, false, a.Published)
	v.text("description", a.Description, MaxBody, false, a.Published)
	v.sources(a.Sources)
	v.lines("editor_note", a.EditorNote, MaxNote)
	v.picture(a.Picture)
	return v.err()
}

// Entity is EntityAward.
func (a Award) Entity() Entity { return EntityAward }

// EntryID is the award's ID.
func (a Award) EntryID() int64 { return a.ID }

// CurrentVersion is the version the award was read at.
func (a Award) CurrentVersion() int { return a.Version }

// Label is the award's title in l, or in the other language while it has only one.
func (a Award) Label(l Lang) string { return firstNonEmpty(a.Title, l) }

// IsPublished reports whether the public sees the award.
func (a Award) IsPublished() bool { return a.Published }

// Fields lists the award's fields in the order of its form.
func (a Award) Fields() []FieldValue {
	f := []FieldValue{{Field: "date", Value: a.Date.String()}}
	f = append(f, textFields("title", a.Title)...)
	f = append(f, textFields("awarded_by", a.AwardedBy)...)
	f = append(f, textFields("place", a.Place)...)
	f = append(f, textFields("description", a.Description)...)
	f = append(f,
		FieldValue{Field: "city_id", Value: idValue(a.CityID)},
		FieldValue{Field: "sources", Value: sourcesValue(a.Sources)},
		FieldValue{Field: "editor_note", Value: a.EditorNote},
		FieldValue{Field: "published", Value: boolValue(a.Published)})
	return append(f, pictureFields(a.Picture)...)
}

// TrashedAt is when the award was deleted, or nil.
func (a Award) TrashedAt() *time.Time { return a.DeletedAt }
