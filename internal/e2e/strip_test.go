package e2e_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"twincities/internal/content"
	"twincities/internal/store"
)

// TestStripAndMenuFitPhones opens pages as a phone of 375 × 667 px shows them, ordinary and in the
// largest font white on black, in both languages: the title starts on the first screen, the
// strip's buttons are targets of at least 44 px in at most two rows, the menu is folded behind its
// button and unfolds without JavaScript, nothing scrolls sideways at 375 or 320 px, and axe-core
// finds nothing. Screenshots go to build/screenshots for a person to look at.
func TestStripAndMenuFitPhones(t *testing.T) {
	t.Parallel()
	s := startSite(t)
	for _, sc := range []struct{ name, cookie string }{{"ordinary", ""}, {"largest-white-on-black", "largest.white-on-black.on"}} {
		for _, l := range content.Langs {
			t.Run(sc.name+" "+string(l), func(t *testing.T) {
				t.Parallel()
				ctx := tab(t, 375)
				do(t, ctx, chromedp.EmulateViewport(375, 667))
				if sc.cookie != "" {
					do(t, ctx, setCookie(s.URL, "a11y", sc.cookie))
				}
				for _, rest := range []string{"/", "/twin-cities/duisburg", "/about"} {
					label := fmt.Sprintf("%s /%s%s", sc.name, l, rest)
					open(t, ctx, s.URL+"/"+string(l)+rest)
					top := eval[float64](t, ctx, `document.querySelector("h1").getBoundingClientRect().top + scrollY`)
					if top > 667 {
						t.Errorf("%s: the h1 starts %.0f px down, below the first screen of 667 px", label, top)
					}
					t.Logf("%s: the h1 starts %.0f px down, the menu ends %.0f px down", label, top,
						eval[float64](t, ctx, `document.querySelector(".site-nav").getBoundingClientRect().bottom + scrollY`))
					if sc.cookie != "" {
						checkStripTargets(t, ctx, label, 2)
					}
					if eval[bool](t, ctx, `document.querySelector(".site-nav a").checkVisibility()`) {
						t.Errorf("%s: the menu is not folded on a phone", label)
					}
					checkReflow(t, ctx, label+" at 375")
					checkAxe(t, ctx, label)
					firstScreen(t, ctx, fmt.Sprintf("strip-375-%s-%s%s", l, sc.name, strings.ReplaceAll(strings.TrimSuffix(rest, "/"), "/", "-")))
				}
				// The menu's button unfolds it: a <details>, no script needed.
				do(t, ctx, chromedp.Click(chromedp.CSS(".site-nav summary")))
				if n := eval[int](t, ctx, `[...document.querySelectorAll(".site-nav a")].filter(a => a.checkVisibility()).length`); n != 7 {
					t.Errorf("%s: the unfolded menu shows %d links, want 7", sc.name, n)
				}
				checkAxe(t, ctx, sc.name+" "+string(l)+" menu unfolded")
				firstScreen(t, ctx, fmt.Sprintf("strip-375-%s-%s-menu", l, sc.name))
				do(t, ctx, chromedp.EmulateViewport(320, 667))
				open(t, ctx, s.URL+"/"+string(l)+"/twin-cities/duisburg")
				checkReflow(t, ctx, sc.name+" "+string(l)+" at 320")
			})
		}
	}
}

// TestMenuIsOneRowOnADesktop: at 1280 px the Russian menu fits one row, shown without its button;
// the strip is one row too, of targets of at least 44 px.
func TestMenuIsOneRowOnADesktop(t *testing.T) {
	t.Parallel()
	s := startSite(t)
	for _, sc := range []struct{ name, cookie string }{{"ordinary", ""}, {"normal-default", "normal.default.on"}, {"largest-white-on-black", "largest.white-on-black.on"}} {
		ctx := tab(t, 1280)
		if sc.cookie != "" {
			do(t, ctx, setCookie(s.URL, "a11y", sc.cookie))
		}
		for _, l := range content.Langs {
			label := sc.name + " " + string(l)
			open(t, ctx, s.URL+"/"+string(l)+"/twin-cities/duisburg")
			if eval[bool](t, ctx, `document.querySelector(".site-nav summary").checkVisibility()`) {
				t.Errorf("%s: the menu is folded at 1280 px", label)
			}
			if sc.cookie != "largest.white-on-black.on" {
				if rows := eval[int](t, ctx, `new Set([...document.querySelectorAll(".site-nav li")].map(li => li.offsetTop)).size`); rows != 1 {
					t.Errorf("%s: the menu takes %d rows at 1280 px, want 1", label, rows)
				}
			}
			if sc.cookie != "" {
				checkStripTargets(t, ctx, label, 1)
			}
			firstScreen(t, ctx, fmt.Sprintf("strip-1280-%s-%s", l, sc.name))
		}
	}
}

// checkStripTargets fails when a button of the strip is smaller than 44 × 44 px, or the strip takes
// more than rows rows.
func checkStripTargets(t *testing.T, ctx context.Context, label string, rows int) {
	t.Helper()
	small := eval[[]string](t, ctx, `[...document.querySelectorAll(".a11y-strip button, .a11y-strip a")]
		.map(b => [b, b.getBoundingClientRect()]).filter(([b, r]) => r.width < 44 || r.height < 44)
		.map(([b, r]) => (b.getAttribute("aria-label") || b.innerText) + " " + Math.round(r.width) + "×" + Math.round(r.height))`)
	if len(small) > 0 {
		t.Errorf("%s: strip targets under 44 px: %v", label, small)
	}
	if n := eval[int](t, ctx, `new Set([...document.querySelectorAll(".a11y-strip button, .a11y-strip a")].map(b => Math.round(b.getBoundingClientRect().top))).size`); n > rows {
		t.Errorf("%s: the strip takes %d rows, want at most %d", label, n, rows)
	}
}

// TestAdminMenuFoldsOnPhones: the staff's menu folds behind its button at 375 px, unfolds with it,
// and shows in one piece at 1280 px: for an administrator with an unread message, the longest
// menu, in one row in either language; nothing scrolls sideways, axe finds nothing.
func TestAdminMenuFoldsOnPhones(t *testing.T) {
	t.Parallel()
	s := startSite(t)
	password := s.addStaff(t, "admin@example.org", "Ольга Иванова", content.Admin)
	ctx := tab(t, 375)
	signIn(t, ctx, s, "admin@example.org", password)
	if eval[bool](t, ctx, `document.querySelector(".site-nav a").checkVisibility()`) {
		t.Error("the admin menu is not folded at 375 px")
	}
	do(t, ctx, chromedp.Click(chromedp.CSS(".site-nav summary")))
	if eval[bool](t, ctx, `[...document.querySelectorAll(".site-nav a")].some(a => !a.checkVisibility())`) {
		t.Error("the admin menu's button does not unfold it")
	}
	checkReflow(t, ctx, "admin at 375")
	checkAxe(t, ctx, "admin menu unfolded")
	firstScreen(t, ctx, "strip-375-admin-menu")
	do(t, ctx, chromedp.EmulateViewport(1280, 800))
	// The longest menu: an administrator's, with an unread message, in both languages.
	if err := store.AcceptMessage(context.Background(), s.DB, &content.Message{Name: "Анна Петрова",
		Email: "anna@example.org", Subject: "Участие", Body: "Здравствуйте!", Lang: content.RU}, "192.0.2.1"); err != nil {
		t.Fatal(err)
	}
	for _, l := range content.Langs {
		do(t, ctx, setCookie(s.URL+"/admin/", "admin_lang", string(l)))
		open(t, ctx, s.URL+"/admin/")
		label := "admin at 1280 " + string(l)
		if eval[bool](t, ctx, `document.querySelector(".site-nav summary").checkVisibility() || [...document.querySelectorAll(".site-nav a")].some(a => !a.checkVisibility())`) {
			t.Errorf("%s: the admin menu is folded", label)
		}
		if n := eval[int](t, ctx, `document.querySelectorAll(".site-nav a, .site-header a[href=\"/admin/users\"], .site-header a[href=\"/admin/settings\"]").length`); n < 13 {
			t.Errorf("%s: the menu and the header have %d of the sections, want every one (13 or more)", label, n)
		}
		if rows := eval[int](t, ctx, `new Set([...document.querySelectorAll(".site-nav li")].map(li => li.offsetTop)).size`); rows != 1 {
			t.Errorf("%s: the menu takes %d rows, want 1", label, rows)
		}
		checkReflow(t, ctx, label)
		checkAxe(t, ctx, label)
		firstScreen(t, ctx, "strip-1280-admin-"+string(l))
	}
}
