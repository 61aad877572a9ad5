package web_test

import (
	"net/http"
	"strings"
	"testing"

	"twincities/internal/content"
	"twincities/internal/i18n"
	"twincities/internal/postgres/pgtest"
)

// The page about the API, in each language: linked from every page's footer and listed in the
// sitemap; its example asks for a city the API gives; each status a problem's type names has its
// row.
func TestAPIPage(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	h := site(t, db)
	for _, l := range content.Langs {
		m := i18n.For(l)
		path := "/" + string(l) + "/api"
		home := mustGet(t, h, "/"+string(l)+"/").doc
		if got := squash(home.Find(`footer.site-footer a[href="` + path + `"]`).Text()); got != m.FooterAPI {
			t.Errorf("%s: the footer's link to the API reads %q, want %q", l, got, m.FooterAPI)
		}
		doc := mustGet(t, h, path).doc
		if got := squash(doc.Find("h1").Text()); got != m.APITitle {
			t.Errorf("%s: h1 %q", path, got)
		}
		var example string
		for _, code := range texts(doc, "pre code") {
			if strings.Contains(code, "/api/v1/cities/twin/") {
				example = code
			}
		}
		_, address, ok := strings.Cut(example, testBaseURL)
		if !ok {
			t.Fatalf("%s: no example of one city: %q", path, texts(doc, "pre code"))
		}
		if c := callAPI(t, h, http.MethodGet, strings.TrimSuffix(address, "'")); c.res.StatusCode != http.StatusOK {
			t.Errorf("%s: the example %s answers %d", path, address, c.res.StatusCode)
		}
		for _, status := range []string{"400", "404", "405", "500", "503"} {
			if doc.Find("#problem-"+status).Length() != 1 {
				t.Errorf("%s: no row for the problem %s", path, status)
			}
		}
		if doc.Find(`a[href="/api/v1/openapi.json"]`).Length() != 1 {
			t.Errorf("%s: no link to the OpenAPI document", path)
		}
	}
	sitemap := get(t, h, "/sitemap.xml").body
	for _, l := range content.Langs {
		if !strings.Contains(sitemap, "<loc>"+testBaseURL+"/"+string(l)+"/api</loc>") {
			t.Errorf("the sitemap lacks /%s/api", l)
		}
	}
}
