package e2e_test

import (
	"context"
	"testing"

	"twincities/internal/content"
	"twincities/internal/store"
)

// TestFlagsOutlined: a city of a country the first seven flags did not cover shows its flag, every
// flag on the list is drawn at 4:3 (flag-icons' shape, not squeezed), and carries a thin outline, so
// a white field (Japan's) shows against the page; in white on black the outline turns white, so a
// black stripe (Germany's) shows too; the same on the city's page, where the flag stands on grey.
// Screenshots at 1280 pixels go to build/screenshots.
func TestFlagsOutlined(t *testing.T) {
	t.Parallel()
	s := startSite(t)
	city := content.City{Kind: content.Twin, Slug: "test-flag-city", Country: "JP", Published: true,
		Status: content.Active, Name: content.Text{RU: "Тестовый город", EN: "Test city"}}
	if err := store.Cities.Create(context.Background(), s.DB, &city, store.SystemActor); err != nil {
		t.Fatal(err)
	}
	ctx := tab(t, 1280)
	const flags = `[...document.querySelectorAll("img.flag")]`
	for _, tt := range []struct{ name, path, a11y, outline string }{
		{"1280-flags-twin-cities-en", "/en/twin-cities", "", "rgba(0, 0, 0, 0.25)"},
		{"1280-flags-test-city-en", "/en/twin-cities/test-flag-city", "", "rgba(0, 0, 0, 0.25)"},
		{"1280-flags-twin-cities-en-white-on-black", "/en/twin-cities", "normal.white-on-black.on", "rgb(255, 255, 255)"},
	} {
		if tt.a11y != "" {
			do(t, ctx, setCookie(s.URL, "a11y", tt.a11y))
		}
		if st := open(t, ctx, s.URL+tt.path); st != 200 {
			t.Fatalf("%s: %d", tt.name, st)
		}
		if n := eval[int](t, ctx, flags+`.filter(i => i.src.includes("/flags/jp.")).length`); n != 1 {
			t.Errorf("%s: %d flags of Japan, want the test city's one", tt.name, n)
		}
		bad := eval[[]string](t, ctx, flags+`.map(i => {
			const s = getComputedStyle(i), ratio = i.getBoundingClientRect().width / i.getBoundingClientRect().height;
			const p = [];
			if (!i.complete || i.naturalWidth === 0) p.push("not loaded");
			if (Math.abs(ratio - 4 / 3) > 0.05) p.push("drawn at " + ratio.toFixed(2) + ":1");
			if (s.outlineStyle !== "solid" || s.outlineWidth !== "1px" || s.outlineColor !== "`+tt.outline+`")
				p.push("outline " + s.outlineStyle + " " + s.outlineWidth + " " + s.outlineColor);
			return p.length ? i.src.split("/").pop() + ": " + p.join(", ") : "";
		}).filter(Boolean)`)
		for _, b := range bad {
			t.Errorf("%s: %s", tt.name, b)
		}
		screenshot(t, ctx, tt.name)
	}
}
