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
	ID          int64      `json:"id"`
	Slug        string     `json:"slug"`
	Kind        OrgKind    `json:"kind"`
	Scope       Scope      `json:"scope"`
	Name        Text       `json:"name"`
	ShortName   Text       `json:"short_name"` // an abbreviation such as UCLG-Eurasia / ОГМВ-Евразия
	MemberSince Date       `json:"member_since"`
	Role        Text       `json:"role"`        // Perm's role in it, if any beyond membership
	Description Text       `json:"description"` // Markdown
	Website     string     `json:"website"`
	Sources     []Source   `json:"sources"`
	Published   bool       `json:"published"`
	EditorNote  string     `json:"editor_note"`
	SortOrder   int        `json:"sort_order"`
	Picture     *Picture   `json:"image"` // the organisation's logo, if any
	Version     int        `json:"version"`
	DeletedAt   *time.Time `json:"deleted_at"`
	CreatedAt   time.Time  `json:"created_at"`
	UpdatedAt   time.Time  `json:"updated_at"`
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
