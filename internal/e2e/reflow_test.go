package e2e_test

import (
	"context"
	"testing"

	"twincities/internal/content"
	"twincities/internal/store"
)

// checkReflow fails when the page in ctx is wider than the window: at 320 CSS pixels (a small
// phone, or 1280 pixels at 400% zoom) a page must reflow into one column. A wide table may scroll
// inside its own box; the page may not.
func checkReflow(t *testing.T, ctx context.Context, label string) {
	t.Helper()
	width := eval[float64](t, ctx, `document.documentElement.scrollWidth`)
	inner := eval[float64](t, ctx, `document.documentElement.clientWidth`)
	if width > inner {
		wide := eval[string](t, ctx, `Array.from(document.querySelectorAll("body *"))
			.filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
			.slice(0, 3).map(e => e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + "." + e.className).join(", ")`)
		t.Errorf("%s: the page is %.0f px wide in a %.0f px window (too wide: %s)", label, width, inner, wide)
	}
}

// TestNoPageScrollsSidewaysAt320 opens every public page (ordinary, and with the largest font)
// and every kind of admin page in a 320 px wide window; in the largest font, axe checks a few
// public pages there too.
func TestNoPageScrollsSidewaysAt320(t *testing.T) {
	t.Parallel()
	s := startSite(t)
	duisburg, err := store.CityBySlug(context.Background(), s.DB, content.Twin, "duisburg", true)
	if err != nil {
		t.Fatal(err)
	}
	addPhoto(t, s, duisburg) // a photo, a gallery and an event's picture
	paths := publicPaths(t, s)
	for _, sc := range []struct{ name, cookie string }{{"ordinary", ""}, {"largest", "largest.default.on"}} {
		t.Run("public "+sc.name, func(t *testing.T) {
			t.Parallel()
			ctx := tab(t, 320)
			if sc.cookie != "" {
				do(t, ctx, setCookie(s.URL, "a11y", sc.cookie))
			}
			for _, rest := range paths {
				for _, l := range content.Langs {
					open(t, ctx, s.URL+"/"+string(l)+rest)
					checkReflow(t, ctx, sc.name+" "+string(l)+rest)
				}
			}
			if sc.cookie == "" {
				return
			}
			// The strip's buttons crowd most at 320 px in the largest font: axe's target-size.
			for _, rest := range []string{"/", "/twin-cities/duisburg", "/about", "/contacts"} {
				for _, l := range content.Langs {
					open(t, ctx, s.URL+"/"+string(l)+rest)
					checkAxe(t, ctx, sc.name+" at 320 "+string(l)+rest)
				}
			}
		})
	}
	t.Run("admin", func(t *testing.T) {
		t.Parallel()
		s := startSite(t)
		password := s.addStaff(t, "admin@example.org", "Ольга Иванова", content.Admin)
		steps := adminSteps(t, s)
		ctx := tab(t, 320)
		signIn(t, ctx, s, "admin@example.org", password)
		for _, step := range steps {
			step.show(t, ctx)
			checkReflow(t, ctx, step.name)
		}
	})
}
