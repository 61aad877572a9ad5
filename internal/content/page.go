package content

import "time"

// PageKey names one of the site's editable text pages.
type PageKey string

// The editable text pages.
const (
	About    PageKey = "about"    // what the site is about: the introduction
	Contacts PageKey = "contacts" // the International and Inter-municipal Relations Department
)

// PageKeys lists the editable pages.
var PageKeys = []PageKey{About, Contacts}

// Valid reports whether k is a known page.
func (k PageKey) Valid() bool { return k == About || k == Contacts }

// Page is an editable text page. Its body is Markdown.
type Page struct {
	Key       PageKey
	Title     Text
	Body      Text
	CreatedAt time.Time
	UpdatedAt time.Time
}

// Validate checks the page against the rules of the site: pages are always public, so both
// languages are required.
func (p *Page) Validate() error {
	var v checker
	if !p.Key.Valid() {
		v.add("key", ProblemChoice)
	}
	v.text("title", p.Title, MaxName, true, true)
	v.text("body", p.Body, MaxBody, true, true)
	return v.err()
}
