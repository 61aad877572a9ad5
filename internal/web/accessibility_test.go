package web_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"twincities/internal/postgres/pgtest"
)

// postA11y sends the settings form of the version for the visually impaired.
func postA11y(tb testing.TB, h http.Handler, lang string, form url.Values) *http.Response {
	tb.Helper()
	req := httptest.NewRequestWithContext(context.Background(), http.MethodPost, "/"+lang+"/accessibility", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Result()
}

func TestAccessibilitySettingsAreRememberedAndLeadBack(t *testing.T) {
	t.Parallel()
	h := site(t, pgtest.SeededDB(t))
	res := postA11y(t, h, "ru", url.Values{"font": {"largest"}, "scheme": {"blue"}, "images": {"off"},
		"back": {"/ru/twin-cities/duisburg"}})
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/ru/twin-cities/duisburg" {
		t.Fatalf("settings: %d to %q, want 303 back to the city", res.StatusCode, res.Header.Get("Location"))
	}
	var cookie *http.Cookie
	for _, c := range res.Cookies() {
		if c.Name == "a11y" {
			cookie = c
		}
	}
	if cookie == nil || cookie.Value != "largest.blue.off" || !cookie.HttpOnly || cookie.Path != "/" || cookie.MaxAge <= 0 {
		t.Fatalf("settings cookie %+v", cookie)
	}

	r := get(t, h, "/ru/twin-cities/duisburg", "Cookie", "a11y="+cookie.Value)
	class := r.doc.Find("html").AttrOr("class", "")
	for _, want := range []string{"a11y", "font-largest", "scheme-blue", "images-off"} {
		if !strings.Contains(class, want) {
			t.Errorf("<html class=%q> lacks %s", class, want)
		}
	}
	if r.doc.Find(`.a11y-strip button[name="reset"]`).Length() != 1 {
		t.Error("no strip with a way back to the ordinary version")
	}
	if r.doc.Find("img").Length() != 0 {
		t.Error("images are shown although they are turned off")
	}
	if r.doc.Find(`.a11y-strip .swatch-blue[aria-pressed="true"]`).Length() != 1 {
		t.Error("the strip does not show the chosen scheme")
	}

	// Back to the ordinary version: the cookie is removed.
	res = postA11y(t, h, "ru", url.Values{"reset": {"1"}, "back": {"/ru/awards"}})
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/ru/awards" {
		t.Fatalf("reset: %d to %q", res.StatusCode, res.Header.Get("Location"))
	}
	if c := res.Cookies(); len(c) != 1 || c[0].Name != "a11y" || c[0].MaxAge >= 0 {
		t.Errorf("reset cookie %+v, want the cookie removed", c)
	}
}

func TestAccessibilityNeverLeadsOffTheSite(t *testing.T) {
	t.Parallel()
	h := site(t, pgtest.SeededDB(t))
	for _, back := range []string{"https://evil.example/", "//evil.example/ru/", "/admin/", `/\evil.example`, "javascript:alert(1)", "",
		"/en/../admin/", "/en/%2e%2e/admin/"} {
		res := postA11y(t, h, "en", url.Values{"font": {"large"}, "scheme": {"default"}, "images": {"on"}, "back": {back}})
		if loc := res.Header.Get("Location"); loc != "/en/" {
			t.Errorf("back %q: redirect to %q, want the home page", back, loc)
		}
	}
}

func TestBadAccessibilityValuesFallBackSafely(t *testing.T) {
	t.Parallel()
	h := site(t, pgtest.SeededDB(t))
	res := postA11y(t, h, "en", url.Values{"font": {"<script>"}, "scheme": {"neon"}, "images": {"maybe"}, "back": {"/en/"}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("odd settings: %d", res.StatusCode)
	}
	if c := res.Cookies(); len(c) != 1 || c[0].Value != "large.default.on" {
		t.Errorf("odd settings became %+v, want the defaults", c)
	}
	// A cookie nobody could have set through the form means the ordinary version.
	for _, v := range []string{"huge.blue.on", "large.blue", "large.blue.on.x", "<script>"} {
		if class := get(t, h, "/en/", "Cookie", "a11y="+v).doc.Find("html").AttrOr("class", ""); class != "" {
			t.Errorf("cookie %q gave <html class=%q>", v, class)
		}
	}
}

func TestSettingsPageOffersTheChoicesAndComesBack(t *testing.T) {
	t.Parallel()
	h := site(t, pgtest.SeededDB(t))
	home := mustGet(t, h, "/en/")
	link := home.doc.Find(".tools a.a11y-link")
	if link.Length() != 1 || link.AttrOr("href", "") != "/en/accessibility?back=%2Fen%2F" {
		t.Fatalf("the link to the version for the visually impaired: %q", link.AttrOr("href", ""))
	}
	r := mustGet(t, h, "/en/accessibility?back=%2Fen%2Fawards")
	for _, name := range []string{"font", "scheme", "images"} {
		if r.doc.Find(`main input[type="radio"][name="`+name+`"]`).Length() < 2 {
			t.Errorf("the settings page offers no choice of %s", name)
		}
	}
	if back := r.doc.Find(`main input[name="back"]`).AttrOr("value", ""); back != "/en/awards" {
		t.Errorf("the form goes back to %q", back)
	}
	if alt := r.doc.Find(`.tools a[hreflang="ru"]`).AttrOr("href", ""); alt != "/ru/accessibility?back=%2Fru%2Fawards" {
		t.Errorf("the language switch of the settings page leads to %q", alt)
	}
}
