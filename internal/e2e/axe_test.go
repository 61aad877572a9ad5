package e2e_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// axeTags are the rules checked: WCAG 2.0, 2.1 and 2.2 at levels A and AA, the basis of
// GOST R 52872-2019.
const axeTags = `["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]`

// axeSource is axe-core, the npm package pinned in package.json and package-lock.json.
var axeSource = sync.OnceValues(func() ([]byte, error) {
	return os.ReadFile(filepath.Join(repoRoot(), "node_modules", "axe-core", "axe.min.js"))
})

// violation is what axe-core reports for one rule broken on a page.
type violation struct {
	ID     string   `json:"id"`
	Impact string   `json:"impact"`
	Help   string   `json:"help"`
	Nodes  []string `json:"nodes"`
}

// checkAxe runs axe-core on the page in ctx and fails the test for every violation, naming the
// elements and what is wrong with them.
func checkAxe(tb testing.TB, ctx context.Context, label string) {
	tb.Helper()
	src, err := axeSource()
	if err != nil {
		missing(tb, "axe-core is not installed (npm ci)")
	}
	if !eval[bool](tb, ctx, `typeof window.axe !== "undefined"`) {
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[any](string(src)+";0")); err != nil {
			tb.Fatalf("inject axe-core: %v", err)
		}
	}
	vs := eval[[]violation](tb, ctx, `axe.run(document, {runOnly: {type: "tag", values: `+axeTags+`}, resultTypes: ["violations"]})
		.then(r => r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
			nodes: v.nodes.map(n => n.target.join(" ") + " — " + n.failureSummary.replace(/\s+/g, " "))})))`)
	for _, v := range vs {
		tb.Errorf("%s: axe %s (%s): %s\n\t%s", label, v.ID, v.Impact, v.Help, strings.Join(v.Nodes, "\n\t"))
	}
}

// setCookie sets a cookie for the site at url, as the settings form would.
func setCookie(url, name, value string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, network.SetCookie, network.SetCookieParams{Name: name, Value: value, URL: url})
		return err
	})
}
