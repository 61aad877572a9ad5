package e2e_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestWorldMap looks at the home page's map in a real browser at a phone's and a desktop's width:
// the map is drawn, takes less than half of a phone's first screen, and the names the browser
// actually lays out overlap nowhere, in the largest font's version too (the server only estimates
// text widths). It saves screenshots of the home page and a city page (build/screenshots/map-*)
// for a person to look at.
func TestWorldMap(t *testing.T) {
	t.Parallel()
	s := startSite(t)
	for _, width := range []int{375, 1280} {
		ctx := tab(t, width)
		if st := open(t, ctx, s.URL+"/ru/"); st != 200 {
			t.Fatalf("home: %d", st)
		}
		screenshot(t, ctx, fmt.Sprintf("map-%d-home-ru", width))
		firstScreen(t, ctx, fmt.Sprintf("map-%d-home-ru-first-screen", width))
		element(t, ctx, "div.worldmap", fmt.Sprintf("map-%d-home-ru-map", width))
		h := eval[float64](t, ctx, `document.querySelector('svg.map').getBoundingClientRect().height`)
		if h <= 50 || (width == 375 && h > 400) {
			t.Errorf("%d px: the world map is %.0f px high", width, h)
		}
		if overlaps := labelOverlaps(t, ctx); len(overlaps) > 0 {
			t.Errorf("%d px: labels overlap: %v", width, overlaps)
		}
		if st := open(t, ctx, s.URL+"/en/twin-cities/duisburg"); st != 200 {
			t.Fatalf("duisburg: %d", st)
		}
		screenshot(t, ctx, fmt.Sprintf("map-%d-duisburg-en", width))

		// The version for the visually impaired spaces letters by a length that a map's viewBox
		// would multiply: its maps keep their own spacing, or the names spread into each other.
		big := tab(t, width)
		do(t, big, setCookie(s.URL, "a11y", "largest.default.on"))
		if st := open(t, big, s.URL+"/ru/"); st != 200 {
			t.Fatalf("home, largest font: %d", st)
		}
		if overlaps := labelOverlaps(t, big); len(overlaps) > 0 {
			t.Errorf("%d px, largest font: labels overlap: %v", width, overlaps)
		}
		// Its cards stand one under another at any width: their pictures are a strip, not a
		// screen high each.
		if h := eval[float64](t, big, `Math.max(...[...document.querySelectorAll('.card-picture > *')].map(e => e.getBoundingClientRect().height))`); h <= 0 || h > 300 {
			t.Errorf("%d px, largest font: a card's picture is %.0f px high, want a strip of at most 300", width, h)
		}
		screenshot(t, big, fmt.Sprintf("map-%d-home-ru-largest", width))
	}
}

// labelOverlaps lists the pairs of map names, as the browser lays them out, whose boxes overlap.
func labelOverlaps(tb testing.TB, ctx context.Context) []string {
	tb.Helper()
	return eval[[]string](tb, ctx, `(() => {
		const out = [];
		for (const svg of document.querySelectorAll('svg.map')) {
			const boxes = [...svg.querySelectorAll('text')]
				.filter(t => getComputedStyle(t).display !== 'none')
				.map(t => [t.textContent, t.getBoundingClientRect()]);
			for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
				const [a, p] = boxes[i], [b, q] = boxes[j];
				if (p.left < q.right && q.left < p.right && p.top < q.bottom && q.top < p.bottom) out.push(a + ' / ' + b);
			}
		}
		return out;
	})()`)
}

// firstScreen saves what the visitor sees before scrolling.
func firstScreen(tb testing.TB, ctx context.Context, name string) {
	tb.Helper()
	buf, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		tb.Fatalf("screenshot %s: %v", name, err)
	}
	if err := os.WriteFile(filepath.Join(repoRoot(), "build", "screenshots", name+".png"), buf, 0o644); err != nil {
		tb.Fatal(err)
	}
}

// element saves one element of the page as it is drawn.
func element(tb testing.TB, ctx context.Context, sel, name string) {
	tb.Helper()
	buf, err := chromedp.Run(ctx, chromedp.Screenshot(sel))
	if err != nil {
		tb.Fatalf("screenshot %s: %v", name, err)
	}
	if err := os.WriteFile(filepath.Join(repoRoot(), "build", "screenshots", name+".png"), buf, 0o644); err != nil {
		tb.Fatal(err)
	}
}
