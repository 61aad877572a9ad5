package e2e_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"twincities/internal/content"
	"twincities/internal/store"
)

// TestEditorJourneyByKeyboardOnly follows an editor who uses only the keyboard: sign in, open a
// twin city, make a mistake, reach it from the error summary, fix it, save, publish, and see the
// change on the public page.
func TestEditorJourneyByKeyboardOnly(t *testing.T) {
	t.Parallel()
	s := startSite(t)
	password := s.addStaff(t, "editor@example.org", "Анна Смирнова", content.Editor)
	ctx := tab(t, 1280)
	bg := context.Background()
	city, err := store.CityBySlug(bg, s.DB, content.Twin, "agrigento", false)
	if err != nil {
		t.Fatal(err)
	}
	// Agrigento as a draft waiting for its date, as staff would find it.
	if _, err := store.Cities.SetPublished(bg, s.DB, city.ID, city.Version, false, store.SystemActor); err != nil {
		t.Fatal(err)
	}

	open(t, ctx, s.URL+"/admin/login")
	// The first Tab reaches the skip link, which then shows on screen.
	do(t, ctx, chromedp.KeyEvent(kb.Tab))
	if f := focused(t, ctx); !strings.HasPrefix(f, "a") || !eval[bool](t, ctx, `document.activeElement.classList.contains("skip-link")`) {
		t.Errorf("the first Tab focuses %s, want the skip link", f)
	}
	if top := eval[float64](t, ctx, `document.activeElement.getBoundingClientRect().top`); top < 0 {
		t.Errorf("the focused skip link is off screen (top %.0f)", top)
	}

	tabTo(t, ctx, "#f-email", 10)
	typeKeys(t, ctx, "editor@example.org")
	tabTo(t, ctx, "#f-password", 3)
	typeKeys(t, ctx, password)
	follow(t, ctx, enter())
	if got := path(t, ctx); got != "/admin/" {
		t.Fatalf("after signing in: %s", got)
	}

	// To the twin cities, then to Agrigento, by Tab and Enter; the focus is always visible.
	tabTo(t, ctx, `.site-nav a[href="/admin/twin-cities"]`, 15)
	checkFocusVisible(t, ctx)
	follow(t, ctx, enter())
	edit := fmt.Sprintf("/admin/twin-cities/%d", city.ID)
	tabTo(t, ctx, `a[href="`+edit+`"]`, 40)
	follow(t, ctx, enter())
	if got := path(t, ctx); got != edit {
		t.Fatalf("opened %s, want %s", got, edit)
	}

	// A date written the way many people write it: refused, with the reason at the field.
	tabTo(t, ctx, "#f-since", 60)
	checkFocusVisible(t, ctx)
	typeKeys(t, ctx, "01.01.2012")
	if st := follow(t, ctx, enter()); st != 422 {
		t.Fatalf("a bad date: status %d, want 422", st)
	}
	if msg := text(t, ctx, "#f-since-error"); msg == "" {
		t.Error("no message next to the date")
	}
	if eval[string](t, ctx, `document.getElementById("f-since").getAttribute("aria-invalid")`) != "true" {
		t.Error("the date field is not marked invalid")
	}
	// The summary at the top links to the field; following it puts the focus there.
	tabTo(t, ctx, `.error-summary a[href="#f-since"]`, 40)
	do(t, ctx, enter())
	if id := eval[string](t, ctx, `document.activeElement.id`); id != "f-since" {
		t.Fatalf("the summary's link put the focus on %q, want the date field", id)
	}
	clearFocused(t, ctx)
	typeKeys(t, ctx, "2012")
	follow(t, ctx, enter())
	if got := text(t, ctx, ".flash"); got == "" {
		t.Error("no message that the change was saved")
	}

	// Publish, with the keyboard.
	tabTo(t, ctx, `form[action$="/publish"] button`, 40)
	follow(t, ctx, enter())
	saved, err := store.Cities.Get(bg, s.DB, city.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !saved.Published || saved.Since.String() != "2012" {
		t.Fatalf("after publishing: published %v, since %q", saved.Published, saved.Since)
	}

	// The public sees it.
	if st := open(t, ctx, s.URL+"/en/twin-cities/agrigento"); st != 200 {
		t.Fatalf("public page: %d", st)
	}
	if got := text(t, ctx, `.facts time[datetime="2012"]`); got != "2012" {
		t.Errorf("the public page shows the date as %q, want 2012", got)
	}
}

// checkFocusVisible asserts the focused element looks focused: the focus style of site.css
// (a yellow background, or a yellow outline for fields) is applied.
func checkFocusVisible(t *testing.T, ctx context.Context) {
	t.Helper()
	style := eval[string](t, ctx, `(() => { const s = getComputedStyle(document.activeElement);
		return s.backgroundColor + " " + s.outlineColor + " " + s.outlineStyle })()`)
	if !strings.Contains(style, "rgb(255, 221, 0)") {
		t.Errorf("the focus on %s is not visible (%s)", focused(t, ctx), style)
	}
}
