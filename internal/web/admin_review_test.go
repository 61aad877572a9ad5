package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5/pgxpool"

	"twincities/internal/content"
	"twincities/internal/postgres/pgtest"
	"twincities/internal/store"
)

// Issue 11, review before publishing.

const (
	publisherName     = "Анна Выпускающая"
	publisherEmail    = "publisher@perm.example"
	publisherPassword = "Bridges over the Kama 1999"
)

func addPublisher(tb testing.TB, db *pgxpool.Pool) content.User {
	tb.Helper()
	return addStaff(tb, db, publisherName, publisherEmail, content.Publisher, publisherPassword)
}

// requireReview turns the setting on or off as an administrator would.
func requireReview(tb testing.TB, db *pgxpool.Pool, on bool) {
	tb.Helper()
	ctx := context.Background()
	set, err := store.GetSettings(ctx, db)
	if err != nil {
		tb.Fatal(err)
	}
	set.RequireReview = on
	if err := store.UpdateSettings(ctx, db, set, store.Actor{Name: "test"}); err != nil {
		tb.Fatal(err)
	}
}

// expectRefusedPublishing checks the 403 page an editor gets for trying to publish.
func expectRefusedPublishing(tb testing.TB, res page) {
	tb.Helper()
	expectStatus(tb, res, http.StatusForbidden)
	if got := squash(res.doc.Find("main p").First().Text()); got != adminEN.ReviewForbidden {
		tb.Errorf("the refusal says %q, want %q", got, adminEN.ReviewForbidden)
	}
}

// While changes need approval, an editor is offered "Send for review" instead of "Publish
// changes" and no "Publish" or scheduled publication; every way to publish by hand-made request
// is refused with 403, and nothing changes. Withdrawing stays possible.
func TestEditorCannotPublishWhileReviewIsRequired(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	addEditor(t, db)
	requireReview(t, db, true)
	site := startSite(t, db)
	b := site.newBrowser(t, "en")
	b.mustSignIn(editorEmail, editorPassword)
	city := cityBySlug(t, db, content.Twin, "duisburg")
	path, version := twinPath(city.ID), itoa(int64(city.Version))

	edit := b.mustGet(path)
	if got := strings.Join(texts(edit.doc, `form[action="`+path+`"] button:not([formaction])`), "|"); got != adminEN.SaveDraft+"|"+adminEN.SendForReview+"|"+adminEN.PreviewText {
		t.Errorf("the form's buttons: %q", got)
	}
	if edit.doc.Find(`#f-review-note`).Length() != 1 {
		t.Error("the form has no note for the reviewer")
	}
	if n := edit.doc.Find(`input[name="action"][value="publish"]`).Length(); n != 0 {
		t.Error("the schedule form offers a publication")
	}
	expectRefusedPublishing(t, b.submit(edit, formAt(path), url.Values{"do": {"publish"}, "region_en": {"Published unseen"}}))
	expectRefusedPublishing(t, b.post(path, url.Values{"version": {version}, "region_en": {"Saved over the live city"}}))
	expectRefusedPublishing(t, b.post(path+"/schedule", url.Values{"action": {"publish"}, "date": {"2099-01-01"}, "time": {"10:00"}}))
	expectRefusedPublishing(t, b.post(path+"/revert", url.Values{"to": {"1"}, "version": {version}}))
	if got := cityBySlug(t, db, content.Twin, "duisburg"); got.Version != city.Version {
		t.Errorf("a refused request moved the city to version %d", got.Version)
	}
	if n := queryInt(t, db, `SELECT count(*) FROM schedules`); n != 0 {
		t.Errorf("%d schedules made by a refused request", n)
	}
	// Approving is not an editor's either.
	expectStatus(t, b.post(path+"/review/approve", url.Values{"version": {version}, "draft": {"0"}}), http.StatusForbidden)
	expectStatus(t, b.post(path+"/review/return", url.Values{"review_comment": {"No"}}), http.StatusForbidden)

	// Withdrawing is allowed; publishing again is not, and the button is gone.
	res := b.post(path+"/unpublish", url.Values{"version": {version}})
	expectRedirect(t, res, path)
	edit = b.follow(res)
	if n := edit.doc.Find(`form[action="` + path + `/publish"]`).Length(); n != 0 {
		t.Error("an unpublished entry offers an editor Publish")
	}
	hidden := cityBySlug(t, db, content.Twin, "duisburg")
	expectRefusedPublishing(t, b.post(path+"/publish", url.Values{"version": {itoa(int64(hidden.Version))}}))
	if cityBySlug(t, db, content.Twin, "duisburg").Published {
		t.Error("a refused publish published the city")
	}
	if n := queryInt(t, db, `SELECT count(*) FROM audit_log WHERE action IN ('publish', 'draft_publish', 'revert')`); n != 0 {
		t.Errorf("%d audit lines of publishing", n)
	}
}

// With the setting off (the default), an editor publishes as before and is offered no review.
func TestEditorPublishesWhileReviewIsOff(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	addEditor(t, db)
	site := startSite(t, db)
	b := site.newBrowser(t, "en")
	b.mustSignIn(editorEmail, editorPassword)
	city := cityBySlug(t, db, content.Twin, "duisburg")
	path := twinPath(city.ID)

	edit := b.mustGet(path)
	if n := edit.doc.Find(`button[value="review"], #f-review-note`).Length(); n != 0 {
		t.Error("review is offered while it is off")
	}
	expectRedirect(t, b.submit(edit, formAt(path), url.Values{"do": {"publish"}, "summary_en": {"Published at once"}}), path)
	if got := cityBySlug(t, db, content.Twin, "duisburg"); got.Summary.EN != "Published at once" {
		t.Errorf("summary %q: the editor's publish did not go through", got.Summary.EN)
	}
	edit = b.mustGet(path)
	expectRedirect(t, b.submit(edit, formAt(path+"/schedule"), url.Values{"action": {"unpublish"}, "date": {"2099-01-01"}, "time": {"10:00"}}), path)
	edit = b.mustGet(path)
	expectRedirect(t, b.submit(edit, formAt(path+"/schedule"), url.Values{"action": {"publish"}, "date": {"2099-01-02"}, "time": {"10:00"}}), path)
	if n := queryInt(t, db, `SELECT count(*) FROM schedules`); n != 2 {
		t.Errorf("%d schedules, want 2", n)
	}
	expectRedirect(t, b.post(path+"/unpublish", url.Values{"version": {itoa(int64(cityBySlug(t, db, content.Twin, "duisburg").Version))}}), path)
	expectRedirect(t, b.post(path+"/publish", url.Values{"version": {itoa(int64(cityBySlug(t, db, content.Twin, "duisburg").Version))}}), path)
	if !cityBySlug(t, db, content.Twin, "duisburg").Published {
		t.Error("the editor could not publish while review is off")
	}
}

// An editor sends a published city's changes for review with a note; the public sees nothing;
// the publisher finds them on the dashboard, approves them on the entry page, and they are on
// the public page, every move in the change log.
func TestSendForReviewThenApprove(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	addEditor(t, db)
	addPublisher(t, db)
	requireReview(t, db, true)
	site := startSite(t, db)
	editor, publisher, public := site.newBrowser(t, "en"), site.newBrowser(t, "en"), site.newBrowser(t, "en")
	editor.mustSignIn(editorEmail, editorPassword)
	publisher.mustSignIn(publisherEmail, publisherPassword)
	city := cityBySlug(t, db, content.Twin, "duisburg")
	path, publicPath := twinPath(city.ID), "/en/twin-cities/duisburg"
	const words, note = "Words the publisher approves", "Please check the new summary"

	// Incomplete changes are not sent.
	edit := editor.mustGet(path)
	res := editor.submit(edit, formAt(path), url.Values{"do": {"review"}, "summary_en": {words}, "summary_ru": {""}})
	expectStatus(t, res, http.StatusUnprocessableEntity)
	if res.flash() != adminEN.ReviewNeedsBoth || res.doc.Find(`#f-summary-ru[aria-invalid="true"]`).Length() != 1 {
		t.Errorf("the refused request: flash %q, Russian summary not marked", res.flash())
	}
	res = editor.submit(res, formAt(path), url.Values{"do": {"review"}, "summary_ru": {"Описание"}, "review_note": {note}})
	expectRedirect(t, res, path)
	edit = editor.follow(res)
	if got := edit.flash(); got != adminEN.FlashReviewSent {
		t.Errorf("flash %q, want %q", got, adminEN.FlashReviewSent)
	}
	if line := squash(edit.doc.Find(".review-line").Text()); !strings.Contains(line, editorName) {
		t.Errorf("the entry page says %q", line)
	}
	if edit.doc.Find(`form[action="`+path+`/review/approve"]`).Length() != 0 {
		t.Error("the editor is offered to approve")
	}
	if strings.Contains(public.mustGet(publicPath).text(), words) {
		t.Fatal("the public page shows changes waiting for review")
	}

	dash := publisher.mustGet("/admin/")
	waiting := dash.doc.Find(`section[aria-labelledby="review-waiting"]`)
	if waiting.Find(`a[href="`+path+`"]`).Length() != 1 || !strings.Contains(squash(waiting.Text()), note) {
		t.Errorf("the dashboard's waiting list: %q", squash(waiting.Text()))
	}
	page := publisher.mustGet(path)
	if !strings.Contains(squash(page.doc.Find(".review-note").Text()), note) {
		t.Error("the reviewer does not see the note")
	}
	res = publisher.submit(page, formAt(path+"/review/approve"), nil)
	expectRedirect(t, res, path)
	if got := publisher.follow(res).flash(); got != adminEN.FlashReviewApproved {
		t.Errorf("flash %q, want %q", got, adminEN.FlashReviewApproved)
	}
	if !strings.Contains(public.mustGet(publicPath).text(), words) {
		t.Error("the approved changes are not on the public page")
	}
	if n := queryInt(t, db, `SELECT count(*) FROM reviews`); n != 0 {
		t.Errorf("%d reviews left after approval", n)
	}
	if n := publisher.mustGet("/admin/").doc.Find(`section[aria-labelledby="review-waiting"] a[href="` + path + `"]`).Length(); n != 0 {
		t.Error("the dashboard still lists the approved city")
	}
	id := fmt.Sprint(city.ID)
	for _, line := range []struct{ action, user, detail string }{
		{"review_request", editorName, note}, {"review_approve", publisherName, editorName}, {"draft_publish", publisherName, ""},
	} {
		if n := queryInt(t, db, `SELECT count(*) FROM audit_log WHERE action = $1 AND user_name = $2 AND detail = $3 AND entity_id = $4`,
			line.action, line.user, line.detail, id); n != 1 {
			t.Errorf("%d audit lines %s by %s (%q), want 1", n, line.action, line.user, line.detail)
		}
	}
	history := publisher.mustGet("/admin/history")
	if !strings.Contains(history.text(), "sent for review") || !strings.Contains(history.text(), "approved and published") {
		t.Error("the change log does not name the review's moves in words")
	}
}

// A return needs a comment; the comment is shown to the editor on the entry page and on the
// dashboard; the editor sends the changes again.
func TestReturnNeedsACommentAndShowsIt(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	addEditor(t, db)
	addAdmin(t, db)
	requireReview(t, db, true)
	site := startSite(t, db)
	editor, admin := site.newBrowser(t, "en"), site.newBrowser(t, "en")
	editor.mustSignIn(editorEmail, editorPassword)
	admin.mustSignIn(adminEmail, adminPassword)
	city := cityBySlug(t, db, content.Twin, "duisburg")
	path := twinPath(city.ID)
	const comment = "The English region needs the state’s name."

	edit := editor.mustGet(path)
	expectRedirect(t, editor.submit(edit, formAt(path), url.Values{"do": {"review"}, "summary_en": {"Ruhr"}}), path)

	page := admin.mustGet(path)
	res := admin.submit(page, formAt(path+"/review/return"), url.Values{"review_comment": {"   "}})
	expectStatus(t, res, http.StatusUnprocessableEntity)
	if got := squash(res.doc.Find("#f-review-comment-error").Text()); got != adminEN.Problems[content.ProblemRequired] {
		t.Errorf("message at the comment %q, want %q", got, adminEN.Problems[content.ProblemRequired])
	}
	if got := queryString(t, db, `SELECT state FROM reviews`); got != "waiting" {
		t.Fatalf("a return without a comment left the review %q", got)
	}
	res = admin.submit(res, formAt(path+"/review/return"), url.Values{"review_comment": {comment}})
	expectRedirect(t, res, path)
	if got := admin.follow(res).flash(); got != adminEN.FlashReviewReturned {
		t.Errorf("flash %q, want %q", got, adminEN.FlashReviewReturned)
	}

	edit = editor.mustGet(path)
	if got := squash(edit.doc.Find(".review-state .review-comment").Text()); got != comment {
		t.Errorf("the entry page shows the comment %q, want %q", got, comment)
	}
	returned := editor.mustGet("/admin/").doc.Find(`section[aria-labelledby="review-returned"]`)
	if returned.Find(`a[href="`+path+`"]`).Length() != 1 || !strings.Contains(squash(returned.Text()), comment) {
		t.Errorf("the dashboard's returned list: %q", squash(returned.Text()))
	}
	if n := queryInt(t, db, `SELECT count(*) FROM audit_log WHERE action = 'review_return' AND user_name = $1 AND detail = $2`, adminName, comment); n != 1 {
		t.Errorf("%d audit lines for the return, want 1", n)
	}
	// Sent again: waiting, the comment gone from the page.
	expectRedirect(t, editor.submit(edit, formAt(path), url.Values{"do": {"review"}, "summary_en": {"Ruhr, North Rhine-Westphalia"}}), path)
	if got := queryString(t, db, `SELECT state || ':' || comment FROM reviews`); got != "waiting:" {
		t.Errorf("sent again, the review is %q", got)
	}
}

// An entry the public does not see yet is sent for review itself and published on approval.
func TestReviewPublishesAnUnpublishedEntry(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	addEditor(t, db)
	addPublisher(t, db)
	city := cityBySlug(t, db, content.Twin, "duisburg")
	if _, err := store.Cities.SetPublished(context.Background(), db, city.ID, city.Version, false, store.Actor{Name: "test"}); err != nil {
		t.Fatal(err)
	}
	requireReview(t, db, true)
	site := startSite(t, db)
	editor, publisher := site.newBrowser(t, "en"), site.newBrowser(t, "en")
	editor.mustSignIn(editorEmail, editorPassword)
	publisher.mustSignIn(publisherEmail, publisherPassword)
	path := twinPath(city.ID)

	edit := editor.mustGet(path)
	if got := strings.Join(texts(edit.doc, `form[action="`+path+`"] button:not([formaction])`), "|"); got != adminEN.Save+"|"+adminEN.SendForReview+"|"+adminEN.PreviewText {
		t.Errorf("the form's buttons: %q", got)
	}
	expectRedirect(t, editor.submit(edit, formAt(path), url.Values{"do": {"review"}, "summary_en": {"Ruhr area"}}), path)
	if got := cityBySlug(t, db, content.Twin, "duisburg"); got.Published || got.Summary.EN != "Ruhr area" {
		t.Fatalf("sent for review: published %v, summary %q", got.Published, got.Summary.EN)
	}
	page := publisher.mustGet(path)
	expectRedirect(t, publisher.submit(page, formAt(path+"/review/approve"), nil), path)
	if !cityBySlug(t, db, content.Twin, "duisburg").Published {
		t.Error("approval did not publish the city")
	}
	expectStatus(t, site.newBrowser(t, "en").get("/en/twin-cities/duisburg"), http.StatusOK)
}

// The dashboard lists the saved drafts of published entries that are not yet published, with
// who saved them.
func TestDashboardListsUnpublishedDrafts(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	addEditor(t, db)
	site := startSite(t, db)
	b := site.newBrowser(t, "en")
	b.mustSignIn(editorEmail, editorPassword)
	city := cityBySlug(t, db, content.Twin, "duisburg")
	path := twinPath(city.ID)

	section := `section[aria-labelledby="unpublished-changes"]`
	if got := squash(b.mustGet("/admin/").doc.Find(section + " p").Text()); got != adminEN.NoUnpublishedChanges {
		t.Errorf("with no drafts the list says %q", got)
	}
	expectRedirect(t, b.submit(b.mustGet(path), formAt(path), url.Values{"do": {"draft"}, "summary_en": {"Somewhere"}}), path)
	list := b.mustGet("/admin/").doc.Find(section)
	if list.Find(`a[href="`+path+`"]`).Length() != 1 || !strings.Contains(squash(list.Text()), editorName) {
		t.Errorf("the dashboard's drafts: %q", squash(list.Text()))
	}
}

// The settings page turns the rule on and off; a publisher neither opens it nor manages staff;
// an administrator adds a publisher from the staff page.
func TestReviewSettingAndPublisherRole(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	addAdmin(t, db)
	addPublisher(t, db)
	site := startSite(t, db)
	admin, publisher := site.newBrowser(t, "en"), site.newBrowser(t, "en")
	admin.mustSignIn(adminEmail, adminPassword)
	publisher.mustSignIn(publisherEmail, publisherPassword)

	form := admin.mustGet("/admin/settings")
	box := form.doc.Find("#f-require-review")
	if _, checked := box.Attr("checked"); checked || squash(form.doc.Find(`label[for="f-require-review"]`).Text()) != adminEN.RequireReview {
		t.Fatal("the setting is not offered, or it is on by default")
	}
	// With review off, the dashboard has no "waiting for review" to puzzle anyone; on, it has.
	waiting := func() int {
		return admin.mustGet("/admin/").doc.Find(`section[aria-labelledby="review-waiting"]`).Length()
	}
	if n := waiting(); n != 0 {
		t.Error("review is off, and the dashboard says what waits for it")
	}
	expectRedirect(t, admin.submit(form, formAt("/admin/settings"), url.Values{"require_review": {"on"}}), "/admin/settings")
	if n := waiting(); n != 1 {
		t.Error("review is on, and the dashboard does not say what waits for it")
	}
	form = admin.mustGet("/admin/settings")
	if _, checked := form.doc.Find("#f-require-review").Attr("checked"); !checked {
		t.Error("the setting does not show as on")
	}
	if queryString(t, db, `SELECT require_review::text FROM settings`) != "true" {
		t.Fatal("the setting was not saved")
	}
	off := formFields(findForm(t, form, formAt("/admin/settings")))
	off.Del("require_review")
	expectRedirect(t, admin.post("/admin/settings", off), "/admin/settings")
	if queryString(t, db, `SELECT require_review::text FROM settings`) != "false" {
		t.Error("the setting was not turned off")
	}
	if n := queryInt(t, db, `SELECT count(*) FROM audit_log WHERE action = 'settings_update'`); n != 2 {
		t.Errorf("%d audit lines for the settings, want 2", n)
	}

	for _, path := range []string{"/admin/settings", "/admin/users", "/admin/users/new"} {
		expectStatus(t, publisher.get(path), http.StatusForbidden)
	}
	expectStatus(t, publisher.post("/admin/settings", url.Values{"require_review": {"on"}}), http.StatusForbidden)
	expectStatus(t, publisher.post("/admin/users/new", url.Values{"name": {"X"}, "email": {"x@perm.example"}, "role": {"admin"},
		"password": {"Sneaky admin password 1"}, "password2": {"Sneaky admin password 1"}}), http.StatusForbidden)

	add := admin.mustGet("/admin/users/new")
	if add.doc.Find(`#f-role option[value="publisher"]`).Length() != 1 {
		t.Fatal("the staff form does not offer the publisher role")
	}
	const pw = "Twin cities since 1992"
	expectRedirect(t, admin.submit(add, formAt("/admin/users/new"), url.Values{"name": {"Олег Выпускающий"},
		"email": {"oleg@perm.example"}, "role": {"publisher"}, "password": {pw}, "password2": {pw}}), "/admin/users")
	if role := queryString(t, db, `SELECT role FROM users WHERE email = 'oleg@perm.example'`); role != "publisher" {
		t.Errorf("role %q, want publisher", role)
	}
	if !containsText(texts(admin.mustGet("/admin/users").doc, "tbody td"), "publisher") {
		t.Error("the staff list does not name the publisher role")
	}
}

// Two editors on one draft while changes need approval: the second one's request is a conflict,
// and the conflict page offers "Send for review", never "Publish changes".
func TestReviewConflictOffersSendForReview(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	addEditor(t, db)
	requireReview(t, db, true)
	site := startSite(t, db)
	one, two := site.newBrowser(t, "en"), site.newBrowser(t, "en")
	one.mustSignIn(editorEmail, editorPassword)
	two.mustSignIn(editorEmail, editorPassword)
	path := twinPath(cityBySlug(t, db, content.Twin, "duisburg").ID)
	formOne, formTwo := one.mustGet(path), two.mustGet(path)

	expectRedirect(t, one.submit(formOne, formAt(path), url.Values{"do": {"draft"}, "summary_en": {"First editor’s summary"}}), path)
	res := two.submit(formTwo, formAt(path), url.Values{"do": {"review"}, "summary_en": {"Second editor’s summary"}})
	expectStatus(t, res, http.StatusConflict)
	if res.doc.Find(`button[value="review"]`).Length() != 1 || res.doc.Find(`button[value="publish"]`).Length() != 0 {
		t.Errorf("the conflict page's buttons: %q", texts(res.doc, `form[action="`+path+`"] button`))
	}
	if n := queryInt(t, db, `SELECT count(*) FROM reviews`); n != 0 {
		t.Error("a conflicting request was sent for review")
	}
}

// While changes need approval, an editor cannot change a published entry's pictures: they are
// saved on the entry itself, not in its draft, so they would reach the public unreviewed. The
// page says so instead of offering the controls, and hand-made requests are refused with 403.
func TestEditorCannotChangeLivePicturesWhileReviewIsRequired(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	addEditor(t, db)
	requireReview(t, db, true)
	site := startSite(t, db)
	b := site.newBrowser(t, "en")
	b.mustSignIn(editorEmail, editorPassword)
	city := cityBySlug(t, db, content.Twin, "duisburg")
	path, version := twinPath(city.ID), itoa(int64(city.Version))

	edit := b.mustGet(path)
	if n := edit.doc.Find(`input[type="file"]`).Length(); n != 0 {
		t.Errorf("the page offers an editor %d file inputs on a published entry", n)
	}
	if got := squash(edit.doc.Find("form p.notice").Text()); got != adminEN.ImagesNeedPublisher {
		t.Errorf("the form's notice %q, want %q", got, adminEN.ImagesNeedPublisher)
	}
	png := map[string]upload{"file": {name: "harbour.png", contentType: "image/png", data: pngBytes(t, 64, 48)}}
	alt := url.Values{"version": {version}, "image_alt_en": {"Harbour"}, "image_alt_ru": {"Гавань"}}
	expectRefusedPublishing(t, b.postMultipart(path+"/image", alt, png))
	photo := map[string]upload{"photo_file": {name: "bridge.png", contentType: "image/png", data: pngBytes(t, 64, 48)}}
	expectRefusedPublishing(t, b.postMultipart(path+"/gallery/image", url.Values{"version": {version}, "photo_alt_en": {"Bridge"}, "photo_alt_ru": {"Мост"}}, photo))
	expectRefusedPublishing(t, b.post(path+"/image/remove", url.Values{"version": {version}}))
	if got := cityBySlug(t, db, content.Twin, "duisburg"); got.Version != city.Version {
		t.Errorf("a refused image change moved the city to version %d", got.Version)
	}

	// With the setting off the same editor is offered the controls again.
	requireReview(t, db, false)
	if n := b.mustGet(path).doc.Find(`input[type="file"]`).Length(); n == 0 {
		t.Error("with review off, the page offers no file input")
	}
}
