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

// TestSendForReviewApproveThenPublic follows review before publishing (issue 11, item 4) in a
// real browser: with the setting on, an editor sends a published city's changes for review with a
// note; the public does not see them; a publisher finds them on the dashboard (checked by axe
// with the item waiting), approves them on the entry page, and the public page shows them.
func TestSendForReviewApproveThenPublic(t *testing.T) {
	t.Parallel()
	s := startSite(t)
	bg := context.Background()
	editorPassword := s.addStaff(t, "editor@example.org", "Анна Смирнова", content.Editor)
	publisherPassword := s.addStaff(t, "publisher@example.org", "Олег Петров", content.Publisher)
	set, err := store.GetSettings(bg, s.DB)
	if err != nil {
		t.Fatal(err)
	}
	set.RequireReview = true
	if err := store.UpdateSettings(bg, s.DB, set, store.Actor{Name: "test"}); err != nil {
		t.Fatal(err)
	}
	city, err := store.CityBySlug(bg, s.DB, content.Twin, "duisburg", false)
	if err != nil {
		t.Fatal(err)
	}
	edit := fmt.Sprintf("%s/admin/twin-cities/%d", s.URL, city.ID)
	public := s.URL + "/en/twin-cities/duisburg"
	const words, note = "A summary that waits for the publisher’s approval", "New summary, please check"

	editor := tab(t, 1280)
	signIn(t, editor, s, "editor@example.org", editorPassword)
	open(t, editor, edit)
	if n := eval[int](t, editor, `document.querySelectorAll('button[name="do"][value="publish"]').length`); n != 0 {
		t.Fatal("the editor is offered Publish changes while changes need approval")
	}
	q, _ := json.Marshal(words)
	n, _ := json.Marshal(note)
	eval[bool](t, editor, `(() => { document.getElementById("f-summary-en").value = `+string(q)+`;
		document.getElementById("f-review-note").value = `+string(n)+`; return true })()`)
	if st := follow(t, editor, chromedp.Click(chromedp.CSS(`button[name="do"][value="review"]`))); st != 200 {
		t.Fatalf("Send for review: status %d", st)
	}
	if got := text(t, editor, ".flash"); !oneOf(got, func(a *i18n.AdminMessages) string { return a.FlashReviewSent }) {
		t.Errorf("after Send for review the page says %q", got)
	}
	if !strings.Contains(text(t, editor, ".review-line"), "Анна Смирнова") {
		t.Errorf("the entry page does not say who sent it: %q", text(t, editor, ".review-line"))
	}
	checkAxe(t, editor, "the edit page of a city waiting for review, as its editor")
	open(t, editor, public)
	if strings.Contains(text(t, editor, "main"), words) {
		t.Fatal("the public page shows changes waiting for review")
	}

	publisher := tab(t, 1280)
	signIn(t, publisher, s, "publisher@example.org", publisherPassword)
	if got := text(t, publisher, `section[aria-labelledby="review-waiting"]`); !strings.Contains(got, note) {
		t.Errorf("the dashboard's waiting list says %q", got)
	}
	checkAxe(t, publisher, "the dashboard with changes waiting for review")
	screenshot(t, publisher, "review-dashboard")
	open(t, publisher, edit)
	checkAxe(t, publisher, "the edit page of a city waiting for review, as its reviewer")
	screenshot(t, publisher, "review-entry")
	if st := follow(t, publisher, chromedp.Click(chromedp.CSS(`form[action$="/review/approve"] button`))); st != 200 {
		t.Fatalf("Approve and publish: status %d", st)
	}
	if got := text(t, publisher, ".flash"); !oneOf(got, func(a *i18n.AdminMessages) string { return a.FlashReviewApproved }) {
		t.Errorf("after Approve and publish the page says %q", got)
	}
	open(t, publisher, public)
	if !strings.Contains(text(t, publisher, "main"), words) {
		t.Error("the public page does not show the approved changes")
	}
}
