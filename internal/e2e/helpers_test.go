package e2e_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// do runs browser steps or fails the test.
func do(tb testing.TB, ctx context.Context, steps ...chromedp.Action[chromedp.Void]) {
	tb.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		tb.Fatalf("browser: %v", err)
	}
}

// eval runs JavaScript in the page and returns its result.
func eval[T any](tb testing.TB, ctx context.Context, js string) T {
	tb.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
	if err != nil {
		tb.Fatalf("browser: evaluate %.60q: %v", js, err)
	}
	return v
}

// open loads url and returns its HTTP status.
func open(tb testing.TB, ctx context.Context, url string) int64 {
	tb.Helper()
	res, err := chromedp.Run(ctx, chromedp.NavigateResponse(url))
	if err != nil {
		tb.Fatalf("browser: open %s: %v", url, err)
	}
	loaded(tb, ctx)
	return res.Status
}

// loaded waits until the page has loaded, scripts included: a response can arrive before the
// document is ready, and a test that acts then races the page's own start. While the new document
// replaces the old one, the page's JavaScript context is briefly gone; that is waited out too.
func loaded(tb testing.TB, ctx context.Context) {
	tb.Helper()
	var last error
	for range 200 {
		state, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.readyState`))
		if err == nil && state == "complete" {
			return
		}
		if err != nil && !transient(err) {
			tb.Fatalf("browser: wait for the page: %v", err)
		}
		last = err
		if err := chromedp.Do(ctx, chromedp.Sleep(25*time.Millisecond)); err != nil {
			tb.Fatalf("browser: wait for the page: %v", err)
		}
	}
	tb.Fatalf("browser: the page did not finish loading (%v)", last)
}

// transient reports errors of a page between two documents.
func transient(err error) bool {
	msg := err.Error()
	return strings.Contains(msg, "Cannot find context") || strings.Contains(msg, "Execution context was destroyed") ||
		strings.Contains(msg, "Inspected target navigated")
}

// follow runs steps that lead to another page (a click, Enter in a form) and waits for it.
func follow(tb testing.TB, ctx context.Context, steps ...chromedp.Action[chromedp.Void]) int64 {
	tb.Helper()
	res, err := chromedp.RunResponse(ctx, steps...)
	if err != nil {
		tb.Fatalf("browser: follow: %v", err)
	}
	loaded(tb, ctx)
	return res.Status
}

// path is the current page's path and query.
func path(tb testing.TB, ctx context.Context) string {
	tb.Helper()
	return eval[string](tb, ctx, `location.pathname + location.search`)
}

// htmlClass is the class of <html>: it carries the settings for the visually impaired.
func htmlClass(tb testing.TB, ctx context.Context) string {
	tb.Helper()
	return eval[string](tb, ctx, `document.documentElement.className`)
}

// text is the visible text of the first element matching sel ("" when there is none).
func text(tb testing.TB, ctx context.Context, sel string) string {
	tb.Helper()
	q, _ := json.Marshal(sel)
	return strings.Join(strings.Fields(eval[string](tb, ctx,
		`(document.querySelector(`+string(q)+`) || {innerText: ""}).innerText`)), " ")
}

// focused describes the element that has the keyboard focus.
func focused(tb testing.TB, ctx context.Context) string {
	tb.Helper()
	return eval[string](tb, ctx, `(() => { const e = document.activeElement;
		return e ? (e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + " " + (e.innerText || e.value || "").trim().slice(0, 40)) : "" })()`)
}

// tabTo presses Tab, as a keyboard user does, until the element matching sel has the focus. It
// fails when that takes more than max presses: the element is not reachable by keyboard.
func tabTo(tb testing.TB, ctx context.Context, sel string, max int) {
	tb.Helper()
	q, _ := json.Marshal(sel)
	for i := 0; i < max; i++ {
		if eval[bool](tb, ctx, `document.activeElement !== null && document.activeElement.matches(`+string(q)+`)`) {
			return
		}
		do(tb, ctx, chromedp.KeyEvent(kb.Tab))
	}
	tb.Fatalf("%s not reached with %d presses of Tab (focus is on %s)", sel, max, focused(tb, ctx))
}

// typeKeys types text into the focused element, key by key.
func typeKeys(tb testing.TB, ctx context.Context, text string) {
	tb.Helper()
	do(tb, ctx, chromedp.KeyEvent(text))
}

// clearFocused empties the focused field with the keyboard: to its end, then Backspace over it.
func clearFocused(tb testing.TB, ctx context.Context) {
	tb.Helper()
	n := eval[int](tb, ctx, `document.activeElement.value.length`)
	do(tb, ctx, chromedp.KeyEvent(kb.End), chromedp.KeyEvent(strings.Repeat(kb.Backspace, n)))
}

// screenshot saves the whole page under build/screenshots, for people to look at.
func screenshot(tb testing.TB, ctx context.Context, name string) {
	tb.Helper()
	buf, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		tb.Fatalf("screenshot %s: %v", name, err)
	}
	dir := filepath.Join(repoRoot(), "build", "screenshots")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name+".png"), buf, 0o644); err != nil {
		tb.Fatal(err)
	}
}

// enter presses Enter as a keyboard does: one keydown carrying the character, then keyup. (chromedp's
// KeyEvent sends the character as a second event, which reaches whatever has the focus after
// the keydown: a page that moves the focus on Enter would see a second Enter there.)
func enter() chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		down := input.DispatchKeyEventParams{Type: input.DispatchKeyEventTypeKeyDown, Key: "Enter", Code: "Enter",
			WindowsVirtualKeyCode: 13, NativeVirtualKeyCode: 13, Text: "\r", UnmodifiedText: "\r"}
		if _, err := cdp.Call(ctx, t, input.DispatchKeyEvent, down); err != nil {
			return err
		}
		up := input.DispatchKeyEventParams{Type: input.DispatchKeyEventTypeKeyUp, Key: "Enter", Code: "Enter",
			WindowsVirtualKeyCode: 13, NativeVirtualKeyCode: 13}
		_, err := cdp.Call(ctx, t, input.DispatchKeyEvent, up)
		return err
	})
}
