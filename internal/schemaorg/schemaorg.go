// Package schemaorg builds the structured data (schema.org, as JSON-LD) that public pages carry
// for search engines: the department as a GovernmentOrganization with its contacts, cities with
// their coordinates, timeline items as events, memberships as organisations, the breadcrumbs.
// Pure functions over the content types: every value comes from the data, and what is empty is
// left out rather than invented.
package schemaorg

import (
	"bytes"
	"encoding/json/jsontext"
	"fmt"

	"twincities/internal/content"
	"twincities/internal/i18n"
)

// Thing is one schema.org object as it is encoded to JSON-LD: its properties in the order given.
// It writes itself (MarshalJSONTo), which the page's encoding/json calls: a map, encoded by
// reflection with its keys sorted, was most of what the structured data cost an uncached page
// (issue 12). The zero Thing is none, and is left out where it is a property's value.
type Thing struct{ props []prop }

// prop is one property of a Thing: a string, an int, a float64, a Thing, a []Thing or a []string.
type prop struct {
	key   string
	value any
}

// context is the vocabulary every top-level object names.
const context = "https://schema.org"

// object is a Thing of type typ with the pairs of kv (key, value, key, value...), leaving out
// empty strings, nil values, empty Things and empty lists, so that a missing fact is absent,
// never blank.
func object(typ string, kv ...any) Thing {
	t := Thing{props: make([]prop, 0, 1+len(kv)/2)}
	t.props = append(t.props, prop{"@type", typ})
	for i := 0; i+1 < len(kv); i += 2 {
		k := kv[i].(string)
		keep := true
		switch v := kv[i+1].(type) {
		case string:
			keep = v != ""
		case nil:
			keep = false
		case Thing:
			keep = len(v.props) > 0
		case []Thing:
			keep = len(v) > 0
		case []string:
			keep = len(v) > 0
		}
		if keep {
			t.props = append(t.props, prop{k, kv[i+1]})
		}
	}
	return t
}

// top marks a Thing as a document's top-level object: @context first.
func top(t Thing) Thing {
	return Thing{props: append([]prop{{"@context", context}}, t.props...)}
}

// MarshalJSONTo writes t as a JSON object, its properties in order.
func (t Thing) MarshalJSONTo(e *jsontext.Encoder) error {
	if err := e.WriteToken(jsontext.BeginObject); err != nil {
		return err
	}
	for _, p := range t.props {
		if err := e.WriteToken(jsontext.String(p.key)); err != nil {
			return err
		}
		if err := writeValue(e, p.value); err != nil {
			return err
		}
	}
	return e.WriteToken(jsontext.EndObject)
}

// MarshalJSON is MarshalJSONTo for an encoder that asks for bytes.
func (t Thing) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	if err := t.MarshalJSONTo(jsontext.NewEncoder(&b)); err != nil {
		return nil, err
	}
	return bytes.TrimSpace(b.Bytes()), nil
}

// writeValue writes one property's value.
func writeValue(e *jsontext.Encoder, v any) error {
	switch v := v.(type) {
	case string:
		return e.WriteToken(jsontext.String(v))
	case int:
		return e.WriteToken(jsontext.Int(int64(v)))
	case float64:
		return e.WriteToken(jsontext.Float(v))
	case Thing:
		return v.MarshalJSONTo(e)
	case []Thing:
		if err := e.WriteToken(jsontext.BeginArray); err != nil {
			return err
		}
		for _, t := range v {
			if err := t.MarshalJSONTo(e); err != nil {
				return err
			}
		}
		return e.WriteToken(jsontext.EndArray)
	case []string:
		if err := e.WriteToken(jsontext.BeginArray); err != nil {
			return err
		}
		for _, s := range v {
			if err := e.WriteToken(jsontext.String(s)); err != nil {
				return err
			}
		}
		return e.WriteToken(jsontext.EndArray)
	}
	return fmt.Errorf("schemaorg: no JSON for a %T", v)
}

// Date is a date in ISO 8601 to its precision: "2007", "2007-10" or "2007-10-15"; "" when unknown.
func Date(d content.Date) string { return d.String() }

// Department is the department as a GovernmentOrganization with the contact details its
// published place gives; url is its page on this site (the contacts page), absolute.
func Department(p content.Place, l content.Lang, url string) Thing {
	var address Thing
	if a := p.Address.In(l); a != "" {
		address = object("PostalAddress", "streetAddress", a, "addressLocality", i18n.For(l).CityName, "addressCountry", "RU")
	}
	var sameAs []string
	if p.Website != "" {
		sameAs = []string{p.Website}
	}
	return top(object("GovernmentOrganization",
		"name", p.Name.In(l),
		"description", p.Description.In(l),
		"url", url,
		"sameAs", sameAs,
		"address", address,
		"telephone", p.Phone,
		"email", p.Email,
		"geo", geo(p.Location),
	))
}

// geo is a point as GeoCoordinates; none when not known.
func geo(p *content.GeoPoint) Thing {
	if p == nil {
		return Thing{}
	}
	return object("GeoCoordinates", "latitude", p.Lat, "longitude", p.Lon)
}

// cityThing is a city as a City, without the @context: its name, country, coordinates, its
// page here (url, absolute) and its official site (sameAs).
func cityThing(c content.City, l content.Lang, url string) Thing {
	var sameAs []string
	if c.Website != "" {
		sameAs = []string{c.Website}
	}
	var region Thing
	if r := c.Region.In(l); r != "" {
		region = object("AdministrativeArea", "name", r)
	}
	return object("City",
		"name", c.Name.In(l),
		"alternateName", c.Name.In(l.Other()),
		"description", c.Summary.In(l),
		"url", url,
		"sameAs", sameAs,
		"geo", geo(c.Location),
		"containedInPlace", region,
		"address", object("PostalAddress", "addressCountry", c.Country),
	)
}

// City is a city's page: the City itself.
func City(c content.City, l content.Lang, url string) Thing { return top(cityThing(c, l, url)) }

// CityLink is a city for a list: name, page, coordinates.
type CityLink struct {
	City content.City
	URL  string
}

// CityList is a list of cities as an ItemList of City, in the order given.
func CityList(name string, cities []CityLink, l content.Lang) Thing {
	items := make([]Thing, 0, len(cities))
	for i, c := range cities {
		items = append(items, object("ListItem", "position", i+1, "item", cityThing(c.City, l, c.URL)))
	}
	return top(object("ItemList", "name", name, "numberOfItems", len(items), "itemListElement", items))
}

// Events are timeline items as Event objects, each at its city (nil: no city; then the event is
// placed in Perm, where the timeline of Perm's relations in general belongs). Its date keeps its
// precision; the text is its plain summary.
func Events(events []content.Event, city *content.City, l content.Lang, cityURL string, summary func(md string) string) []Thing {
	var location Thing
	if city != nil {
		location = object("City", "name", city.Name.In(l), "url", cityURL, "geo", geo(city.Location))
	} else {
		perm := content.PermLocation
		location = object("City", "name", i18n.For(l).CityName, "geo", geo(&perm))
	}
	out := make([]Thing, 0, len(events))
	for _, e := range events {
		if e.Date.IsZero() || e.Title.In(l) == "" {
			continue
		}
		out = append(out, top(object("Event",
			"name", e.Title.In(l),
			"startDate", Date(e.Date),
			"description", summary(e.Text.In(l)),
			"url", e.Link,
			"location", location,
		)))
	}
	return out
}

// Organization is a union or association Perm belongs to; url is its page here.
func Organization(o content.Organization, l content.Lang, url string, summary func(md string) string) Thing {
	return top(organizationThing(o, l, url, summary))
}

func organizationThing(o content.Organization, l content.Lang, url string, summary func(md string) string) Thing {
	var sameAs []string
	if o.Website != "" {
		sameAs = []string{o.Website}
	}
	return object("Organization",
		"name", o.Name.In(l),
		"alternateName", o.ShortName.In(l),
		"description", summary(o.Description.In(l)),
		"url", url,
		"sameAs", sameAs,
	)
}

// OrgLink is an organisation for a list, with its page here.
type OrgLink struct {
	Org content.Organization
	URL string
}

// OrganizationList is the memberships as an ItemList of Organization.
func OrganizationList(name string, orgs []OrgLink, l content.Lang, summary func(md string) string) Thing {
	items := make([]Thing, 0, len(orgs))
	for i, o := range orgs {
		items = append(items, object("ListItem", "position", i+1, "item", organizationThing(o.Org, l, o.URL, summary)))
	}
	return top(object("ItemList", "name", name, "numberOfItems", len(items), "itemListElement", items))
}

// Awards are the city's awards as an ItemList: each a ListItem naming the award, who gave it and
// when. schema.org has no type for an award given to a city, so the list says it in words.
func Awards(name string, awards []content.Award, l content.Lang, summary func(md string) string) Thing {
	items := make([]Thing, 0, len(awards))
	for i, a := range awards {
		var by Thing
		if b := a.AwardedBy.In(l); b != "" {
			by = object("Organization", "name", b)
		}
		items = append(items, object("ListItem", "position", i+1, "item", object("CreativeWork",
			"name", a.Title.In(l),
			"dateCreated", Date(a.Date),
			"description", summary(a.Description.In(l)),
			"creator", by,
		)))
	}
	return top(object("ItemList", "name", name, "numberOfItems", len(items), "itemListElement", items))
}

// Crumb is one step of a breadcrumb trail: its label and absolute URL.
type Crumb struct {
	Name, URL string
}

// Breadcrumbs is the trail as a BreadcrumbList, positions from 1.
func Breadcrumbs(crumbs []Crumb) Thing {
	items := make([]Thing, 0, len(crumbs))
	for i, c := range crumbs {
		items = append(items, object("ListItem", "position", i+1, "name", c.Name, "item", c.URL))
	}
	return top(object("BreadcrumbList", "itemListElement", items))
}

// WebSite is the site itself, for its home page: its name, address and language.
func WebSite(name, url string, l content.Lang, description string) Thing {
	return top(object("WebSite", "name", name, "url", url, "inLanguage", string(l), "description", description))
}
