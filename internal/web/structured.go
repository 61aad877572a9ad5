package web

import (
	"fmt"
	"strings"

	"twincities/internal/content"
	"twincities/internal/i18n"
	"twincities/internal/markdown"
	"twincities/internal/schemaorg"
	"twincities/templates"
)

// The link previews and structured data of the public pages (issue 10): the descriptions a shared
// link shows, the share picture, and the schema.org objects, all from the data.

// descriptionLength is the longest description a page gives, in characters: what search engines
// and messengers show whole.
const descriptionLength = 200

// trimWords cuts text to at most max characters at a word boundary, ending it with an ellipsis
// when it was cut.
func trimWords(text string, max int) string {
	text = strings.Join(strings.Fields(text), " ")
	r := []rune(text)
	if len(r) <= max {
		return text
	}
	cut := r[:max-1]
	for i := max - 1; i > max/2; i-- {
		if r[i] == ' ' || r[i] == '\u00a0' {
			cut = r[:i]
			break
		}
	}
	return strings.TrimRight(string(cut), " \u00a0,.;:—–-") + "…"
}

// plainSummary is Markdown as plain text of a description's length, for the structured data.
func plainSummary(md string) string { return markdown.Summary(md, descriptionLength) }

// baseShare is what every public page carries: the department as a GovernmentOrganization when
// it is published, the breadcrumbs as a BreadcrumbList, and the home page's share picture (a
// page about one city replaces it with the city's).
func (s *Server) baseShare(p templates.Page, f *frame) templates.Share {
	var sh templates.Share
	if p.Department != nil {
		sh.Data = append(sh.Data, schemaorg.Department(*p.Department, p.Lang, p.AbsPath(p.Href("/contacts"))))
	}
	if len(p.Crumbs) > 0 {
		crumbs := []schemaorg.Crumb{{Name: p.Msg.Home, URL: p.AbsPath(p.Href("/"))}}
		for _, c := range p.Crumbs {
			crumbs = append(crumbs, schemaorg.Crumb{Name: c.Label, URL: p.AbsPath(c.Path)})
		}
		sh.Data = append(sh.Data, schemaorg.Breadcrumbs(crumbs))
	}
	if f.read {
		sh.Image, sh.ImageAlt = s.homeShareURL(f.places), p.Msg.ShareHomeAlt
	}
	return sh
}

// cityShare is a city page's preview: an article, with the city's own picture, the City and its
// timeline's events.
func (s *Server) cityShare(p *templates.Page, d templates.CityData) {
	c, l := d.City, p.Lang
	url := p.AbsPath(p.Path)
	p.Share.Type = "article"
	p.Share.Image = s.cityShareURL(c)
	if c.Picture != nil && c.Picture.Display.Hash != "" && c.Picture.Alt.In(l) != "" {
		p.Share.ImageAlt = c.Picture.Alt.In(l)
	} else {
		p.Share.ImageAlt = fmt.Sprintf(p.Msg.ShareMapAlt, c.Name.In(l))
	}
	p.Share.Data = append(p.Share.Data, schemaorg.City(c, l, url))
	for _, e := range schemaorg.Events(d.Events, &c, l, url, plainSummary) {
		p.Share.Data = append(p.Share.Data, e)
	}
}

// cityDescription is a city profile's description: its summary, or what and where it is.
func cityDescription(c content.City, l content.Lang) string {
	if s := c.Summary.In(l); s != "" {
		return trimWords(s, descriptionLength)
	}
	m := i18n.For(l)
	format := m.DescTwinCity
	if c.Kind == content.Partner {
		format = m.DescPartnerCity
	}
	desc := fmt.Sprintf(format, c.Name.In(l), place(c, l))
	if since := i18n.FormatSince(c.Since, l); since != "" {
		desc += ", " + since
	}
	return trimWords(i18n.Typeset(l, desc+"."), descriptionLength)
}

// place is where a city is: its region, if any, and country, as the cards say it.
func place(c content.City, l content.Lang) string {
	country := i18n.CountryName(c.Country, l)
	if r := c.Region.In(l); r != "" && c.Country != "RU" {
		return r + ", " + country
	} else if r != "" {
		return r
	}
	return country
}

// listDescription is a list page's description: how many, and their names.
func listDescription(l content.Lang, format string, names []string) string {
	return trimWords(i18n.Typeset(l, fmt.Sprintf(format, len(names), strings.Join(names, ", "))), descriptionLength)
}

// cityLinks are cities with their pages' absolute addresses, for a list's structured data.
func cityLinks(p templates.Page, cities []content.City) ([]schemaorg.CityLink, []string) {
	links := make([]schemaorg.CityLink, 0, len(cities))
	names := make([]string, 0, len(cities))
	for _, c := range cities {
		links = append(links, schemaorg.CityLink{City: c, URL: p.AbsPath(p.Href(cityPathOf(c)))})
		names = append(names, c.Name.In(p.Lang))
	}
	return links, names
}

// cityPathOf is a city's profile below /{lang}.
func cityPathOf(c content.City) string {
	section, _ := sectionOf(c.Kind, content.RU)
	return section + "/" + c.Slug
}
