package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"image/png"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"twincities/internal/content"
	"twincities/internal/i18n"
	"twincities/internal/postgres/pgtest"
	"twincities/internal/store"
)

// jsonLD is every JSON-LD object of a page, each parsed; the test fails on one that does not parse.
func jsonLD(tb testing.TB, r response) []map[string]any {
	tb.Helper()
	var out []map[string]any
	r.doc.Find(`script[type="application/ld+json"]`).Each(func(_ int, s *goquery.Selection) {
		var v map[string]any
		if err := json.Unmarshal([]byte(s.Text()), &v); err != nil {
			tb.Fatalf("%s: JSON-LD does not parse: %v\n%s", r.Request.URL.Path, err, s.Text())
		}
		if v["@context"] != "https://schema.org" {
			tb.Errorf("%s: JSON-LD %v has no schema.org context", r.Request.URL.Path, v["@type"])
		}
		out = append(out, v)
	})
	return out
}

// ofType is the objects of type typ.
func ofType(objs []map[string]any, typ string) []map[string]any {
	var out []map[string]any
	for _, o := range objs {
		if o["@type"] == typ {
			out = append(out, o)
		}
	}
	return out
}

// meta is the content of the head's <meta property=...> or <meta name=...>.
func meta(r response, key string) string {
	if v, ok := r.doc.Find(`head meta[property="` + key + `"]`).Attr("content"); ok {
		return v
	}
	return r.doc.Find(`head meta[name="`+key+`"]`).AttrOr("content", "")
}

const agrigentoSummaryEN = "Agrigento, on the south coast of Sicily, is known for the Valley of the Temples; Perm and Agrigento signed their twinning agreement to bring schools, theatres and universities together, and their choirs and museums have exchanged visits ever since."

// TestStructuredDataOnEveryPageType checks each kind of public page, in both languages: its
// JSON-LD parses and has the types the page is about, the department with its published contacts,
// the breadcrumbs as the page shows them; and its Open Graph and Twitter tags.
func TestStructuredDataOnEveryPageType(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	addPlaces(t, db, testDepartment)
	exec(t, db, `UPDATE cities SET summary_en = $1, summary_ru = 'Агридженто на южном побережье Сицилии известен Долиной храмов.' WHERE slug = 'agrigento'`, agrigentoSummaryEN)
	h := site(t, db)
	ctx := context.Background()
	orgs, err := store.ListOrganizations(ctx, db, store.Public)
	if err != nil || len(orgs) == 0 {
		t.Fatalf("organisations: %v, %d", err, len(orgs))
	}
	partners, err := store.ListCities(ctx, db, store.CityQuery{Kind: content.Partner, Filter: store.Public})
	if err != nil || len(partners) == 0 {
		t.Fatalf("partner cities: %v, %d", err, len(partners))
	}
	agrigento := cityBySlug(t, db, content.Twin, "agrigento")
	agrigentoEvents, err := store.ListEvents(ctx, db, store.EventQuery{CityID: agrigento.ID, Filter: store.Public})
	if err != nil {
		t.Fatal(err)
	}
	pages := []struct {
		path  string
		types []string // besides GovernmentOrganization, on every page
	}{
		{"/", []string{"WebSite", "ItemList"}},
		{"/twin-cities", []string{"BreadcrumbList", "ItemList"}},
		{"/partner-cities", []string{"BreadcrumbList", "ItemList"}},
		{"/twin-cities/agrigento", []string{"BreadcrumbList", "City"}},
		{"/partner-cities/" + partners[0].Slug, []string{"BreadcrumbList", "City"}},
		{"/memberships", []string{"BreadcrumbList", "ItemList"}},
		{"/memberships/" + orgs[0].Slug, []string{"BreadcrumbList", "Organization"}},
		{"/awards", []string{"BreadcrumbList", "ItemList"}},
		{"/about", []string{"BreadcrumbList"}},
		{"/contacts", []string{"BreadcrumbList"}},
	}
	for _, l := range content.Langs {
		for _, pg := range pages {
			path := "/" + string(l) + pg.path
			t.Run(path, func(t *testing.T) {
				r := mustGet(t, h, path)
				objs := jsonLD(t, r)
				var types []string
				for _, o := range objs {
					types = append(types, o["@type"].(string))
				}
				for _, want := range append([]string{"GovernmentOrganization"}, pg.types...) {
					if !slices.Contains(types, want) {
						t.Errorf("JSON-LD types %q lack %s", types, want)
					}
				}
				dept := ofType(objs, "GovernmentOrganization")
				if len(dept) != 1 || dept[0]["name"] != testDepartment.Name.In(l) || dept[0]["telephone"] != testDepartment.Phone ||
					dept[0]["email"] != testDepartment.Email || dept[0]["url"] != testBaseURL+"/"+string(l)+"/contacts" {
					t.Errorf("the department as %v, want its published name and contacts", dept)
				} else if addr, _ := dept[0]["address"].(map[string]any); addr["streetAddress"] != testDepartment.Address.In(l) {
					t.Errorf("the department's address %v, want %q", addr, testDepartment.Address.In(l))
				}
				// The breadcrumbs: home, then each crumb the page shows, with absolute links.
				if crumbs := ofType(objs, "BreadcrumbList"); len(crumbs) == 1 {
					items := crumbs[0]["itemListElement"].([]any)
					shown := texts(r.doc, "nav.breadcrumbs li")
					if len(items) != len(shown) {
						t.Errorf("the BreadcrumbList has %d items, the page shows %d", len(items), len(shown))
					}
					for i, it := range items {
						item := it.(map[string]any)
						if i < len(shown) && squash(item["name"].(string)) != shown[i] {
							t.Errorf("crumb %d is %q, the page shows %q", i, item["name"], shown[i])
						}
						if item["position"] != float64(i+1) || !strings.HasPrefix(item["item"].(string), testBaseURL+"/"+string(l)) {
							t.Errorf("crumb %d: %v", i, item)
						}
					}
				}

				// Open Graph and Twitter cards.
				for key, want := range map[string]string{
					"og:url":              testBaseURL + path,
					"og:site_name":        i18n.For(l).SiteTitle,
					"og:locale":           map[content.Lang]string{content.RU: "ru_RU", content.EN: "en_US"}[l],
					"og:locale:alternate": map[content.Lang]string{content.RU: "en_US", content.EN: "ru_RU"}[l],
					"og:image:width":      "1200",
					"og:image:height":     "630",
					"twitter:card":        "summary_large_image",
					"og:description":      r.doc.Find(`head meta[name="description"]`).AttrOr("content", "-"),
				} {
					if got := meta(r, key); got != want {
						t.Errorf("%s = %q, want %q", key, got, want)
					}
				}
				if img := meta(r, "og:image"); !strings.HasPrefix(img, testBaseURL+"/share/") || !strings.Contains(img, ".png?v=") {
					t.Errorf("og:image %q, want an absolute, versioned share picture", img)
				}
				if meta(r, "og:image:alt") == "" || meta(r, "og:title") == "" {
					t.Error("og:image:alt or og:title is empty")
				}
				if d := meta(r, "og:description"); d == "" || len([]rune(d)) > 200 {
					t.Errorf("og:description %q: empty or longer than 200 characters", d)
				}
			})
		}

		t.Run(string(l)+"/agrigento", func(t *testing.T) {
			r := mustGet(t, h, "/"+string(l)+"/twin-cities/agrigento")
			want := agrigentoSummaryEN
			if l == content.RU {
				want = "Агридженто на южном побережье Сицилии известен Долиной храмов."
			}
			if got := meta(r, "og:description"); !strings.HasPrefix(want, strings.TrimSuffix(got, "…")) || len(got) < 40 {
				t.Errorf("og:description %q, want Agrigento's summary %q (trimmed)", got, want)
			}
			if l == content.EN && (!strings.HasSuffix(meta(r, "description"), "…") || len([]rune(meta(r, "description"))) > 200) {
				t.Errorf("the long summary is not trimmed at a word: %q", meta(r, "description"))
			}
			if meta(r, "og:type") != "article" {
				t.Errorf("og:type %q, want article", meta(r, "og:type"))
			}
			if img := meta(r, "og:image"); !strings.HasPrefix(img, testBaseURL+"/share/twin/agrigento.png?v=") {
				t.Errorf("og:image %q, want Agrigento's own picture", img)
			}
			objs := jsonLD(t, r)
			city := ofType(objs, "City")
			if len(city) != 1 || city[0]["name"] != agrigento.Name.In(l) || city[0]["url"] != testBaseURL+"/"+string(l)+"/twin-cities/agrigento" {
				t.Fatalf("City %v", city)
			}
			g, _ := city[0]["geo"].(map[string]any)
			if g["@type"] != "GeoCoordinates" || g["latitude"] != agrigento.Location.Lat || g["longitude"] != agrigento.Location.Lon {
				t.Errorf("Agrigento's geo %v, want %v", g, *agrigento.Location)
			}
			events := ofType(objs, "Event")
			if len(events) != len(agrigentoEvents) {
				t.Errorf("%d Events, want the %d of the timeline", len(events), len(agrigentoEvents))
			}
			for i, e := range events {
				if i < len(agrigentoEvents) && (e["startDate"] != agrigentoEvents[i].Date.String() || e["name"] != agrigentoEvents[i].Title.In(l)) {
					t.Errorf("Event %d: %v, want %s %q", i, e, agrigentoEvents[i].Date, agrigentoEvents[i].Title.In(l))
				}
			}
		})
	}
}

// TestListsDescribeThemselvesWithCounts checks that the lists' descriptions count and name their
// entries, instead of the site's one description.
func TestListsDescribeThemselvesWithCounts(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	h := site(t, db)
	twins, err := store.ListCities(context.Background(), db, store.CityQuery{Kind: content.Twin, Filter: store.Public})
	if err != nil {
		t.Fatal(err)
	}
	r := mustGet(t, h, "/en/twin-cities")
	d := meta(r, "og:description")
	if !strings.HasPrefix(d, "Perm’s twin cities: "+itoa(int64(len(twins)))+" — "+twins[0].Name.EN) {
		t.Errorf("the twin cities' description %q, want their count and names", d)
	}
	home := mustGet(t, h, "/ru/")
	if d := meta(home, "og:description"); !strings.HasPrefix(d, "У\u00a0Перми ") {
		t.Errorf("the home page's description %q, want the lead counted from the data", d)
	}
}

// TestJSONLDCannotBeBrokenOut checks that a name with HTML in it stays inside the JSON-LD: the
// page has no script but the data blocks, and the name reads back whole.
func TestJSONLDCannotBeBrokenOut(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	evil := `</script><script>alert(1)</script><!--`
	exec(t, db, `UPDATE cities SET name_en = $1 WHERE slug = 'agrigento'`, evil)
	h := site(t, db)
	for _, path := range []string{"/en/twin-cities/agrigento", "/en/twin-cities"} {
		r := mustGet(t, h, path)
		scripts, data := r.doc.Find("script").Length(), r.doc.Find(`script[type="application/ld+json"]`).Length()
		if scripts != data || strings.Contains(r.body, "<script>alert") {
			t.Fatalf("%s: %d scripts, %d of them JSON-LD: the name broke out", path, scripts, data)
		}
		found := false
		for _, o := range jsonLD(t, r) {
			b, _ := json.Marshal(o)
			found = found || strings.Contains(string(b), `\u003c/script\u003e\u003cscript\u003ealert(1)`)
			if city, _ := o["name"].(string); city == evil {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: the name is not in the JSON-LD whole", path)
		}
	}
}

// TestSharePictures checks the share pictures: PNGs of 1200×630, their ETag round trip, the long
// cache of the versioned address, and 404 for a city that is unknown or not published.
func TestSharePictures(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	h := site(t, db)
	page := mustGet(t, h, "/ru/twin-cities/agrigento")
	img, err := url.Parse(meta(page, "og:image"))
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{img.RequestURI(), "/share/twin/agrigento.png", "/share/home.png"} {
		r := get(t, h, path)
		if r.StatusCode != http.StatusOK || r.Header.Get("Content-Type") != "image/png" {
			t.Fatalf("GET %s: %d %s", path, r.StatusCode, r.Header.Get("Content-Type"))
		}
		cfg, err := png.DecodeConfig(strings.NewReader(r.body))
		if err != nil || cfg.Width != 1200 || cfg.Height != 630 {
			t.Errorf("GET %s: %v, %d×%d; want a PNG of 1200×630", path, err, cfg.Width, cfg.Height)
		}
		etag := r.Header.Get("ETag")
		if etag == "" {
			t.Fatalf("GET %s: no ETag", path)
		}
		again := get(t, h, path, "If-None-Match", etag)
		if again.StatusCode != http.StatusNotModified || again.body != "" {
			t.Errorf("GET %s with its ETag: %d, %d bytes; want 304", path, again.StatusCode, len(again.body))
		}
		immutable := strings.Contains(r.Header.Get("Cache-Control"), "immutable")
		if immutable != (path == img.RequestURI()) {
			t.Errorf("GET %s: Cache-Control %q; only the versioned address is kept for long", path, r.Header.Get("Cache-Control"))
		}
	}
	if v := img.Query().Get("v"); !strings.Contains(get(t, h, img.RequestURI()).Header.Get("ETag"), v) {
		t.Errorf("the ETag does not carry the version %s of the og:image URL", v)
	}

	// The picture changes with the name, and so do its ETag and the page's og:image.
	exec(t, db, `UPDATE cities SET name_en = 'Akragas' WHERE slug = 'agrigento'`)
	if meta(mustGet(t, h, "/ru/twin-cities/agrigento"), "og:image") == img.String() {
		t.Error("og:image kept its version after the name changed")
	}
	if r := get(t, h, img.Path, "If-None-Match", `"`+img.Query().Get("v")+`"`); r.StatusCode != http.StatusOK {
		t.Errorf("GET %s with the ETag from before the change: %d, want 200 and the new picture", img.Path, r.StatusCode)
	}

	exec(t, db, `UPDATE cities SET published = false WHERE slug = 'oxford'`)
	for _, path := range []string{"/share/twin/nowhere.png", "/share/twin/oxford.png", "/share/partner/agrigento.png",
		"/share/twin/agrigento.jpg", "/share/twin/Agrigento.png", "/share/other/agrigento.png"} {
		if r := get(t, h, path); r.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s: %d, want 404", path, r.StatusCode)
		}
	}
}

// TestSharePictureOfAPhoto checks that a city with a photo gets a picture drawn from it.
func TestSharePictureOfAPhoto(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	addEditor(t, db)
	admin := startSite(t, db)
	b := admin.newBrowser(t, "en")
	b.mustSignIn(editorEmail, editorPassword)
	duisburg := cityBySlug(t, db, content.Twin, "duisburg")
	path := twinPath(duisburg.ID)
	expectStatus(t, b.pressButton(b.mustGet(path), formAt(path), uploadButton(path+"/image"),
		url.Values{"image_alt_en": {"The inner harbour"}, "image_alt_ru": {"Внутренняя гавань"}},
		map[string]upload{"file": {name: "harbour.jpg", contentType: "image/jpeg", data: jpegBytes(t, 1600, 1000)}}), http.StatusOK)

	h := site(t, db)
	r := mustGet(t, h, "/en/twin-cities/duisburg")
	if meta(r, "og:image:alt") != "The inner harbour" {
		t.Errorf("og:image:alt %q, want the photo's alt text", meta(r, "og:image:alt"))
	}
	u, _ := url.Parse(meta(r, "og:image"))
	pic := get(t, h, u.RequestURI())
	cfg, err := png.DecodeConfig(bytes.NewReader([]byte(pic.body)))
	if pic.StatusCode != http.StatusOK || err != nil || cfg.Width != 1200 || cfg.Height != 630 {
		t.Fatalf("GET %s: %d, %v, %d×%d", u.RequestURI(), pic.StatusCode, err, cfg.Width, cfg.Height)
	}
	// The photo is in it: the top of the picture is not the map's two colours of sea and land.
	m, err := png.Decode(bytes.NewReader([]byte(pic.body)))
	if err != nil {
		t.Fatal(err)
	}
	colours := map[[4]uint32]bool{}
	for x := 0; x < 1200; x += 50 {
		r, g, b, a := m.At(x, 100).RGBA()
		colours[[4]uint32{r, g, b, a}] = true
	}
	if len(colours) < 5 {
		t.Errorf("the top of Duisburg's picture has %d colours; the photo is missing", len(colours))
	}
}

// The home page takes the share picture's cities from its own read of the cards, the other pages
// read them apart (frame): both must name the same picture, or a link shared from the home page
// would show another map than one shared from a list.
func TestHomeNamesTheSameSharePictureAsTheOtherPages(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	// A former relationship and a city without a location change the map: both must be seen alike.
	exec(t, db, `UPDATE cities SET status = 'ended', status_date = '2022-03-01', status_precision = 'day' WHERE slug = 'agrigento'`)
	exec(t, db, `UPDATE cities SET latitude = NULL, longitude = NULL WHERE id = (SELECT min(id) FROM cities WHERE published AND slug <> 'agrigento')`)
	h := site(t, db)
	home := meta(mustGet(t, h, "/ru/"), "og:image")
	if !strings.HasPrefix(home, testBaseURL+"/share/home.png?v=") {
		t.Fatalf("the home page's og:image is %q, want the site's picture", home)
	}
	for _, path := range []string{"/ru/about", "/en/awards", "/en/twin-cities"} {
		if got := meta(mustGet(t, h, path), "og:image"); got != home {
			t.Errorf("%s names %q, the home page %q", path, got, home)
		}
	}
}

// What staff type cannot close the structured data's script element or open a comment in it:
// the JSON-LD writes <, > and & escaped, and reads back as typed.
func TestStructuredDataCannotLeaveItsScript(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	const typed = `Summer </script><script>alert(1)</script><!-- & more`
	exec(t, db, `UPDATE cities SET summary_en = $1 WHERE slug = 'agrigento'`, typed)
	h := site(t, db)
	for _, path := range []string{"/en/twin-cities/agrigento", "/en/twin-cities", "/en/"} {
		r := mustGet(t, h, path)
		if strings.Contains(string(r.body), "<script>alert(1)") || strings.Contains(string(r.body), "<!-- & more") {
			t.Errorf("%s: the typed text is in the page unescaped", path)
		}
		var found bool
		for _, o := range append(ofType(jsonLD(t, r), "City"), listedCities(jsonLD(t, r))...) {
			found = found || o["description"] == typed
		}
		if !found {
			t.Errorf("%s: no City in the structured data reads back the typed summary", path)
		}
	}
}

// listedCities are the cities of the ItemLists among objs.
func listedCities(objs []map[string]any) []map[string]any {
	var out []map[string]any
	for _, list := range ofType(objs, "ItemList") {
		items, _ := list["itemListElement"].([]any)
		for _, it := range items {
			if item, ok := it.(map[string]any)["item"].(map[string]any); ok && item["@type"] == "City" {
				out = append(out, item)
			}
		}
	}
	return out
}
