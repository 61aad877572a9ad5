package content

import "time"

// Event is a dated item on a timeline: of one city's relationship, or of Perm's relations in
// general when it belongs to no city.
type Event struct {
	ID         int64
	CityID     *int64
	Date       Date
	Title      Text
	Text       Text   // Markdown
	Link       string // a page to read more, if any
	Sources    []Source
	Published  bool
	EditorNote string
	CreatedAt  time.Time
	UpdatedAt  time.Time
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
	v.maxLen("editor_note", e.EditorNote, MaxNote)
	return v.err()
}
