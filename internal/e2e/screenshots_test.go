package e2e_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"twincities/internal/content"
	"twincities/internal/store"
)

// TestScreenshots saves the key pages at 1280 and 375 pixels wide under build/screenshots (ignored
// by git), for people to look at: what a test cannot judge, a person can.
func TestScreenshots(t *testing.T) {
	t.Parallel()
	public := []struct{ name, path, a11y string }{
		{"home-ru", "/ru/", ""},
		{"home-en", "/en/", ""},
		{"twin-cities-en", "/en/twin-cities", ""},
		{"duisburg-ru", "/ru/twin-cities/duisburg", ""},
		{"louisville-en", "/en/twin-cities/louisville", ""},
		{"memberships-ru", "/ru/memberships", ""},
		{"awards-en", "/en/awards", ""},
		{"about-ru", "/ru/about", ""},
		{"contacts-ru", "/ru/contacts", ""},
		{"write-en", "/en/contacts/write", ""},
		{"privacy-ru", "/ru/privacy", ""},
		{"partner-cities-ru", "/ru/partner-cities", ""},
		{"opendata-ru", "/ru/opendata", ""},
		{"opendata-en", "/en/opendata", ""},
		{"not-found-en", "/en/nowhere", ""},
		{"api-ru", "/ru/api", ""},
		{"api-en", "/en/api", ""},
		{"settings-ru", "/ru/accessibility?back=/ru/", ""},
		{"duisburg-ru-largest-white-on-black-no-images", "/ru/twin-cities/duisburg", "largest.white-on-black.off"},
		{"home-en-large-blue", "/en/", "large.blue.on"},
		{"home-ru-black-on-white", "/ru/", "normal.black-on-white.on"},
		{"search-empty-ru", "/ru/search", ""},
		{"search-ru", "/ru/search?q=Дуйсбург", ""},
		{"search-en", "/en/search?q=certificate", ""},
		{"search-nothing-en", "/en/search?q=Dusiburgg", ""},
		{"search-ru-largest-white-on-black", "/ru/search?q=грамота", "largest.white-on-black.on"},
		// Issue 11, news: the list, an item (adminSteps adds one), the home page and the city's page show it.
		{"news-ru", "/ru/news", ""},
		{"news-en", "/en/news", ""},
		{"news-item-ru", "/ru/news/test-visit", ""},
		{"news-item-en", "/en/news/test-visit", ""},
	}
	for _, width := range []int{1280, 375} {
		t.Run(fmt.Sprint(width), func(t *testing.T) {
			t.Parallel()
			// A site of its own for each width: the admin's steps change the data (a conflicting
			// save), and the two widths run at the same time.
			s := startSite(t)
			password := s.addStaff(t, "admin@example.org", "Ольга Иванова", content.Admin)
			duisburg, err := store.CityBySlug(context.Background(), s.DB, content.Twin, "duisburg", true)
			if err != nil {
				t.Fatal(err)
			}
			addPhoto(t, s, duisburg)
			admin := adminSteps(t, s)
			for _, p := range public {
				ctx := tab(t, width)
				if p.a11y != "" {
					do(t, ctx, setCookie(s.URL, "a11y", p.a11y))
				}
				if st := open(t, ctx, s.URL+p.path); st != 200 && !strings.Contains(p.name, "not-found") {
					t.Errorf("%s: %d", p.path, st)
				}
				screenshot(t, ctx, fmt.Sprintf("%d-%s", width, p.name))
			}
			ctx := tab(t, width)
			signIn(t, ctx, s, "admin@example.org", password)
			steps := map[string]bool{"/admin/": true, fmt.Sprintf("/admin/twin-cities/%d", duisburg.ID): true,
				"/admin/twin-cities/new sent empty": true, "/admin/history": true, "/admin/places": true, "/admin/messages": true,
				fmt.Sprintf("/admin/twin-cities/%d with the texts previewed", duisburg.ID): true,
				"/admin/search?q=Oxford": true, "/admin/settings with errors": true,
				"/admin/news": true, "/admin/news/new sent empty": true}
			for _, step := range admin {
				if steps[step.name] || strings.HasSuffix(step.name, "with a conflict") {
					step.show(t, ctx)
					screenshot(t, ctx, fmt.Sprintf("%d-admin-%s", width, strings.Trim(strings.NewReplacer("/", "-", " ", "-", "?", "-", "=", "-").Replace(step.name), "-")))
				}
			}
		})
	}
}
