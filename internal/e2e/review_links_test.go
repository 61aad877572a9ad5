package e2e_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"twincities/internal/content"
	"twincities/internal/i18n"
	"twincities/internal/store"
)

// TestReviewLinkShowsDraftToVisitorUntilRevoked follows an editor who makes a review link for a
// published city's draft in a real browser, and a partner city's reviewer without an account
// who opens it in another browser: the reviewer sees the draft under the review banner, in
// either language; once the editor revokes the link, it shows the reviewer that it no longer
// works. axe checks every page on the way.
func TestReviewLinkShowsDraftToVisitorUntilRevoked(t *testing.T) {
	t.Parallel()
	s := startSite(t)
	password := s.addStaff(t, "editor@example.org", "Анна Смирнова", content.Editor)
	staff, visitor := tab(t, 1280), tab(t, 375)
	city, err := store.CityBySlug(context.Background(), s.DB, content.Twin, "duisburg", false)
	if err != nil {
		t.Fatal(err)
	}
	signIn(t, staff, s, "editor@example.org", password)
	editPath := fmt.Sprintf("/admin/twin-cities/%d", city.ID)
	const words = "A summary for the partner city to review first"

	// A draft of the published city, saved as an editor does.
	open(t, staff, s.URL+editPath)
	q, _ := json.Marshal(words)
	eval[bool](t, staff, `(() => { document.getElementById("f-summary-en").value = `+string(q)+`; return true })()`)
	if st := follow(t, staff, chromedp.Click(chromedp.CSS(`button[name="do"][value="draft"]`))); st != 200 {
		t.Fatalf("Save draft: status %d", st)
	}

	// A link for 30 days, shown once.
	do(t, staff, chromedp.Click(chromedp.CSS(`.review-links-form input[name="days"][value="30"]`)))
	if st := submit(t, staff, editPath+"/review-links"); st != 200 {
		t.Fatalf("Make a review link: status %d", st)
	}
	if got := text(t, staff, "h1"); !oneOf(got, func(a *i18n.AdminMessages) string { return a.ReviewLinkMadeTitle }) {
		t.Errorf("after making a link the page says %q", got)
	}
	checkAxe(t, staff, "the page that shows a new review link")
	shown := eval[string](t, staff, `document.getElementById("review-link-en").value`)
	token, ok := strings.CutPrefix(shown, "/en/review/") // the test site has no BASE_URL
	if !ok || len(token) != 43 {
		t.Fatalf("the new link is shown as %q", shown)
	}
	open(t, staff, s.URL+editPath)
	if n := eval[int](t, staff, `document.querySelectorAll(".review-links-working li").length`); n != 1 {
		t.Errorf("the edit page lists %d working links, want 1", n)
	}
	checkAxe(t, staff, "the edit page with a working review link")

	// The reviewer, without an account, sees the draft; the public does not.
	if st := open(t, visitor, s.URL+"/en/review/"+token); st != 200 {
		t.Fatalf("the review link: status %d", st)
	}
	if got := text(t, visitor, ".preview-banner p"); got != strings.Join(strings.Fields(i18n.For(content.EN).ReviewDraftBanner), " ") {
		t.Errorf("the review page's banner says %q", got)
	}
	if !strings.Contains(text(t, visitor, "main"), words) {
		t.Error("the review page does not show the draft")
	}
	if got := eval[string](t, visitor, `document.querySelector('meta[name="robots"]').content`); got != "noindex" {
		t.Errorf("robots meta %q", got)
	}
	checkAxe(t, visitor, "the review page")
	follow(t, visitor, chromedp.Click(chromedp.CSS(`.site-header a[hreflang="ru"]`)))
	if got := path(t, visitor); got != "/ru/review/"+token {
		t.Errorf("the language switch led to %s", got)
	}
	if got := text(t, visitor, ".preview-banner p"); got != strings.Join(strings.Fields(i18n.For(content.RU).ReviewDraftBanner), " ") {
		t.Errorf("the Russian review page's banner says %q", got)
	}
	open(t, visitor, s.URL+"/en/twin-cities/duisburg")
	if strings.Contains(text(t, visitor, "main"), words) {
		t.Fatal("the public page shows the draft")
	}

	// Revoked, the link stops working.
	open(t, staff, s.URL+editPath)
	lid := eval[string](t, staff, `document.querySelector(".review-links-working li span").id.replace("review-link-", "")`)
	if st := submit(t, staff, editPath+"/review-links/"+lid+"/revoke"); st != 200 {
		t.Fatalf("Revoke: status %d", st)
	}
	if got := text(t, staff, ".flash"); !oneOf(got, func(a *i18n.AdminMessages) string { return a.FlashReviewLinkRevoked }) {
		t.Errorf("after Revoke the page says %q", got)
	}
	if st := open(t, visitor, s.URL+"/en/review/"+token); st != 410 {
		t.Errorf("the revoked link: status %d, want 410", st)
	}
	if got := text(t, visitor, "h1"); got != i18n.For(content.EN).ReviewGoneTitle {
		t.Errorf("the revoked link's page says %q", got)
	}
	if strings.Contains(text(t, visitor, "body"), words) {
		t.Error("the revoked link still shows the draft")
	}
	checkAxe(t, visitor, "a revoked review link's page")
}
