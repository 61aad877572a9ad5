package e2e_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"twincities/internal/content"
	"twincities/internal/store"
)

// TestFormBarStaysInViewAndNeverHidesTheFocus: on a city's long edit form the save buttons are
// on screen wherever the editor is in it, at 1280 px, at 375 px and with the letters 1.75 times
// as large; and a field reached with Tab is never under the bar (WCAG 2.4.11). A screenshot of
// each case goes to build/screenshots.
func TestFormBarStaysInViewAndNeverHidesTheFocus(t *testing.T) {
	t.Parallel()
	s := startSite(t)
	password := s.addStaff(t, "editor@example.org", "Анна Смирнова", content.Editor)
	duisburg, err := store.CityBySlug(context.Background(), s.DB, content.Twin, "duisburg", false)
	if err != nil {
		t.Fatal(err)
	}
	edit := fmt.Sprintf("/admin/twin-cities/%d", duisburg.ID)
	for _, c := range []struct {
		name  string
		width int
		font  string
	}{{"1280", 1280, ""}, {"375", 375, ""}, {"1280-font-175", 1280, "175%"}, {"375-font-175", 375, "175%"}} {
		t.Run(c.name, func(t *testing.T) {
			ctx := tab(t, c.width)
			signIn(t, ctx, s, "editor@example.org", password)
			// In Russian, the staff's language, whose words are the longer.
			do(t, ctx, setCookie(s.URL+"/admin", "admin_lang", "ru"))
			open(t, ctx, s.URL+edit)
			if c.font != "" {
				eval[bool](t, ctx, `(document.documentElement.style.fontSize = "`+c.font+`", true)`)
			}
			// From the start of the form to its middle, Save draft is on screen and not covered;
			// except with large letters on a phone, where the bar rests at the form's end.
			stuck := eval[string](t, ctx, `getComputedStyle(document.querySelector('.form-bar')).position`) == "sticky"
			if want := c.name != "375-font-175"; stuck != want {
				t.Errorf("the bar sticks: %v, want %v", stuck, want)
			}
			for _, at := range []string{"document.querySelector('.entry-form').getBoundingClientRect().top + scrollY",
				"document.body.scrollHeight / 2"} {
				visible := eval[bool](t, ctx, `(() => { window.scrollTo(0, `+at+`);
					const b = document.querySelector('.form-bar button[value="draft"]').getBoundingClientRect();
					const x = b.left + b.width / 2, y = b.top + b.height / 2;
					return b.top >= 0 && b.bottom <= innerHeight && document.elementFromPoint(x, y)?.closest('button')?.value === "draft" })()`)
				if !visible && stuck {
					t.Errorf("scrolled to %s, Save draft is not on screen", at)
				}
			}
			// No button is narrower than a word of its label: words wrap between them, never
			// inside one ("Сохрани|ть").
			if broken := eval[[]string](t, ctx, `[...document.querySelectorAll('.form-bar button')].filter(b => b.offsetParent).map(b => {
				const cs = getComputedStyle(b), span = document.createElement('span');
				span.style.cssText = 'position:absolute;visibility:hidden;white-space:nowrap;font:' + cs.font + ';letter-spacing:' + cs.letterSpacing;
				document.body.appendChild(span);
				const widest = Math.max(...b.textContent.trim().split(/\s+/).map(w => (span.textContent = w, span.getBoundingClientRect().width)));
				span.remove();
				const inner = b.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
				return inner + 0.5 < widest ? b.textContent.trim() : null }).filter(Boolean)`); len(broken) > 0 {
				t.Errorf("buttons narrower than a word of theirs: %q", broken)
			}
			eval[bool](t, ctx, `(window.scrollTo(0, document.body.scrollHeight / 3), true)`)
			viewScreenshot(t, ctx, c.name+"-admin-edit-form-bar")

			// Every field of the form, by Tab from the first: never hidden by the stuck bar (WCAG
			// 2.4.11), and at least a line of it (or all of a smaller one) in view above it.
			eval[bool](t, ctx, `(window.scrollTo(0, 0), document.querySelector('#f-name-ru').focus(), true)`)
			fields := 0
			for i := 0; i < 400; i++ {
				state := eval[string](t, ctx, `(() => { const e = document.activeElement;
					if (!e || !e.closest('.entry-form')) return "out";
					if (e.closest('.form-bar')) return "bar";
					const r = e.getBoundingClientRect(), bar = document.querySelector('.form-bar').getBoundingClientRect();
					if (r.width === 0 || r.height === 0) return "ok";
					const seen = Math.min(r.bottom, bar.top, innerHeight) - Math.max(r.top, 0);
					return seen >= Math.min(r.height, 24) - 1 ? "ok" : "hidden " + [r.top, r.bottom, bar.top, bar.bottom, innerHeight, scrollY].map(Math.round).join(",") })()`)
				if state == "bar" || state == "out" {
					break
				}
				fields++
				if strings.HasPrefix(state, "hidden") {
					t.Errorf("the focused %s is under the bar or off screen (%s)", focused(t, ctx), state)
				}
				do(t, ctx, chromedp.KeyEvent(kb.Tab))
			}
			if fields < 30 {
				t.Errorf("only %d fields reached by Tab before the bar", fields)
			}
		})
	}
}

// viewScreenshot saves what the window shows, not the whole page (which would unstick the bar),
// under build/screenshots.
func viewScreenshot(tb testing.TB, ctx context.Context, name string) {
	tb.Helper()
	buf, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
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
