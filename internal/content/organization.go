package content

import (
	"strconv"
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
	Picture     *Picture // the organisation's logo, if any
	Version     int
	DeletedAt   *time.Time
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
	v.lines("editor_note", o.EditorNote, MaxNote)
	v.picture(o.Picture)
	return v.err()
}

// Entity is EntityOrganization.
func (o Organization) Entity() Entity { return EntityOrganization }

// EntryID is the organisation's ID.
func (o Organization) EntryID() int64 { return o.ID }

// CurrentVersion is the version the organisation was read at.
func (o Organization) CurrentVersion() int { return o.Version }

// Label is the organisation's name in l, or in the other language while it has only one.
func (o Organization) Label(l Lang) string { return firstNonEmpty(o.Name, l) }

// IsPublished reports whether the public sees the organisation.
func (o Organization) IsPublished() bool { return o.Published }

// Fields lists the organisation's fields in the order of its form.
func (o Organization) Fields() []FieldValue {
	f := []FieldValue{{Field: "slug", Value: o.Slug}, {Field: "kind", Value: string(o.Kind)}, {Field: "scope", Value: string(o.Scope)}}
	f = append(f, textFields("name", o.Name)...)
	f = append(f, textFields("short_name", o.ShortName)...)
	f = append(f, FieldValue{Field: "member_since", Value: o.MemberSince.String()})
	f = append(f, textFields("role", o.Role)...)
	f = append(f, textFields("description", o.Description)...)
	f = append(f,
		FieldValue{Field: "website", Value: o.Website},
		FieldValue{Field: "sources", Value: sourcesValue(o.Sources)},
		FieldValue{Field: "sort_order", Value: strconv.Itoa(o.SortOrder)},
		FieldValue{Field: "editor_note", Value: o.EditorNote},
		FieldValue{Field: "published", Value: boolValue(o.Published)})
	return append(f, pictureFields(o.Picture)...)
}

// TrashedAt is when the organization was deleted, or nil.
func (o Organization) TrashedAt() *time.Time { return o.DeletedAt }
