// Package templates renders the site's HTML with templ. Components receive everything they show as
// parameters (the page's language, its messages, the entries); they never query or decide.
package templates

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"twincities/internal/content"
	"twincities/internal/i18n"
	"twincities/static"
)

// Page is what the layout needs to know about the page it frames.
type Page struct {
	Lang        content.Lang
	Msg         *i18n.Messages // the public site's messages in Lang
	Title       string         // the page's own title; empty on the home page
	Description string         // the meta description; the site's when empty
	Path        string         // this page's path in Lang, such as /ru/twin-cities
	AltPath     string         // the same page in the other language
	BaseURL     string         // the site's public address, for absolute hreflang links
	Crumbs      []Crumb
	Section     string // the main section the page belongs to, to mark it in the navigation
	NoIndex     bool   // error pages ask search engines not to index them
	// ListPage is the page of a paged list shown (issue 12), from 1; 0 on other pages. A page
	// after the first names itself in its title and its canonical and language links.
	ListPage int
	// Preview, when set, is the banner of a staff preview: the page as the public will see it,
	// which the public does not see yet. PreviewBack leads back to the entry's edit page; it is
	// empty on a review link's page, whose reader has no account (issue 11, review links).
	Preview     string
	PreviewBack string
	// A11y is the visitor's setting of the version for the visually impaired.
	A11y A11y
	// Back is where the settings form returns; the page itself when empty.
	Back string
	// Department is the department's place when it is published: the footer and the "how to take
	// part" block of a city page give its contact details. Nil when it is a draft or missing.
	Department *content.Place
	// Share is the page's link preview and structured data (issue 10, structured data and previews).
	Share Share
}

// Self is this page's address in Lang: Path, with ?page=N on a list's page after the first, so
// that its canonical link, its link preview and the settings' way back name this page and not
// the list's first.
func (p Page) Self() string {
	if p.ListPage > 1 {
		return p.Path + "?page=" + strconv.Itoa(p.ListPage)
	}
	return p.Path
}

// BackPath is where the settings form of the version for the visually impaired returns.
func (p Page) BackPath() string {
	if p.Back != "" {
		return p.Back
	}
	return p.Self()
}

// A11yPath is the settings page of the version for the visually impaired, coming back here.
func (p Page) A11yPath() string {
	return p.Href("/accessibility") + "?back=" + url.QueryEscape(p.Self())
}

// Crumb is one step of the breadcrumb trail. The last one is the page itself and has no link.
type Crumb struct {
	Label string
	Path  string
}

// HeadTitle is the text of <title>: the page's title, then the site's name.
// A list's page after the first says which it is ("Награды — страница 2 — ..."): every page of a
// list would otherwise have one title, which tells a visitor with many tabs, or a screen reader
// arriving from a search, nothing of where they are.
func (p Page) HeadTitle() string {
	if p.Title == "" {
		return p.Msg.SiteTitle
	}
	if p.ListPage > 1 {
		return p.Title + " — " + fmt.Sprintf(p.Msg.ListPageN, p.ListPage) + " — " + p.Msg.SiteTitle
	}
	return p.Title + " — " + p.Msg.SiteTitle
}

// MetaDescription is the page's description, or the site's.
func (p Page) MetaDescription() string {
	if p.Description == "" {
		return p.Msg.Description
	}
	return p.Description
}

// Href is the path of a page of this site in the page's language: Href("/awards") is /ru/awards.
func (p Page) Href(rest string) string { return "/" + string(p.Lang) + rest }

// AbsPath makes an absolute URL of a site path, for hreflang and canonical links.
func (p Page) AbsPath(path string) string { return p.BaseURL + path }

// LangPath is this page in language l.
func (p Page) LangPath(l content.Lang) string {
	if l == p.Lang {
		return p.Self()
	}
	return p.AltPath
}

// Sections are the main navigation, in order: the path below /{lang} and the label.
func (p Page) Sections() []Crumb {
	return []Crumb{
		{Path: "/twin-cities", Label: p.Msg.TwinCities},
		{Path: "/partner-cities", Label: p.Msg.PartnerCities},
		{Path: "/memberships", Label: p.Msg.Memberships},
		{Path: "/awards", Label: p.Msg.Awards},
		{Path: "/news", Label: p.Msg.News}, // issue 11, news
		{Path: "/about", Label: p.Msg.About},
		{Path: "/contacts", Label: p.Msg.Contacts},
	}
}

// flagPath is the URL of a country's flag, or "" when the site has none for it.
func flagPath(country string) string {
	name := "flags/" + strings.ToLower(country) + ".svg"
	if !static.Exists(name) {
		return ""
	}
	return static.Path(name)
}

// langName is a language's own name, for the switch that leads to it.
func langName(l content.Lang) string { return i18n.For(l).LangName }

// cityPath is a city's profile below /{lang}.
func cityPath(c content.City) string {
	if c.Kind == content.Partner {
		return "/partner-cities/" + c.Slug
	}
	return "/twin-cities/" + c.Slug
}

// place is where a city is: its region, if any, and country.
func place(c content.City, l content.Lang) string {
	country := i18n.CountryName(c.Country, l)
	if r := c.Region.In(l); r != "" {
		if c.Country == "RU" {
			return r
		}
		return r + ", " + country
	}
	return country
}

// displayURL is a web address as people read it: without the scheme and the trailing slash.
func displayURL(u string) string {
	u = strings.TrimPrefix(strings.TrimPrefix(u, "https://"), "http://")
	return strings.TrimSuffix(u, "/")
}

// pictureFile is the size of a picture to show.
func pictureFile(p *content.Picture, thumb bool) content.ImageFile {
	if thumb {
		return p.Thumb
	}
	return p.Display
}
