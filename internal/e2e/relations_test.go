package e2e_test

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"twincities/internal/content"
	"twincities/internal/store"
)

// TestRelationsAtEveryWidth is the resident's first look at Perm's relations, in a real browser: at
// a phone's and a desktop's width, in both languages, ordinary and in the largest font white on
// black. The home page's maps mark every published city and nothing else, each marker visible and
// linking to its city; every card on the home page and the city lists shows a picture (the
// city's photo or its locator map); the h1 starts on the first screen; nothing scrolls sideways;
// axe-core finds nothing. Screenshots go to build/screenshots/relations-*.
func TestRelationsAtEveryWidth(t *testing.T) {
	t.Parallel()
	s := startSite(t)
	cities, err := store.ListCities(context.Background(), s.DB, store.CityQuery{Filter: store.Public})
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, c := range cities {
		want = append(want, "/"+string(c.Kind)+"-cities/"+c.Slug)
	}
	slices.Sort(want)
	for _, sc := range []struct{ name, cookie string }{{"ordinary", ""}, {"largest-white-on-black", "largest.white-on-black.on"}} {
		for _, width := range []int{375, 1280} {
			t.Run(fmt.Sprintf("%s %d", sc.name, width), func(t *testing.T) {
				t.Parallel()
				ctx := tab(t, width)
				const screen = 667 // a phone's first screen, and less than a laptop's
				do(t, ctx, chromedp.EmulateViewport(int64(width), screen))
				if sc.cookie != "" {
					do(t, ctx, setCookie(s.URL, "a11y", sc.cookie))
				}
				for _, l := range content.Langs {
					for _, rest := range []string{"/", "/twin-cities", "/partner-cities", "/twin-cities/duisburg"} {
						label := fmt.Sprintf("%s %d /%s%s", sc.name, width, l, rest)
						if st := open(t, ctx, s.URL+"/"+string(l)+rest); st != 200 {
							t.Fatalf("%s: status %d", label, st)
						}
						if top := eval[float64](t, ctx, `document.querySelector("h1").getBoundingClientRect().top + scrollY`); top > screen {
							t.Errorf("%s: the h1 starts %.0f px down, below the first screen", label, top)
						}
						if sc.cookie == "" {
							checkWordsWhole(t, ctx, label, "h1")
						}
						checkCardPictures(t, ctx, label)
						checkReflow(t, ctx, label)
						checkAxe(t, ctx, label)
						screenshot(t, ctx, fmt.Sprintf("relations-%d-%s-%s%s", width, l, sc.name, strings.ReplaceAll(strings.TrimSuffix(rest, "/"), "/", "-")))
					}
					open(t, ctx, s.URL+"/"+string(l)+"/")
					checkMapMarkers(t, ctx, fmt.Sprintf("%s %d /%s/", sc.name, width, l), "/"+string(l), want)
				}
			})
		}
	}
}

// checkMapMarkers fails unless the home page's maps together mark exactly the published cities,
// each marker drawn inside the window's width and large enough to see. prefix is the language's
// path ("/ru"), which the markers' links start with.
func checkMapMarkers(t *testing.T, ctx context.Context, label, prefix string, want []string) {
	t.Helper()
	type marker struct {
		Href         string
		Width, Right float64
	}
	markers := eval[[]marker](t, ctx, `[...document.querySelectorAll(".worldmap svg.map .map-labels a:not(.map-perm)")]
		.map(a => { const r = a.getBoundingClientRect(); return {href: a.getAttribute("href"), width: r.width, right: r.right}; })`)
	inner := eval[float64](t, ctx, `document.documentElement.clientWidth`)
	seen := map[string]bool{}
	for _, m := range markers {
		if m.Width < 6 || m.Right > inner+1 {
			t.Errorf("%s: the marker of %s is %.1f px wide and ends at %.0f px in a %.0f px window", label, m.Href, m.Width, m.Right, inner)
		}
		seen[strings.TrimPrefix(m.Href, prefix)] = true
	}
	var got []string
	for h := range seen {
		got = append(got, h)
	}
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("%s: the maps mark %v, want every published city %v", label, got, want)
	}
}

// checkCardPictures fails for a city card without a picture: the city's photo when it has one,
// its locator map when not.
func checkCardPictures(t *testing.T, ctx context.Context, label string) {
	t.Helper()
	bare := eval[[]string](t, ctx, `[...document.querySelectorAll(".card")]
		.filter(c => !c.querySelector(".card-picture img, .card-picture svg"))
		.map(c => c.textContent.trim().replace(/\s+/g, " ").slice(0, 40))`)
	for _, b := range bare {
		t.Errorf("%s: the card %q has no picture", label, b)
	}
}

// checkWordsWhole fails when a word of the element sel is broken across two lines: the ordinary
// version's headings are sized so that the longest Russian word fits a phone. (The largest font
// cannot promise it: there a long word breaks rather than push the page sideways.)
func checkWordsWhole(t *testing.T, ctx context.Context, label, sel string) {
	t.Helper()
	broken := eval[[]string](t, ctx, `(() => {
		const out = [], walk = document.createTreeWalker(document.querySelector(`+strconv.Quote(sel)+`), NodeFilter.SHOW_TEXT);
		for (let n; (n = walk.nextNode()); ) {
			for (const m of n.data.matchAll(/[^\s\u00a0]+/g)) {
				const r = document.createRange();
				r.setStart(n, m.index);
				r.setEnd(n, m.index + m[0].length);
				const lines = new Set([...r.getClientRects()].filter(x => x.width > 0).map(x => Math.round(x.top)));
				if (lines.size > 1) out.push(m[0]);
			}
		}
		return out;
	})()`)
	if len(broken) > 0 {
		t.Errorf("%s: %s breaks the words %q across lines", label, sel, broken)
	}
}
