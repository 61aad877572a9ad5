package web

import (
	"encoding/xml"
	"net/http"
	"net/url"
	"time"

	"twincities/internal/content"
	"twincities/internal/i18n"
	"twincities/internal/store"
	"twincities/templates"
)

// The Atom document (RFC 4287), as much of it as the feed uses. encoding/xml escapes every text.
type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string      `xml:"xml:lang,attr"`
	ID      string      `xml:"id"`
	Title   string      `xml:"title"`
	Updated string      `xml:"updated"`
	Links   []atomLink  `xml:"link"`
	Author  atomAuthor  `xml:"author"`
	Entries []atomEntry `xml:"entry"`
}

type atomLink struct {
	Rel      string `xml:"rel,attr"`
	Type     string `xml:"type,attr,omitempty"`
	Hreflang string `xml:"hreflang,attr,omitempty"`
	Href     string `xml:"href,attr"`
}

type atomAuthor struct {
	Name string `xml:"name"`
	URI  string `xml:"uri,omitempty"`
}

type atomEntry struct {
	ID        string       `xml:"id"`
	Title     string       `xml:"title"`
	Updated   string       `xml:"updated"`
	Published string       `xml:"published"`
	Link      atomLink     `xml:"link"`
	Category  atomCategory `xml:"category"`
	Summary   string       `xml:"summary,omitempty"`
}

type atomCategory struct {
	Term string `xml:"term,attr"`
}

// atomTime is the date-time form Atom requires (RFC 3339), in UTC.
func atomTime(t time.Time) string { return t.UTC().Format(time.RFC3339) }

// feed handles "GET /{lang}/feed.atom": the newest published timeline events and awards in the
// page's language, newest published first, for a feed reader.
func (s *Server) feed(w http.ResponseWriter, r *http.Request) error {
	ctx, l := r.Context(), langOf(r)
	m := i18n.For(l)
	var items []feedItem
	author := m.FooterDepartment
	err := store.ReadSnapshot(ctx, s.db, func(tx store.DBTX) error {
		var err error
		if items, err = feedItems(ctx, tx, l, feedLimit); err != nil {
			return err
		}
		// The department as the footer names it: its place's name when published.
		if d, err := store.PlaceBySlug(ctx, tx, content.DepartmentSlug, true); err == nil && d.Name.In(l) != "" {
			author = d.Name.In(l)
		}
		return nil
	})
	if err != nil {
		return err
	}
	self := s.baseURL + "/" + string(l) + "/feed.atom"
	f := atomFeed{
		Lang: string(l), ID: self, Title: feedTitle(l),
		Links: []atomLink{
			{Rel: "self", Type: "application/atom+xml", Href: self},
			{Rel: "alternate", Type: "text/html", Href: s.baseURL + "/" + string(l) + "/"},
		},
		Author: atomAuthor{Name: author, URI: s.baseURL + "/" + string(l) + "/contacts"},
	}
	for _, l2 := range content.Langs {
		if l2 != l {
			f.Links = append(f.Links, atomLink{Rel: "alternate", Type: "application/atom+xml", Hreflang: string(l2),
				Href: s.baseURL + "/" + string(l2) + "/feed.atom"})
		}
	}
	// The feed changed when its newest entry did; with nothing published yet, at the Unix epoch.
	var updated time.Time
	for _, it := range items {
		if it.Updated.After(updated) {
			updated = it.Updated
		}
		f.Entries = append(f.Entries, atomEntry{
			ID: s.tagURI(it), Title: it.Title, Summary: it.Summary,
			Updated: atomTime(it.Updated), Published: atomTime(it.Published),
			Link:     atomLink{Rel: "alternate", Type: "text/html", Href: s.baseURL + it.Path},
			Category: atomCategory{Term: string(it.Entity)},
		})
	}
	if updated.IsZero() {
		updated = time.Unix(0, 0)
	}
	f.Updated = atomTime(updated)
	body, err := xml.MarshalIndent(f, "", " ")
	if err != nil {
		return err
	}
	writeCacheable(w, r, "application/atom+xml; charset=utf-8", append([]byte(xml.Header), body...), updated)
	return nil
}

// feedTitle is the feed's title, for the feed and for the links that announce it.
func feedTitle(l content.Lang) string {
	return templates.Page{Lang: l, Msg: i18n.For(l)}.FeedTitle()
}

// tagURI is an entry's permanent id (RFC 4151): the site's host, the day the entry was made, its
// kind and number. Editing the entry changes none of them, so a reader never sees it twice.
func (s *Server) tagURI(it feedItem) string {
	return "tag:" + s.siteHost() + "," + it.Created.UTC().Format(time.DateOnly) + ":" + string(it.Entity) + "/" +
		idString(it.ID)
}

// siteHost is the host of the site's public address, which names its feed entries and calendar
// events for good.
func (s *Server) siteHost() string {
	if u, err := url.Parse(s.baseURL); err == nil && u.Hostname() != "" {
		return u.Hostname()
	}
	return "localhost"
}
