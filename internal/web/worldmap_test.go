package web_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"sort"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"twincities/internal/content"
	"twincities/internal/i18n"
	"twincities/internal/postgres/pgtest"
	"twincities/internal/store"
)

// TestHomeMapLinksEveryPublishedCity: the home page's map has a linked marker for every published
// city and none for a draft, marks Perm, and is an image with a title and a description.
func TestHomeMapLinksEveryPublishedCity(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), pgtest.SeededDB(t)
	exec(t, db, `UPDATE cities SET published = false WHERE slug = 'tyumen'`)
	h := site(t, db)
	cities, err := store.ListCities(ctx, db, store.CityQuery{Filter: store.Public})
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, c := range cities {
		want = append(want, "/en/"+string(c.Kind)+"-cities/"+c.Slug)
	}
	if len(want) < 5 {
		t.Fatalf("only %d published cities in the initial data", len(want))
	}
	r := mustGet(t, h, "/en/")
	world := r.doc.Find("svg#map-world")
	if world.Length() != 1 {
		t.Fatalf("%d world maps, want 1", world.Length())
	}
	got := attrs(r.doc, "svg#map-world a.map-city", "href")
	sort.Strings(got)
	sort.Strings(want)
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("markers link to\n%v\nwant the published cities\n%v", got, want)
	}
	for _, href := range got {
		if strings.Contains(href, "tyumen") {
			t.Error("the draft Tyumen has a marker")
		}
	}
	if world.Find("a.map-perm circle").Length() != 1 || !strings.Contains(world.Find("a.map-perm text").Text(), "Perm") {
		t.Error("Perm is not marked and named")
	}
	// A figure (an image could hold no usable links), named by its title, described by its desc.
	if world.AttrOr("role", "") != "figure" || strings.TrimSpace(world.Find("title").Text()) == "" || strings.TrimSpace(world.Find("desc").Text()) == "" {
		t.Error("the map is not a figure with a title and a description")
	}
	if !world.Find("#"+world.AttrOr("aria-labelledby", "-")).Is("title") ||
		!world.Find("#"+world.AttrOr("aria-describedby", "-")).Is("desc") {
		t.Error("the map is not labelled by its title and described by its desc")
	}
	world.Find("a").Each(func(_ int, a *goquery.Selection) {
		if strings.TrimSpace(a.AttrOr("aria-label", "")) == "" {
			t.Errorf("marker link %s has no name", a.AttrOr("href", ""))
		}
	})
	// Active and ended relationships have markers of different shapes, not only colours.
	if world.Find("a.map-active path.map-marker").Length() == 0 || world.Find("a.map-ended path.map-marker").Length() == 0 {
		t.Error("no active or no ended marker on the map")
	}
	// The inset names the Russian partner cities near Perm.
	inset := r.doc.Find("svg#map-inset")
	if inset.Find(`a[href="/en/partner-cities/kazan"] text`).Length() != 1 {
		t.Error("the inset does not name Kazan")
	}
	// Its name is shown above it too, for those who see the map, and is its title for the others.
	caption := inset.Prev()
	if want := i18n.For(content.EN).MapInsetTitle; !caption.Is("p.map-caption") || squash(caption.Text()) != want || inset.Find("title").Text() != want {
		t.Errorf("the inset's caption %q (%s) and title %q, want both %q", squash(caption.Text()), goquery.NodeName(caption), inset.Find("title").Text(), want)
	}
}

// TestHomeMapImagesOff: with images off, the version for the visually impaired shows the cities
// as the list of cards only, without a map.
func TestHomeMapImagesOff(t *testing.T) {
	t.Parallel()
	h := site(t, pgtest.SeededDB(t))
	if n := mustGet(t, h, "/ru/").doc.Find("svg.map").Length(); n == 0 {
		t.Fatal("no map with images on")
	}
	r := get(t, h, "/ru/", "Cookie", "a11y=normal.default.off")
	if n := r.doc.Find("svg.map").Length(); n != 0 {
		t.Errorf("%d maps with images off", n)
	}
	if r.doc.Find(".cards .card").Length() == 0 {
		t.Error("no city cards with images off")
	}
	r = get(t, h, "/ru/twin-cities/duisburg", "Cookie", "a11y=normal.default.off")
	if n := r.doc.Find("svg.map").Length(); n != 0 {
		t.Errorf("%d locator maps with images off", n)
	}
}

// TestCityLocatorMap: a city page has its small map with the city's marker; Perm is on it when
// the city is near (Kazan) and left out when it is far (Duisburg).
func TestCityLocatorMap(t *testing.T) {
	t.Parallel()
	h := site(t, pgtest.SeededDB(t))
	for _, c := range []struct {
		path     string
		withPerm bool
	}{{"/en/partner-cities/kazan", true}, {"/en/twin-cities/duisburg", false}} {
		r := mustGet(t, h, c.path)
		m := r.doc.Find(".locator svg#map-locator[role=figure]")
		if m.Length() != 1 {
			t.Errorf("%s: %d locator maps", c.path, m.Length())
			continue
		}
		if m.Find(`a[href="`+c.path+`"] path.map-marker`).Length() != 1 {
			t.Errorf("%s: the city has no marker", c.path)
		}
		if got := m.Find("a.map-perm circle").Length() == 1; got != c.withPerm {
			t.Errorf("%s: Perm on the map: %v, want %v", c.path, got, c.withPerm)
		}
		if strings.TrimSpace(m.Find("title").Text()) == "" || strings.TrimSpace(m.Find("desc").Text()) == "" {
			t.Errorf("%s: the locator map has no title or description", c.path)
		}
	}
}

// homeGzipLimit is issue 9's budget for the home page, compressed as the site sends it.
const homeGzipLimit = 60 << 10

// TestHomePageStaysLight: the home page, map included, gzipped as the site sends it, stays under
// the 60 KB in both languages.
func TestHomePageStaysLight(t *testing.T) {
	t.Parallel()
	h := site(t, pgtest.SeededDB(t))
	for _, path := range []string{"/ru/", "/en/"} {
		req := httptest.NewRequestWithContext(context.Background(), http.MethodGet, path, nil)
		req.Header.Set("Accept-Encoding", "gzip")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK || rec.Header().Get("Content-Encoding") != "gzip" {
			t.Fatalf("%s: status %d, encoding %q", path, rec.Code, rec.Header().Get("Content-Encoding"))
		}
		compressed := rec.Body.Len()
		zr, err := gzip.NewReader(bytes.NewReader(rec.Body.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		plain, err := io.ReadAll(zr)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(plain, []byte(`id="map-world"`)) {
			t.Errorf("%s: no map on the page", path)
		}
		t.Logf("%s: %d bytes, %d gzipped", path, len(plain), compressed)
		if compressed > homeGzipLimit {
			t.Errorf("%s: %d bytes gzipped, more than %d", path, compressed, homeGzipLimit)
		}
	}
}
