package web_test

import (
	"context"
	"crypto/sha256"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"twincities/internal/content"
	"twincities/internal/i18n"
	"twincities/internal/postgres/pgtest"
	"twincities/internal/store"
)

// makeReviewLink makes a review link from the entry's edit page at path, working for days, and
// returns its token, read from the page that shows it once.
func makeReviewLink(tb testing.TB, b *browser, path, days string) string {
	tb.Helper()
	res := b.submit(b.mustGet(path), formAt(path+"/review-links"), url.Values{"days": {days}})
	expectStatus(tb, res, http.StatusOK)
	en := res.doc.Find("#review-link-en").AttrOr("value", "")
	ru := res.doc.Find("#review-link-ru").AttrOr("value", "")
	token, ok := strings.CutPrefix(en, testBaseURL+"/en/review/")
	if !ok || len(token) != 43 || ru != testBaseURL+"/ru/review/"+token {
		tb.Fatalf("the new link is shown as %q and %q", en, ru)
	}
	return token
}

// expectReviewHeaders checks what every answer at a review link carries, whatever its status.
func expectReviewHeaders(tb testing.TB, p page) {
	tb.Helper()
	for name, want := range map[string]string{"Cache-Control": "no-store", "X-Robots-Tag": "noindex", "Referrer-Policy": "no-referrer"} {
		if got := p.header.Get(name); got != want {
			tb.Errorf("%s (%d): %s %q, want %q", shortPath(p.path), p.status, name, got, want)
		}
	}
	if p.doc.Find(`meta[name="robots"][content="noindex"]`).Length() != 1 {
		tb.Errorf("%s (%d): no robots noindex meta", shortPath(p.path), p.status)
	}
}

// expectReviewRefused checks a review link's refusal: status, the heading in the page's language.
func expectReviewRefused(tb testing.TB, p page, status int, l content.Lang) {
	tb.Helper()
	expectStatus(tb, p, status)
	expectReviewHeaders(tb, p)
	m := i18n.For(l)
	want := m.ReviewUnknownTitle
	if status == http.StatusGone {
		want = m.ReviewGoneTitle
	}
	if got := squash(p.doc.Find("h1").Text()); got != squash(want) {
		tb.Errorf("%s: heading %q, want %q", shortPath(p.path), got, want)
	}
}

// TestReviewLinkShowsDraftWithoutAccount: an editor makes a link to a published city's draft; a
// visitor without an account sees the draft under the review banner in either language, never
// cached or indexed, while the public page stays as it was; the database and the log never hold
// the token; revoked, the link answers 410.
func TestReviewLinkShowsDraftWithoutAccount(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	addEditor(t, db)
	site := startSite(t, db)
	ctx := context.Background()
	c := cityBySlug(t, db, content.Twin, "duisburg")
	const words = "A summary only the draft holds, for the partner city to review"
	d := c
	d.Summary.EN = words
	if err := store.Cities.SaveDraft(ctx, db, &d, c.Version, 0, store.Actor{Name: "test"}); err != nil {
		t.Fatal(err)
	}
	b := site.newBrowser(t, "en")
	b.mustSignIn(editorEmail, editorPassword)
	path := twinPath(c.ID)

	edit := b.mustGet(path)
	if got := squash(edit.doc.Find(".review-links-none").Text()); got != adminEN.ReviewLinksNone {
		t.Errorf("no links says %q, want %q", got, adminEN.ReviewLinksNone)
	}
	if n := edit.doc.Find(`.review-links-form input[name="days"]`).Length(); n != 4 {
		t.Errorf("%d choices of how long, want 4", n)
	}
	if v := edit.doc.Find(`.review-links-form input[name="days"][checked]`).AttrOr("value", ""); v != "7" {
		t.Errorf("the form offers %q days first, want 7", v)
	}

	token := makeReviewLink(t, b, path, "30")
	sum := sha256.Sum256([]byte(token))
	if n := queryInt(t, db, `SELECT count(*) FROM review_links WHERE token_hash = $1 AND entity = 'city' AND entry_id = $2
		AND expires_at - created_at = interval '30 days' AND created_by_name = $3`, sum[:], c.ID, editorName); n != 1 {
		t.Errorf("%d links stored by the token's hash for 30 days, want 1", n)
	}
	for _, table := range []string{"review_links", "audit_log"} {
		if n := queryInt(t, db, `SELECT count(*) FROM `+table+` t WHERE strpos(row_to_json(t)::text, $1) > 0`, token); n != 0 {
			t.Errorf("the token is stored in %s", table)
		}
	}
	if n := queryInt(t, db, `SELECT count(*) FROM sessions WHERE position(convert_to($1, 'UTF8') in data) > 0`, token); n != 0 {
		t.Error("the token is kept in a session")
	}
	if n := queryInt(t, db, `SELECT count(*) FROM audit_log WHERE action = 'review_link_create' AND entity_id = $1 AND user_name = $2`,
		itoa(c.ID), editorName); n != 1 {
		t.Errorf("%d audit lines for the link made, want 1", n)
	}
	edit = b.mustGet(path)
	if got := squash(edit.doc.Find(".review-links-working li").Text()); !strings.Contains(got, editorName) {
		t.Errorf("the working links say %q, want who made it", got)
	}

	visitor := site.newBrowser(t, "en")
	for _, l := range []content.Lang{content.EN, content.RU} {
		review := visitor.get("/" + string(l) + "/review/" + token)
		expectStatus(t, review, http.StatusOK)
		expectReviewHeaders(t, review)
		banner := review.doc.Find(".preview-banner p")
		if got, want := squash(banner.Text()), squash(i18n.For(l).ReviewDraftBanner); got != want {
			t.Errorf("%s: banner %q, want %q", l, got, want)
		}
		if banner.Find("a").Length() != 0 {
			t.Errorf("%s: the banner leads somewhere (into the admin?)", l)
		}
		if other := "/" + string(l.Other()) + "/review/" + token; review.doc.Find(`a[hreflang="`+string(l.Other())+`"]`).AttrOr("href", "") != other {
			t.Errorf("%s: the language switch does not lead to %s", l, shortPath(other))
		}
		here := "/" + string(l) + "/review/" + token
		if got := review.doc.Find("a.a11y-link").AttrOr("href", ""); !strings.HasSuffix(got, "?back="+url.QueryEscape(here)) {
			t.Errorf("%s: the settings for the visually impaired do not come back to the review page: %q", l, got)
		}
		if strings.Contains(review.body, "/admin") {
			t.Errorf("%s: the review page links into the admin", l)
		}
	}
	if !strings.Contains(visitor.get("/en/review/"+token).text(), words) {
		t.Error("the review page does not show the draft")
	}
	if strings.Contains(visitor.get("/en/twin-cities/duisburg").text(), words) {
		t.Error("the public page shows the draft")
	}
	if log := site.log.String(); strings.Contains(log, token) || !strings.Contains(log, "/en/review/…") {
		t.Error("the log holds the token, or no redacted review path")
	}

	// Revoked: 410 in the visitor's language; the edit page lists it no more.
	lid := queryInt(t, db, `SELECT id FROM review_links`)
	revoke := path + "/review-links/" + itoa(lid) + "/revoke"
	res := b.submit(edit, formAt(revoke), nil)
	expectRedirect(t, res, path)
	edit = b.follow(res)
	if got := edit.flash(); got != adminEN.FlashReviewLinkRevoked {
		t.Errorf("flash %q, want %q", got, adminEN.FlashReviewLinkRevoked)
	}
	if edit.doc.Find(".review-links-working li").Length() != 0 {
		t.Error("a revoked link is still listed")
	}
	expectReviewRefused(t, visitor.get("/ru/review/"+token), http.StatusGone, content.RU)
	expectReviewRefused(t, visitor.get("/en/review/"+token), http.StatusGone, content.EN)
	res = b.post(revoke, nil)
	expectRedirect(t, res, path)
	if got := b.follow(res).flash(); got != adminEN.ReviewLinkGoneAlready {
		t.Errorf("second revoke: flash %q, want %q", got, adminEN.ReviewLinkGoneAlready)
	}
	if n := queryInt(t, db, `SELECT count(*) FROM audit_log WHERE action = 'review_link_revoke' AND entity_id = $1`, itoa(c.ID)); n != 1 {
		t.Errorf("%d audit lines for the revoke, want 1", n)
	}
}

// TestReviewLinkStopsWhenExpiredOrTrashed: a link stops at its expiry by the server's clock, and
// when its entry goes to the trash. An entry without a draft shows as it is, under the banner
// that says which version it is.
func TestReviewLinkStopsWhenExpiredOrTrashed(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	addEditor(t, db)
	clock := newClock(time.Now())
	site := startSite(t, db, withClock(clock))
	b := site.newBrowser(t, "en")
	b.mustSignIn(editorEmail, editorPassword)
	visitor := site.newBrowser(t, "en")
	en := i18n.For(content.EN)

	// A published city without a draft: the version on the site, said so.
	duisburg := cityBySlug(t, db, content.Twin, "duisburg")
	token := makeReviewLink(t, b, twinPath(duisburg.ID), "1")
	review := visitor.get("/en/review/" + token)
	expectStatus(t, review, http.StatusOK)
	if got := squash(review.doc.Find(".preview-banner p").Text()); got != en.ReviewLiveBanner {
		t.Errorf("banner %q, want %q", got, en.ReviewLiveBanner)
	}
	clock.Advance(24*time.Hour - time.Minute)
	expectStatus(t, visitor.get("/en/review/"+token), http.StatusOK)
	clock.Advance(time.Minute)
	expectReviewRefused(t, visitor.get("/en/review/"+token), http.StatusGone, content.EN)
	b.mustSignIn(editorEmail, editorPassword) // a day on, the session has ended
	if n := b.mustGet(twinPath(duisburg.ID)).doc.Find(".review-links-working li").Length(); n != 0 {
		t.Errorf("%d expired links listed as working", n)
	}

	// An entry the public does not see: its working version, as a draft; then to the trash.
	c := draftCity(t, db, "review-trash")
	token = makeReviewLink(t, b, twinPath(c.ID), "7")
	review = visitor.get("/en/review/" + token)
	expectStatus(t, review, http.StatusOK)
	if got := squash(review.doc.Find(".preview-banner p").Text()); got != en.ReviewDraftBanner {
		t.Errorf("banner %q, want %q", got, en.ReviewDraftBanner)
	}
	if !strings.Contains(review.text(), "City review-trash") {
		t.Error("the review page does not show the entry")
	}
	if err := store.Cities.Delete(context.Background(), db, c.ID, store.Actor{Name: "test"}); err != nil {
		t.Fatal(err)
	}
	expectReviewRefused(t, visitor.get("/en/review/"+token), http.StatusGone, content.EN)
}

// TestReviewLinkRefusals: tokens that cannot be ours are 404 without asking the database; an
// unknown one is 404; making and revoking need a member of staff on our own pages, a life the
// form offers, and room under the limit.
func TestReviewLinkRefusals(t *testing.T) {
	t.Parallel()
	valid := strings.Repeat("A", 43)
	malformed := []string{"short", strings.Repeat("A", 44), strings.Repeat("A", 42) + ".", strings.Repeat("A", 42) + "%00",
		strings.Repeat("A", 42) + "%0A", strings.Repeat("A", 42) + "B", strings.Repeat("A", 400)}
	broken := site(t, brokenDB(t))
	for _, token := range malformed {
		r := get(t, broken, "/en/review/"+token)
		if r.StatusCode != http.StatusNotFound || r.Header.Get("Cache-Control") != "no-store" {
			t.Errorf("malformed token %q: status %d, Cache-Control %q; want 404 without the database", token, r.StatusCode,
				r.Header.Get("Cache-Control"))
		}
	}
	// With a slash after it, the redirect to the page carries the token: it is not to be kept.
	if r := get(t, broken, "/en/review/"+valid+"/"); r.StatusCode != http.StatusMovedPermanently ||
		r.Header.Get("Cache-Control") != "no-store" || r.Header.Get("Referrer-Policy") != "no-referrer" {
		t.Errorf("a review link with a slash: status %d, Cache-Control %q, Referrer-Policy %q; want 301, no-store, no-referrer",
			r.StatusCode, r.Header.Get("Cache-Control"), r.Header.Get("Referrer-Policy"))
	}
	// A token that could be ours is looked up: without a database, the page says to come back.
	if r := get(t, broken, "/en/review/"+valid); r.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("a well-formed token without a database: status %d, want 503", r.StatusCode)
	}

	db := pgtest.SeededDB(t)
	addEditor(t, db)
	s := startSite(t, db)
	expectReviewRefused(t, s.newBrowser(t, "ru").get("/ru/review/"+valid), http.StatusNotFound, content.RU)
	c := cityBySlug(t, db, content.Twin, "duisburg")
	path := twinPath(c.ID)

	anonymous := s.newBrowser(t, "en")
	res := anonymous.post(path+"/review-links", url.Values{"days": {"7"}})
	if res.status != http.StatusSeeOther || !strings.HasPrefix(res.location(), "/admin/login") {
		t.Errorf("anonymous: %d to %q, want the sign-in page", res.status, res.location())
	}
	b := s.newBrowser(t, "en")
	b.mustSignIn(editorEmail, editorPassword)
	expectStatus(t, b.post(path+"/review-links", url.Values{"days": {"7"}}, "Sec-Fetch-Site", "cross-site"), http.StatusForbidden)
	for _, days := range []string{"", "2", "91", "seven"} {
		expectStatus(t, b.post(path+"/review-links", url.Values{"days": {days}}), http.StatusBadRequest)
	}
	if n := queryInt(t, db, `SELECT count(*) FROM review_links`); n != 0 {
		t.Fatalf("%d links made by refused requests", n)
	}

	// A link revoked through another entry's address is not revoked.
	token := makeReviewLink(t, b, path, "7")
	other := cityBySlug(t, db, content.Twin, "oxford")
	lid := queryInt(t, db, `SELECT id FROM review_links`)
	expectStatus(t, anonymous.post(path+"/review-links/"+itoa(lid)+"/revoke", nil), http.StatusSeeOther)
	expectStatus(t, b.post(path+"/review-links/"+itoa(lid)+"/revoke", nil, "Sec-Fetch-Site", "cross-site"), http.StatusForbidden)
	res = b.post(twinPath(other.ID)+"/review-links/"+itoa(lid)+"/revoke", nil)
	if got := b.follow(res).flash(); got != adminEN.ReviewLinkGoneAlready {
		t.Errorf("revoke through another entry: flash %q", got)
	}
	expectStatus(t, b.post(path+"/review-links/x/revoke", nil), http.StatusNotFound)
	expectStatus(t, anonymous.get("/en/review/"+token), http.StatusOK)

	// At the limit the form is not offered, and a link is not made.
	for i := 1; i < store.MaxReviewLinks; i++ {
		var h [32]byte
		h[0], h[1] = byte(i), 0xff
		if _, err := store.CreateReviewLink(context.Background(), db, c, h[:], time.Now(), time.Hour, store.Actor{Name: "test"}); err != nil {
			t.Fatal(err)
		}
	}
	edit := b.mustGet(path)
	if edit.doc.Find(".review-links-form").Length() != 0 || edit.doc.Find(".review-links-full").Length() != 1 {
		t.Error("at the limit the edit page still offers a new link")
	}
	res = b.post(path+"/review-links", url.Values{"days": {"7"}})
	expectRedirect(t, res, path)
	if got := b.follow(res).flash(); got != fmt.Sprintf(adminEN.ReviewLinksFull, store.MaxReviewLinks) {
		t.Errorf("at the limit: flash %q", got)
	}
	if n := queryInt(t, db, `SELECT count(*) FROM review_links`); n != store.MaxReviewLinks {
		t.Errorf("%d links, want %d", n, store.MaxReviewLinks)
	}
}
