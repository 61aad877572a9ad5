package content

import (
	"strings"
	"time"
)

// OrgKind separates unions and organisations of local governments from associations.
type OrgKind string

// The kinds of organisation Perm belongs to.
const (
	Union       OrgKind = "union" // a union or organisation of local governments
	Association OrgKind = "association"
)

// Valid reports whether k is a known kind.
func (k OrgKind) Valid() bool { return k == Union || k == Association }

// Scope is how far an organisation reaches.
type Scope string

// The scopes of an organisation.
const (
	International Scope = "international"
	National      Scope = "national"
	Interregional Scope = "interregional"
)

// Valid reports whether s is a known scope.
func (s Scope) Valid() bool { return s == International || s == National || s == Interregional }

// OrgKinds and Scopes are in the order the memberships page groups them.
var (
	OrgKinds = []OrgKind{Union, Association}
	Scopes   = []Scope{International, National, Interregional}
)

// Organization is a union, organisation or association of local governments Perm belongs to.
type Organization struct {
	ID          int64
	Slug        string
	Kind        OrgKind
	Scope       Scope
	Name        Text
	ShortName   Text // an abbreviation such as UCLG-Eurasia / ОГМВ-Евразия
	MemberSince Date
	Role        Text // Perm's role in it, if any beyond membership
	Description Text // Markdown
	Website     string
	Sources     []Source
	Published   bool
	EditorNote  string
	SortOrder   int
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

// Normalize trims stray spaces from what people typed.
func (o *Organization) Normalize() {
	o.Slug = strings.TrimSpace(o.Slug)
	trimText(&o.Name, &o.ShortName, &o.Role)
	o.Website = normalizeURL(o.Website)
	o.Sources = normalizeSources(o.Sources)
}

// Validate checks the organisation against the rules of the site.
func (o *Organization) Validate() error {
	var v checker
	v.slug("slug", o.Slug)
	if !o.Kind.Valid() {
		v.add("kind", ProblemChoice)
	}
	if !o.Scope.Valid() {
		v.add("scope", ProblemChoice)
	}
	v.nameText("name", o.Name, o.Published)
	v.text("short_name", o.ShortName, MaxName, false, o.Published)
	v.text("role", o.Role, MaxSummary, false, o.Published)
	v.text("description", o.Description, MaxBody, false, o.Published)
	v.url("website", o.Website)
	v.sources(o.Sources)
	v.maxLen("editor_note", o.EditorNote, MaxNote)
	return v.err()
}
