package web

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"net/http"
	"time"

	"twincities/internal/content"
	"twincities/internal/i18n"
	"twincities/internal/store"
	"twincities/static"
)

// favicon handles "GET /favicon.ico", which browsers ask for whatever the page says: the 32-pixel
// icon (browsers take a PNG there).
func (s *Server) favicon(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, static.IconPath(32), http.StatusMovedPermanently)
}

// manifest handles "GET /manifest.webmanifest": the site's name and icons for a phone's home
// screen, in the visitor's language.
func (s *Server) manifest(w http.ResponseWriter, r *http.Request) {
	l := preferredLang(r)
	m := i18n.For(l)
	type icon struct {
		Src     string `json:"src"`
		Sizes   string `json:"sizes"`
		Type    string `json:"type"`
		Purpose string `json:"purpose"`
	}
	body, _ := json.Marshal(map[string]any{
		"name": m.SiteTitle, "short_name": m.CityName, "lang": string(l),
		"start_url": "/" + string(l) + "/", "scope": "/", "display": "browser",
		"background_color": "#ffffff", "theme_color": "#8c1c22",
		"icons": []icon{
			{Src: static.IconPath(192), Sizes: "192x192", Type: "image/png", Purpose: "any maskable"},
			{Src: static.IconPath(512), Sizes: "512x512", Type: "image/png", Purpose: "any maskable"},
		},
	})
	w.Header().Set("Content-Type", "application/manifest+json")
	w.Header().Set("Cache-Control", "public, max-age=86400")
	w.Header().Add("Vary", "Accept-Language")
	w.Write(body)
}

// robots handles "GET /robots.txt": everything public may be indexed; the admin may not.
func (s *Server) robots(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Write([]byte("User-agent: *\nDisallow: /admin/\n\nSitemap: " + s.baseURL + "/sitemap.xml\n"))
}

// sitemapURL is one page of the sitemap with its translations and its last change.
type sitemapURL struct {
	Loc       string        `xml:"loc"`
	LastMod   string        `xml:"lastmod,omitempty"`
	Alternate []sitemapLink `xml:"xhtml:link"`
}

type sitemapLink struct {
	Rel      string `xml:"rel,attr"`
	Hreflang string `xml:"hreflang,attr"`
	Href     string `xml:"href,attr"`
}

// sitemap handles "GET /sitemap.xml": every public page in both languages, each with its
// translation and, where the data says, when it last changed.
func (s *Server) sitemap(w http.ResponseWriter, r *http.Request) error {
	pages, err := s.publicPages(r.Context())
	if err != nil {
		return err
	}
	type urlset struct {
		XMLName xml.Name     `xml:"urlset"`
		NS      string       `xml:"xmlns,attr"`
		XHTML   string       `xml:"xmlns:xhtml,attr"`
		URLs    []sitemapURL `xml:"url"`
	}
	set := urlset{NS: "http://www.sitemaps.org/schemas/sitemap/0.9", XHTML: "http://www.w3.org/1999/xhtml"}
	for _, p := range pages {
		var alts []sitemapLink
		for _, l := range content.Langs {
			alts = append(alts, sitemapLink{Rel: "alternate", Hreflang: string(l), Href: s.baseURL + "/" + string(l) + p.path})
		}
		var lastmod string
		if !p.lastmod.IsZero() {
			// W3C Datetime, as the sitemap protocol asks: seconds and the zone, in UTC.
			lastmod = p.lastmod.UTC().Format(time.RFC3339)
		}
		for _, l := range content.Langs {
			set.URLs = append(set.URLs, sitemapURL{Loc: s.baseURL + "/" + string(l) + p.path, LastMod: lastmod, Alternate: alts})
		}
	}
	body, err := xml.MarshalIndent(set, "", " ")
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/xml; charset=utf-8")
	w.Write([]byte(xml.Header))
	w.Write(body)
	return nil
}

// publicPage is a public page below /{lang} and when what it shows last changed (zero when it
// shows no data, as the form to write to the department).
type publicPage struct {
	path    string
	lastmod time.Time
}

// publicPages lists every public page below /{lang}, each with the newest change of the published
// entries it shows, read from one snapshot. An entry taken off the site changes no time: the
// sitemap protocol's lastmod is a hint, and search engines fetch the page again anyway.
func (s *Server) publicPages(ctx context.Context) ([]publicPage, error) {
	var out []publicPage
	err := store.ReadSnapshot(ctx, s.db, func(tx store.DBTX) error {
		cities, err := store.ListCities(ctx, tx, store.CityQuery{Filter: store.Public})
		if err != nil {
			return err
		}
		events, err := store.ListEvents(ctx, tx, store.EventQuery{Filter: store.Public})
		if err != nil {
			return err
		}
		awards, err := store.ListAwards(ctx, tx, store.AwardQuery{Filter: store.Public})
		if err != nil {
			return err
		}
		orgs, err := store.ListOrganizations(ctx, tx, store.Public)
		if err != nil {
			return err
		}
		textPages, err := store.ListPages(ctx, tx)
		if err != nil {
			return err
		}
		places, err := store.ListPlaces(ctx, tx, store.Public)
		if err != nil {
			return err
		}
		page := map[content.PageKey]time.Time{}
		for _, p := range textPages {
			page[p.Key] = p.UpdatedAt
		}
		// Each city's page shows the city (its photos are part of it), its events and its awards.
		cityTime := map[int64]time.Time{}
		kindTime := map[content.CityKind]time.Time{}
		var all, general time.Time
		for _, c := range cities {
			cityTime[c.ID] = c.UpdatedAt
		}
		for _, e := range events {
			if e.CityID == nil {
				general = newest(general, e.UpdatedAt)
			} else if _, ok := cityTime[*e.CityID]; ok {
				cityTime[*e.CityID] = newest(cityTime[*e.CityID], e.UpdatedAt)
			}
		}
		var awardsTime time.Time
		for _, a := range awards {
			awardsTime = newest(awardsTime, a.UpdatedAt)
			if a.CityID != nil {
				if _, ok := cityTime[*a.CityID]; ok {
					cityTime[*a.CityID] = newest(cityTime[*a.CityID], a.UpdatedAt)
				}
			}
		}
		// Issue 11, news: the list, the items, and the cities' pages that list them.
		newsPages, newsTime, err := newsSitePages(ctx, tx, cityTime)
		if err != nil {
			return err
		}
		var cityPages []publicPage
		for _, c := range cities {
			// A list's cards show each city and its latest activity.
			kindTime[c.Kind] = newest(kindTime[c.Kind], cityTime[c.ID])
			cityPages = append(cityPages, publicPage{cityPublicPath(c), cityTime[c.ID]})
		}
		var orgsTime time.Time
		var orgPages []publicPage
		for _, o := range orgs {
			orgsTime = newest(orgsTime, o.UpdatedAt)
			orgPages = append(orgPages, publicPage{"/memberships/" + o.Slug, o.UpdatedAt})
		}
		contacts := page[content.Contacts]
		for _, p := range places {
			contacts = newest(contacts, p.UpdatedAt)
		}
		about := newest(page[content.About], general)
		all = newest(newest(newest(newest(kindTime[content.Twin], kindTime[content.Partner]), awardsTime), about), newsTime)
		out = append(out,
			publicPage{"/", all},
			publicPage{"/twin-cities", kindTime[content.Twin]},
			publicPage{"/partner-cities", newest(kindTime[content.Partner], page[content.PartnerCitiesNote])},
			publicPage{"/memberships", newest(orgsTime, page[content.MembershipsNote])},
			publicPage{"/awards", awardsTime},
			publicPage{"/about", about},
			publicPage{"/contacts", contacts},
			publicPage{"/contacts/write", time.Time{}},
			publicPage{"/privacy", page[content.Privacy]},
			// The open data page gives each set's last change, and the API page a published city: both
			// follow all the data.
			publicPage{"/opendata", all},
			publicPage{"/api", all})
		out = append(out, cityPages...)
		out = append(out, orgPages...)
		out = append(out, newsPages...)
		return nil
	})
	return out, err
}

// newest is the later of two times.
func newest(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}
