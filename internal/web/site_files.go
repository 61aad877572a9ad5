package web

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"net/http"

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

// sitemapURL is one page of the sitemap with its translations.
type sitemapURL struct {
	Loc       string        `xml:"loc"`
	Alternate []sitemapLink `xml:"xhtml:link"`
}

type sitemapLink struct {
	Rel      string `xml:"rel,attr"`
	Hreflang string `xml:"hreflang,attr"`
	Href     string `xml:"href,attr"`
}

// sitemap handles "GET /sitemap.xml": every public page in both languages, each with its
// translation, from the published data.
func (s *Server) sitemap(w http.ResponseWriter, r *http.Request) error {
	paths, err := s.publicPaths(r.Context())
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
	for _, p := range paths {
		var alts []sitemapLink
		for _, l := range content.Langs {
			alts = append(alts, sitemapLink{Rel: "alternate", Hreflang: string(l), Href: s.baseURL + "/" + string(l) + p})
		}
		for _, l := range content.Langs {
			set.URLs = append(set.URLs, sitemapURL{Loc: s.baseURL + "/" + string(l) + p, Alternate: alts})
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

// publicPaths lists every public page below /{lang}.
func (s *Server) publicPaths(ctx context.Context) ([]string, error) {
	paths := []string{"/", "/twin-cities", "/partner-cities", "/memberships", "/awards", "/about", "/contacts",
		"/contacts/write", "/privacy",
		"/api"}
	err := store.ReadSnapshot(ctx, s.db, func(tx store.DBTX) error {
		cities, err := store.ListCities(ctx, tx, store.CityQuery{Filter: store.Public})
		if err != nil {
			return err
		}
		for _, c := range cities {
			paths = append(paths, cityPublicPath(c))
		}
		orgs, err := store.ListOrganizations(ctx, tx, store.Public)
		for _, o := range orgs {
			paths = append(paths, "/memberships/"+o.Slug)
		}
		return err
	})
	return paths, err
}
