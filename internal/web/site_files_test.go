package web_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"twincities/internal/postgres/pgtest"
	"twincities/static"
)

func TestSiteFilesBrowsersAskFor(t *testing.T) {
	t.Parallel()
	h := site(t, pgtest.SeededDB(t))
	fav := get(t, h, "/favicon.ico")
	if fav.StatusCode != http.StatusMovedPermanently || !strings.HasPrefix(fav.Header.Get("Location"), "/static/img/icon-32.") {
		t.Fatalf("favicon: %d to %q", fav.StatusCode, fav.Header.Get("Location"))
	}
	if icon := get(t, h, fav.Header.Get("Location")); icon.StatusCode != 200 || icon.Header.Get("Content-Type") != "image/png" ||
		!strings.HasPrefix(icon.body, "\x89PNG") {
		t.Errorf("the favicon is %d %q", icon.StatusCode, icon.Header.Get("Content-Type"))
	}

	m := get(t, h, "/manifest.webmanifest", "Accept-Language", "en")
	var manifest struct {
		Name  string `json:"name"`
		Lang  string `json:"lang"`
		Icons []struct{ Src, Sizes string }
	}
	if err := json.Unmarshal([]byte(m.body), &manifest); err != nil || manifest.Lang != "en" || manifest.Name == "" || len(manifest.Icons) != 2 {
		t.Fatalf("manifest %q (%v)", m.body, err)
	}
	for _, ic := range manifest.Icons {
		if r := get(t, h, ic.Src); r.StatusCode != 200 {
			t.Errorf("manifest icon %s: %d", ic.Src, r.StatusCode)
		}
	}

	robots := get(t, h, "/robots.txt").body
	if !strings.Contains(robots, "Disallow: /admin/") || !strings.Contains(robots, "Sitemap: "+testBaseURL+"/sitemap.xml") {
		t.Errorf("robots.txt %q", robots)
	}
	sm := get(t, h, "/sitemap.xml")
	for _, want := range []string{testBaseURL + "/ru/twin-cities/duisburg", testBaseURL + "/en/memberships/uclg-eurasia", `hreflang="en"`} {
		if !strings.Contains(sm.body, want) {
			t.Errorf("the sitemap lacks %s", want)
		}
	}
	if strings.Contains(sm.body, "volga-region-cities") {
		t.Error("the sitemap lists a draft")
	}
}

func TestTextResponsesAreCompressed(t *testing.T) {
	t.Parallel()
	h := site(t, pgtest.SeededDB(t))
	// The page, the style sheet and a flag: the flags are SVG text too, and a list page has many.
	for _, path := range []string{"/ru/", static.Path("css/site.css"), static.Path("flags/de.svg")} {
		r := get(t, h, path, "Accept-Encoding", "gzip")
		if r.Header.Get("Content-Encoding") != "gzip" {
			t.Errorf("%s is not compressed: Content-Encoding %q", path, r.Header.Get("Content-Encoding"))
		}
	}
}
