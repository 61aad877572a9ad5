package e2e_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestResidentJourney follows a resident: home, a twin city, the same city in the other language,
// the version for the visually impaired (largest font, white on black, no images) holding on the
// next pages, and back to the ordinary version.
func TestResidentJourney(t *testing.T) {
	t.Parallel()
	s := startSite(t)
	ctx := tab(t, 1280)

	if st := open(t, ctx, s.URL+"/ru/"); st != 200 {
		t.Fatalf("home: %d", st)
	}
	// Home → a twin city, by its card.
	follow(t, ctx, chromedp.Click(chromedp.CSS(`section[aria-labelledby="twins"] a[href="/ru/twin-cities/duisburg"]`)))
	if got := path(t, ctx); got != "/ru/twin-cities/duisburg" {
		t.Fatalf("after clicking Duisburg's card: %s", got)
	}
	if h1 := text(t, ctx, "h1"); h1 != "Дуйсбург" {
		t.Errorf("h1 %q", h1)
	}
	// The language switch keeps the visitor on the same city.
	follow(t, ctx, chromedp.Click(chromedp.CSS(`.tools a[hreflang="en"]`)))
	if got := path(t, ctx); got != "/en/twin-cities/duisburg" {
		t.Fatalf("after switching language: %s, want the same city in English", got)
	}
	if lang := eval[string](t, ctx, `document.documentElement.lang`); lang != "en" || text(t, ctx, "h1") != "Duisburg" {
		t.Errorf("English page: lang %q, h1 %q", lang, text(t, ctx, "h1"))
	}
	if eval[int](t, ctx, `document.querySelectorAll("img.flag").length`) == 0 {
		t.Error("the ordinary version shows no flag")
	}

	// The visible link at the top leads to the settings; the choice brings the visitor back.
	follow(t, ctx, chromedp.Click(chromedp.CSS(`a.a11y-link`)))
	if got := path(t, ctx); !strings.HasPrefix(got, "/en/accessibility") {
		t.Fatalf("the link for the visually impaired led to %s", got)
	}
	do(t, ctx,
		chromedp.Click(chromedp.ID("page-font-largest")),
		chromedp.Click(chromedp.ID("page-scheme-white-on-black")),
		chromedp.Click(chromedp.ID("page-images-off")))
	follow(t, ctx, chromedp.Click(chromedp.CSS(`main .a11y-form button[type="submit"]:not([name])`)))
	if got := path(t, ctx); got != "/en/twin-cities/duisburg" {
		t.Fatalf("after applying the settings: %s, want back on the city", got)
	}
	checkA11y(t, ctx, "font-largest", "scheme-white-on-black", "images-off")

	// The choice holds on the next pages, reached through the navigation.
	follow(t, ctx, chromedp.Click(chromedp.CSS(`.site-nav a[href="/en/partner-cities"]`)))
	checkA11y(t, ctx, "font-largest", "scheme-white-on-black", "images-off")
	follow(t, ctx, chromedp.Click(chromedp.CSS(`a[href="/en/partner-cities/kazan"]`)))
	checkA11y(t, ctx, "font-largest", "scheme-white-on-black", "images-off")
	if eval[int](t, ctx, `document.querySelectorAll("img").length`) != 0 {
		t.Error("images are shown although the visitor turned them off")
	}
	// White text on black, for real: the computed colours of the page.
	if fg, bg := eval[string](t, ctx, `getComputedStyle(document.body).color`), eval[string](t, ctx, `getComputedStyle(document.body).backgroundColor`); fg != "rgb(255, 255, 255)" || bg != "rgb(0, 0, 0)" {
		t.Errorf("white on black is %s on %s", fg, bg)
	}
	size := eval[float64](t, ctx, `parseFloat(getComputedStyle(document.body).fontSize)`)
	if size < 27 {
		t.Errorf("the largest font is %.1f px", size)
	}

	// One click on the strip changes one setting and stays on the page.
	follow(t, ctx, chromedp.Click(chromedp.CSS(`.a11y-strip .swatch-blue`)))
	if got := path(t, ctx); got != "/en/partner-cities/kazan" {
		t.Errorf("after the blue swatch: %s", got)
	}
	checkA11y(t, ctx, "font-largest", "scheme-blue", "images-off")

	// One click back to the ordinary version, from the strip on any page.
	follow(t, ctx, chromedp.Click(chromedp.CSS(`.a11y-strip button[name="reset"]`)))
	if got := path(t, ctx); got != "/en/partner-cities/kazan" {
		t.Errorf("after the ordinary version: %s", got)
	}
	if c := htmlClass(t, ctx); c != "" {
		t.Errorf("the ordinary version still has <html class=%q>", c)
	}
	if eval[int](t, ctx, `document.querySelectorAll("a.a11y-link").length`) != 1 {
		t.Error("the ordinary version has no link to the version for the visually impaired")
	}
}

// checkA11y asserts the version for the visually impaired is on with the given settings, and its
// strip is there to change them.
func checkA11y(t *testing.T, ctx context.Context, classes ...string) {
	t.Helper()
	got := strings.Fields(htmlClass(t, ctx))
	for _, c := range append([]string{"a11y"}, classes...) {
		if !slices.Contains(got, c) {
			t.Errorf("%s: <html class=%q> lacks %s", path(t, ctx), strings.Join(got, " "), c)
		}
	}
	if eval[int](t, ctx, `document.querySelectorAll(".a11y-strip button[aria-pressed=true]").length`) != 2 {
		t.Errorf("%s: no strip with the current font and scheme pressed", path(t, ctx))
	}
}
