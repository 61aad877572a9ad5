package e2e_test

import (
	"context"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// TestJSONLDPassesTheContentSecurityPolicy checks, in a real browser, that the pages' JSON-LD
// blocks raise no violation of the site's content security policy (script-src 'self' allows no
// inline script; a data block is not one) and parse as JSON. The listener is shown to work by an
// inline script, which the policy must refuse.
func TestJSONLDPassesTheContentSecurityPolicy(t *testing.T) {
	s := startSite(t)
	ctx := tab(t, 1024)
	do(t, ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
			Source: `window.cspViolations = [];
				document.addEventListener("securitypolicyviolation", e => window.cspViolations.push(e.violatedDirective + " " + e.blockedURI));`,
		})
		return err
	}))
	for _, path := range []string{"/ru/", "/en/twin-cities/duisburg", "/ru/memberships", "/en/contacts"} {
		if status := open(t, ctx, s.URL+path); status != 200 {
			t.Fatalf("%s: status %d", path, status)
		}
		types := eval[[]string](t, ctx, `Array.from(document.querySelectorAll('script[type="application/ld+json"]')).map(s => JSON.parse(s.textContent)["@type"])`)
		if len(types) == 0 {
			t.Errorf("%s: no JSON-LD", path)
		}
		// Violations are reported asynchronously: wait a moment for any to arrive.
		if v := eval[[]string](t, ctx, `new Promise(r => setTimeout(() => r(window.cspViolations), 200))`); len(v) != 0 {
			t.Errorf("%s: content security policy violations: %q", path, v)
		}
	}
	// The check itself: an inline script is refused, and reported.
	v := eval[[]string](t, ctx, `new Promise(r => { const s = document.createElement("script"); s.textContent = "window.ran = 1";
		document.head.appendChild(s); setTimeout(() => r(window.cspViolations), 200) })`)
	if len(v) == 0 {
		t.Error("an inline script raised no violation: the listener does not hear them")
	}
}
