package content

import "time"

// PageKey names one of the site's editable text pages.
type PageKey string

// The editable text pages.
const (
	About    PageKey = "about"    // what the site is about: the introduction
	Contacts PageKey = "contacts" // the International and Inter-municipal Relations Department
	Privacy  PageKey = "privacy"  // what the site does with the personal data of a message (152-FZ)
)

// The editable notes at the top of two lists, saying while a list is still being completed. They
// are text pages without a page of their own; an empty body shows no note.
const (
	PartnerCitiesNote PageKey = "partner-cities-note"
	MembershipsNote   PageKey = "memberships-note"
)

// PageKeys lists the editable pages.
var PageKeys = []PageKey{About, Contacts, Privacy, PartnerCitiesNote, MembershipsNote}

// Valid reports whether k is a known page.
func (k PageKey) Valid() bool {
	return k == About || k == Contacts || k == Privacy || k == PartnerCitiesNote || k == MembershipsNote
}

// IsNote reports whether k is a list's note, whose body may be empty, rather than a page.
func (k PageKey) IsNote() bool { return k == PartnerCitiesNote || k == MembershipsNote }

// Page is an editable text page. Its body is Markdown.
type Page struct {
	ID        int64     `json:"id"`
	Key       PageKey   `json:"key"`
	Title     Text      `json:"title"`
	Body      Text      `json:"body"`
	Version   int       `json:"version"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

// Validate checks the page against the rules of the site: pages are always public, so both
// languages are required. A note's body may be left empty in both, which hides the note; a note
// in one language only would leave the other page without it, so that is refused.
func (p *Page) Validate() error {
	var v checker
	if !p.Key.Valid() {
		v.add("key", ProblemChoice)
	}
	v.text("title", p.Title, MaxName, true, true)
	v.text("body", p.Body, MaxBody, !p.Key.IsNote(), true)
	return v.err()
}

// Entity is EntityPage.
func (p Page) Entity() Entity { return EntityPage }

// EntryID is the page's ID.
func (p Page) EntryID() int64 { return p.ID }

// CurrentVersion is the version the page was read at.
func (p Page) CurrentVersion() int { return p.Version }

// Label is the page's title in l.
func (p Page) Label(l Lang) string { return firstNonEmpty(p.Title, l) }

// IsPublished is always true: the text pages are always public.
func (p Page) IsPublished() bool { return true }

// Fields lists the page's fields in the order of its form.
func (p Page) Fields() []FieldValue {
	return append(textFields("title", p.Title), textFields("body", p.Body)...)
}

// TrashedAt is always nil: the text pages cannot be deleted.
func (p Page) TrashedAt() *time.Time { return nil }
