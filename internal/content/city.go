package content

import (
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// CityKind separates twin cities (foreign cities with a twinning agreement) from partner cities
// (Russian cities with a signed cooperation agreement).
type CityKind string

// The kinds of city relationship.
const (
	Twin    CityKind = "twin"
	Partner CityKind = "partner"
)

// Valid reports whether k is a known kind.
func (k CityKind) Valid() bool { return k == Twin || k == Partner }

// Status is where a relationship stands.
type Status string

// The states of a relationship. Ended and suspended ones stay on the site, said plainly.
const (
	Active    Status = "active"
	Suspended Status = "suspended"
	Ended     Status = "ended"
)

// Valid reports whether s is a known status.
func (s Status) Valid() bool { return s == Active || s == Suspended || s == Ended }

// GeoPoint is a place on the map, in degrees.
type GeoPoint struct {
	Lat float64 `json:"latitude"`
	Lon float64 `json:"longitude"`
}

// City is a city Perm has a relationship with.
type City struct {
	ID         int64      `json:"id"`
	Kind       CityKind   `json:"kind"`
	Slug       string     `json:"slug"` // the URL name, unique within its kind
	Name       Text       `json:"name"`
	Country    string     `json:"country"` // ISO 3166-1 alpha-2, upper case
	Region     Text       `json:"region"`  // region or state, for Russian cities above all
	Location   *GeoPoint  `json:"location"`
	TimeZone   string     `json:"time_zone"` // IANA name, such as "Europe/Berlin"; empty when not known
	Since      Date       `json:"since"`     // when the relationship began; zero when not confirmed
	Status     Status     `json:"status"`
	StatusDate Date       `json:"status_date"` // when it was suspended or ended
	StatusNote Text       `json:"status_note"` // why, said publicly
	Summary    Text       `json:"summary"`     // one or two sentences for lists
	Body       Text       `json:"body"`        // Markdown: the story of the relationship
	Website    string     `json:"website"`
	PermPage   string     `json:"perm_page_url"` // the address of the partner city's own page about Perm
	Sources    []Source   `json:"sources"`
	Published  bool       `json:"published"`
	EditorNote string     `json:"editor_note"` // for staff only, never shown to the public
	SortOrder  int        `json:"sort_order"`
	Picture    *Picture   `json:"image"`   // the city's main photo, if any
	Gallery    []Photo    `json:"gallery"` // more photos, in the order shown; at most MaxPhotos
	Version    int        `json:"version"`
	DeletedAt  *time.Time `json:"deleted_at"` // in the trash since; nil when not deleted
	CreatedAt  time.Time  `json:"created_at"`
	UpdatedAt  time.Time  `json:"updated_at"`
}

// Normalize trims stray spaces from what people typed.
func (c *City) Normalize() {
	c.Slug = strings.TrimSpace(c.Slug)
	c.Country = strings.ToUpper(strings.TrimSpace(c.Country))
	c.TimeZone = strings.TrimSpace(c.TimeZone)
	trimText(&c.Name, &c.Region, &c.StatusNote, &c.Summary)
	c.Website = normalizeURL(c.Website)
	c.PermPage = normalizeURL(c.PermPage)
	c.Sources = normalizeSources(c.Sources)
	normalizePhotos(c.Gallery)
}

// Validate checks the city against the rules of the site. A draft may lack one language; a
// published city must be complete in both.
func (c *City) Validate() error {
	var v checker
	if !c.Kind.Valid() {
		v.add("kind", ProblemChoice)
	}
	v.slug("slug", c.Slug)
	v.nameText("name", c.Name, c.Published)
	if !IsCountryCode(c.Country) {
		if c.Country == "" {
			v.add("country", ProblemRequired)
		} else {
			v.add("country", ProblemCountry)
		}
	}
	v.text("region", c.Region, MaxName, false, c.Published)
	// Written as "not within range" so that NaN, which compares false with everything, fails too.
	if p := c.Location; p != nil && !(p.Lat >= -90 && p.Lat <= 90 && p.Lon >= -180 && p.Lon <= 180) {
		v.add("latitude", ProblemCoordinates)
	}
	// Optional, draft or published, as the coordinates are: without it the page leaves the time
	// difference out. A name given must be one Go's zone data knows, or the page could not use it.
	if c.TimeZone != "" && !ValidTimeZone(c.TimeZone) {
		v.add("time_zone", ProblemTimeZone)
	}
	if !c.Status.Valid() {
		v.add("status", ProblemChoice)
	}
	if c.Status == Active && !c.StatusDate.IsZero() {
		v.add("status_date", ProblemStatusDate)
	}
	v.text("status_note", c.StatusNote, MaxSummary, false, c.Published)
	v.text("summary", c.Summary, MaxSummary, false, c.Published)
	v.text("body", c.Body, MaxBody, false, c.Published)
	v.url("website", c.Website)
	v.url("perm_page_url", c.PermPage)
	v.sources(c.Sources)
	v.lines("editor_note", c.EditorNote, MaxNote)
	v.picture(c.Picture)
	v.gallery(c.Gallery)
	return v.err()
}

// IsCurrent reports whether the relationship is active, as opposed to suspended or ended.
func (c *City) IsCurrent() bool { return c.Status == Active }

func trimText(ts ...*Text) {
	for _, t := range ts {
		t.RU = strings.TrimSpace(t.RU)
		t.EN = strings.TrimSpace(t.EN)
	}
}

// normalizeSources trims each source and drops rows left entirely empty (a blank form row).
func normalizeSources(in []Source) []Source {
	out := make([]Source, 0, len(in))
	for _, s := range in {
		s.Title, s.URL = strings.TrimSpace(s.Title), normalizeURL(s.URL)
		s.Translation = strings.TrimSpace(s.Translation)
		if s.Title == "" && s.URL == "" && s.Translation == "" {
			continue
		}
		out = append(out, s)
	}
	return out
}

// normalizeURL trims a typed address and lowers its scheme ("HTTPS://" from a pasted link), the one
// part of a URL that is case-insensitive and that the database compares exactly. An address typed
// without its scheme, as people read them out ("www.duisburg.de", "duisburg.de/partner", "пермь.рф"), is
// completed with https://; what cannot be a web address is left as typed for validation to refuse.
func normalizeURL(u string) string {
	u = strings.TrimSpace(u)
	if bareHost(u) {
		u = "https://" + strings.TrimPrefix(u, "//")
	}
	if scheme, rest, ok := strings.Cut(u, "://"); ok && (strings.EqualFold(scheme, "http") || strings.EqualFold(scheme, "https")) {
		return strings.ToLower(scheme) + "://" + rest
	}
	return u
}

// bareHost reports whether u is a web address without its scheme: a host name with a dot and a
// top-level domain of letters, then perhaps a port, a path, a query or a fragment. "mailto:x@y.ru",
// "javascript:…" and words with spaces are not.
func bareHost(u string) bool {
	if u == "" || strings.Contains(u, "://") || strings.IndexFunc(u, unicode.IsSpace) >= 0 {
		return false
	}
	rest := strings.TrimPrefix(u, "//")
	host := rest
	if i := strings.IndexAny(rest, "/?#"); i >= 0 {
		host = rest[:i]
	}
	if h, port, ok := strings.Cut(host, ":"); ok {
		if port == "" || strings.Trim(port, "0123456789") != "" {
			return false
		}
		host = h
	}
	dot := strings.LastIndex(host, ".")
	if dot <= 0 || strings.ContainsAny(host, "@[]") {
		return false
	}
	tld := host[dot+1:]
	if strings.HasPrefix(tld, "xn--") { // a top-level domain in another script, written in ASCII (.рф)
		return len(tld) > 4
	}
	return utf8.RuneCountInString(tld) >= 2 && strings.IndexFunc(tld, func(r rune) bool { return !unicode.IsLetter(r) }) < 0
}

// Entity is EntityCity.
func (c City) Entity() Entity { return EntityCity }

// EntryID is the city's ID.
func (c City) EntryID() int64 { return c.ID }

// CurrentVersion is the version the city was read at.
func (c City) CurrentVersion() int { return c.Version }

// Label is the city's name in l, or in the other language while it has only one.
func (c City) Label(l Lang) string { return firstNonEmpty(c.Name, l) }

// IsPublished reports whether the public sees the city.
func (c City) IsPublished() bool { return c.Published }

// Fields lists the city's fields in the order of its form.
func (c City) Fields() []FieldValue {
	var lat, lon string
	if c.Location != nil {
		lat, lon = strconv.FormatFloat(c.Location.Lat, 'f', -1, 64), strconv.FormatFloat(c.Location.Lon, 'f', -1, 64)
	}
	f := []FieldValue{{Field: "kind", Value: string(c.Kind)}, {Field: "slug", Value: c.Slug}}
	f = append(f, textFields("name", c.Name)...)
	f = append(f, FieldValue{Field: "country", Value: c.Country})
	f = append(f, textFields("region", c.Region)...)
	f = append(f,
		FieldValue{Field: "latitude", Value: lat}, FieldValue{Field: "longitude", Value: lon},
		FieldValue{Field: "time_zone", Value: c.TimeZone},
		FieldValue{Field: "since", Value: c.Since.String()},
		FieldValue{Field: "status", Value: string(c.Status)},
		FieldValue{Field: "status_date", Value: c.StatusDate.String()})
	f = append(f, textFields("status_note", c.StatusNote)...)
	f = append(f, textFields("summary", c.Summary)...)
	f = append(f, textFields("body", c.Body)...)
	f = append(f,
		FieldValue{Field: "website", Value: c.Website},
		FieldValue{Field: "perm_page_url", Value: c.PermPage},
		FieldValue{Field: "sources", Value: sourcesValue(c.Sources)},
		FieldValue{Field: "sort_order", Value: strconv.Itoa(c.SortOrder)},
		FieldValue{Field: "editor_note", Value: c.EditorNote},
		FieldValue{Field: "published", Value: boolValue(c.Published)})
	f = append(f, pictureFields(c.Picture)...)
	return append(f, FieldValue{Field: "gallery", Value: galleryValue(c.Gallery)})
}

// TrashedAt is when the city was deleted, or nil.
func (c City) TrashedAt() *time.Time { return c.DeletedAt }
