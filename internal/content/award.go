package content

import "time"

// Award is a recognition the city received.
type Award struct {
	ID          int64
	Date        Date
	Title       Text
	AwardedBy   Text
	Place       Text   // where it was presented, if known
	Description Text   // Markdown
	CityID      *int64 // the partner city it concerns, if any
	Sources     []Source
	Published   bool
	EditorNote  string
	CreatedAt   time.Time
	UpdatedAt   time.Time
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
	v.maxLen("editor_note", a.EditorNote, MaxNote)
	return v.err()
}
