package e2e_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"

	"twincities/internal/content"
	"twincities/internal/i18n"
)

// TestWriteToTheDepartment drives the form "write to the department" in Chromium, in both
// languages: the form, the form with the server's errors (consent missing), the thank-you page
// and the privacy page pass axe in every colour scheme, and nothing scrolls sideways at 320 px; then the messages are in the admin inbox, counted in the
// menu, whose list and message page pass axe.
func TestWriteToTheDepartment(t *testing.T) {
	t.Parallel()
	s := startSite(t)
	password := s.addStaff(t, "editor@example.org", "Иван Петров", content.Editor)
	sent := 0
	// Every colour scheme at 1280 px (axe), and the ordinary and the largest white-on-black
	// versions at 320 px too (reflow).
	all := append(append([]struct{ name, cookie string }{}, schemes...), struct{ name, cookie string }{"largest-white-on-black", "largest.white-on-black.on"})
	for _, sc := range all {
		for _, l := range content.Langs {
			label := sc.name + " " + string(l)
			widths := []int{1280}
			if sc.cookie == "" || sc.name == "largest-white-on-black" {
				widths = append(widths, 320)
			}
			for _, width := range widths {
				ctx := tab(t, width)
				if sc.cookie != "" {
					do(t, ctx, setCookie(s.URL, "a11y", sc.cookie))
				}
				form := s.URL + "/" + string(l) + "/contacts/write"
				open(t, ctx, form)
				// axe at 1280 px, as every page's check does; at 320 px the strip of the version for
				// the visually impaired, in the largest font, has targets too close for axe (on every
				// page, not this one's matter).
				axe := func(what string) {
					if width == 1280 {
						checkAxe(t, ctx, label+" "+what)
					}
				}
				axe("the form")
				checkReflow(t, ctx, label+" the form")
				do(t, ctx,
					chromedp.SendKeys(chromedp.ID("write-name"), "Анна Петрова"),
					chromedp.SendKeys(chromedp.ID("write-email"), "anna@example.org"),
					chromedp.SendKeys(chromedp.ID("write-subject"), "Фестиваль"),
					chromedp.SendKeys(chromedp.ID("write-body"), "Хотим участвовать."))
				// The browser's own check stops a form without consent; the server's is what counts.
				eval[bool](t, ctx, `document.querySelector("form.write-form").noValidate = true`)
				if st := submit(t, ctx, "/"+string(l)+"/contacts/write"); st != 422 {
					t.Errorf("%s: without consent: %d, want 422", label, st)
				}
				if got := eval[string](t, ctx, `document.getElementById("write-subject").value`); got != "Фестиваль" {
					t.Errorf("%s: the subject came back as %q", label, got)
				}
				axe("the form with an error")
				checkReflow(t, ctx, label+" the form with an error")
				if width == 1280 && l == content.RU {
					screenshot(t, ctx, "write-1280-ru-"+sc.name+"-error")
				}
				do(t, ctx, chromedp.Click(chromedp.ID("write-consent")))
				// Each tab here is another visitor; on this machine they share one address.
				if _, err := s.DB.Exec(context.Background(), `DELETE FROM message_senders`); err != nil {
					t.Fatal(err)
				}
				if st := submit(t, ctx, "/"+string(l)+"/contacts/write"); st != 200 || path(t, ctx) != "/"+string(l)+"/contacts/write/sent" {
					t.Fatalf("%s: with consent: %d at %s, want the thank-you page", label, st, path(t, ctx))
				}
				sent++
				axe("the thank-you page")
				open(t, ctx, s.URL+"/"+string(l)+"/privacy")
				axe("the privacy page")
				checkReflow(t, ctx, label+" the privacy page")
			}
		}
	}

	// A message from each round above is in the inbox now.
	ctx := tab(t, 1280)
	do(t, ctx, setCookie(s.URL+"/admin", "admin_lang", "ru"))
	signIn(t, ctx, s, "editor@example.org", password)
	open(t, ctx, s.URL+"/admin/messages")
	checkAxe(t, ctx, "the inbox")
	if got, want := text(t, ctx, `.site-nav a[href="/admin/messages"]`), fmt.Sprintf("%s %d %s", i18n.AdminFor(content.RU).MenuInbox, sent, i18n.AdminFor(content.RU).UnreadWord(sent)); got != want {
		t.Errorf("the admin menu says %q, want %q", got, want)
	}
	screenshot(t, ctx, "admin-inbox-1280")
	follow(t, ctx, chromedp.Click(chromedp.CSS("table.inbox tbody tr a")))
	checkAxe(t, ctx, "a message")
	screenshot(t, ctx, "admin-message-1280")
}
