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

	// A date typed in its three boxes that does not exist, 31 February: refused, with the reason
	// at the field and only the boxes at fault marked.
	for _, box := range []struct{ id, typed string }{{"#f-since-day", "31"}, {"#f-since-month", "02"}, {"#f-since-year", "2012"}} {
		tabTo(t, ctx, box.id, 60)
		checkFocusVisible(t, ctx)
		clearFocused(t, ctx)
		typeKeys(t, ctx, box.typed)
	}
	if st := follow(t, ctx, enter()); st != 422 {
		t.Fatalf("31 February: status %d, want 422", st)
	}
	if msg := text(t, ctx, "#f-since-error"); msg == "" {
		t.Error("no message next to the date")
	}
	for id, want := range map[string]string{"f-since-day": "true", "f-since-month": "true", "f-since-year": ""} {
		if got := eval[string](t, ctx, `document.getElementById("`+id+`").getAttribute("aria-invalid") || ""`); got != want {
			t.Errorf("#%s: aria-invalid %q, want %q", id, got, want)
		}
	}
	if got := eval[string](t, ctx, `document.getElementById("f-since-year").value`); got != "2012" {
		t.Errorf("the year box kept %q, want 2012", got)
	}
	// The summary at the top links to the first box at fault; following it puts the focus there.
	tabTo(t, ctx, `.error-summary a[href="#f-since-day"]`, 40)
	do(t, ctx, enter())
	if id := eval[string](t, ctx, `document.activeElement.id`); id != "f-since-day" {
		t.Fatalf("the summary's link put the focus on %q, want the day box", id)
	}
	// The whole date written the way many people write it, in the year box alone: taken.
	clearFocused(t, ctx)
	tabTo(t, ctx, "#f-since-month", 2)
	clearFocused(t, ctx)
	tabTo(t, ctx, "#f-since-year", 2)
	clearFocused(t, ctx)
	typeKeys(t, ctx, "15.10.2012")
	follow(t, ctx, enter())
	if got := text(t, ctx, ".flash"); got == "" {
		t.Error("no message that the change was saved")
	}
	for id, want := range map[string]string{"f-since-day": "15", "f-since-month": "10", "f-since-year": "2012"} {
		if got := eval[string](t, ctx, `document.getElementById("`+id+`").value`); got != want {
			t.Errorf("after saving, #%s shows %q, want %q", id, got, want)
		}
	}

	// Publish, with the keyboard: "Save and publish" in the form's bar, after the fields.
	tabTo(t, ctx, `button[formaction$="/publish"]`, 200)
	follow(t, ctx, enter())
	saved, err := store.Cities.Get(bg, s.DB, city.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !saved.Published || saved.Since.String() != "2012-10-15" {
		t.Fatalf("after publishing: published %v, since %q", saved.Published, saved.Since)
	}

	// The public sees it.
	if st := open(t, ctx, s.URL+"/en/twin-cities/agrigento"); st != 200 {
		t.Fatalf("public page: %d", st)
	}
	if got := text(t, ctx, `.facts time[datetime="2012-10-15"]`); got != "15 October 2012" {
		t.Errorf("the public page shows the date as %q, want 15 October 2012", got)
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
