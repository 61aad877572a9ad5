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

// TestDraftOfPublishedCityIsPublicOnlyAfterPublishChanges follows an editor who changes a
// published twin city in a real browser: "Save draft" changes nothing the public sees, the
// preview shows the draft under its banner, and "Publish changes" puts the change on the site.
func TestDraftOfPublishedCityIsPublicOnlyAfterPublishChanges(t *testing.T) {
	t.Parallel()
	s := startSite(t)
	password := s.addStaff(t, "editor@example.org", "Анна Смирнова", content.Editor)
	ctx := tab(t, 1280)
	city, err := store.CityBySlug(context.Background(), s.DB, content.Twin, "duisburg", false)
	if err != nil {
		t.Fatal(err)
	}
	signIn(t, ctx, s, "editor@example.org", password)
	edit := fmt.Sprintf("%s/admin/twin-cities/%d", s.URL, city.ID)
	public := s.URL + "/en/twin-cities/duisburg"
	const words = "A summary that only the draft holds for now"

	open(t, ctx, edit)
	q, _ := json.Marshal(words)
	eval[bool](t, ctx, `(() => { document.getElementById("f-summary-en").value = `+string(q)+`; return true })()`)
	if st := follow(t, ctx, chromedp.Click(chromedp.CSS(`button[name="do"][value="draft"]`))); st != 200 {
		t.Fatalf("Save draft: status %d", st)
	}
	if got := text(t, ctx, ".flash"); !oneOf(got, func(a *i18n.AdminMessages) string { return a.FlashDraftSaved }) {
		t.Errorf("after Save draft the page says %q", got)
	}
	if !strings.Contains(text(t, ctx, ".draft-line"), "Анна Смирнова") {
		t.Errorf("the edit page does not say whose draft it holds: %q", text(t, ctx, ".draft-line"))
	}
	checkAxe(t, ctx, "the edit page of a published city with a draft")

	open(t, ctx, public)
	if strings.Contains(text(t, ctx, "main"), words) {
		t.Fatal("the public page shows the draft before it is published")
	}

	open(t, ctx, edit+"/preview?lang=en")
	if got := text(t, ctx, ".preview-banner p"); !oneOf(got, func(a *i18n.AdminMessages) string { return a.PreviewDraftBanner }) {
		t.Errorf("the preview's banner says %q", got)
	}
	if !strings.Contains(text(t, ctx, "main"), words) {
		t.Error("the preview does not show the draft")
	}

	open(t, ctx, edit)
	if st := follow(t, ctx, chromedp.Click(chromedp.CSS(`button[name="do"][value="publish"]`))); st != 200 {
		t.Fatalf("Publish changes: status %d", st)
	}
	if got := text(t, ctx, ".flash"); !oneOf(got, func(a *i18n.AdminMessages) string { return a.FlashDraftPublished }) {
		t.Errorf("after Publish changes the page says %q", got)
	}
	open(t, ctx, public)
	if !strings.Contains(text(t, ctx, "main"), words) {
		t.Error("the public page does not show the published changes")
	}
}

// oneOf reports whether got is the message msg picks, in either language of the admin.
func oneOf(got string, msg func(a *i18n.AdminMessages) string) bool {
	return strings.HasPrefix(got, msg(i18n.AdminFor(content.RU))) || strings.HasPrefix(got, msg(i18n.AdminFor(content.EN)))
}
