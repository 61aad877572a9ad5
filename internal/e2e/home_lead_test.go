package e2e_test

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestHomeLeadAndMapOnAPhonesFirstScreen opens the home page on a 375 × 667 px phone in both
// languages: the h1, the whole one-sentence answer and the start of the map are on the first
// screen, before any other block. It saves the first screen (build/screenshots/home-lead-*).
func TestHomeLeadAndMapOnAPhonesFirstScreen(t *testing.T) {
	t.Parallel()
	s := startSite(t)
	ctx := tab(t, 375)
	do(t, ctx, chromedp.EmulateViewport(375, 667))
	for _, lang := range []string{"ru", "en"} {
		if st := open(t, ctx, s.URL+"/"+lang+"/"); st != 200 {
			t.Fatalf("/%s/: %d", lang, st)
		}
		screenshot(t, ctx, fmt.Sprintf("home-lead-375-%s", lang)) // makes build/screenshots too
		firstScreen(t, ctx, fmt.Sprintf("home-lead-375-%s-first-screen", lang))
		box := eval[map[string]float64](t, ctx, `(() => {
			const r = s => document.querySelector(s).getBoundingClientRect();
			return {h1: r('main h1').top, lead: r('.home-lead').bottom, map: r('svg.map').top, screen: innerHeight};
		})()`)
		if box["h1"] >= box["screen"] || box["lead"] > box["screen"] || box["map"] >= box["screen"]-40 {
			t.Errorf("/%s/ at 375 × 667: h1 at %.0f, lead ends at %.0f, map starts at %.0f: not all on the first screen",
				lang, box["h1"], box["lead"], box["map"])
		}
	}
}
