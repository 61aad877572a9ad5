package e2e_test

import (
	"context"
	"testing"

	"twincities/internal/content"
	"twincities/internal/store"
)

// publicPaths lists every public page below /{lang}: the sections, every published city and
// membership, the settings of the version for the visually impaired, and a page that does not exist.
func publicPaths(tb testing.TB, s site) []string {
	tb.Helper()
	ctx := context.Background()
	paths := []string{"/", "/twin-cities", "/partner-cities", "/memberships", "/awards", "/about", "/contacts",
		"/accessibility", "/no-such-page", "/opendata", "/api",
		// Search: the page without a query, results grouped by kind, and nothing found with a
		// suggestion.
		"/search", "/search?q=Duisburg", "/search?q=Dusiburgg"}
	cities, err := store.ListCities(ctx, s.DB, store.CityQuery{Filter: store.Public})
	if err != nil {
		tb.Fatal(err)
	}
	for _, c := range cities {
		paths = append(paths, "/"+string(c.Kind)+"-cities/"+c.Slug)
	}
	orgs, err := store.ListOrganizations(ctx, s.DB, store.Public)
	if err != nil {
		tb.Fatal(err)
	}
	for _, o := range orgs {
		paths = append(paths, "/memberships/"+o.Slug)
	}
	return paths
}

// schemes are the ways a page can look: the ordinary version, and each colour scheme of the
// version for the visually impaired (as its cookie says: font.scheme.images).
var schemes = []struct{ name, cookie string }{
	{"ordinary", ""},
	{"black-on-white", "normal.black-on-white.on"},
	{"white-on-black", "normal.white-on-black.on"},
	{"blue", "normal.blue.on"},
	{"largest-no-images", "largest.default.off"},
}

// TestPublicPagesPassAxe runs axe-core's WCAG 2.2 A and AA rules on every public page, in both
// languages, in every colour scheme.
func TestPublicPagesPassAxe(t *testing.T) {
	t.Parallel()
	s := startSite(t)
	duisburg, err := store.CityBySlug(context.Background(), s.DB, content.Twin, "duisburg", true)
	if err != nil {
		t.Fatal(err)
	}
	addPhoto(t, s, duisburg) // a page with a photo, shown or described
	paths := publicPaths(t, s)
	for _, sc := range schemes {
		t.Run(sc.name, func(t *testing.T) {
			t.Parallel()
			ctx := tab(t, 1280)
			if sc.cookie != "" {
				do(t, ctx, setCookie(s.URL, "a11y", sc.cookie))
			}
			for _, rest := range paths {
				for _, l := range content.Langs {
					url := s.URL + "/" + string(l) + rest
					open(t, ctx, url)
					checkAxe(t, ctx, sc.name+" "+string(l)+rest)
				}
			}
		})
	}
}
