package web_test

import (
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"twincities/internal/postgres/pgtest"
)

// stripButton is one button of the strip as a browser would send it: what its form posts, its
// accessible name and whether it is pressed.
type stripButton struct {
	name    string // the accessible name
	pressed string // aria-pressed, "" for a button without it
	action  string
	form    url.Values
}

// stripButtons reads the buttons of the strip of the version for the visually impaired.
func stripButtons(doc *goquery.Document) []stripButton {
	var out []stripButton
	doc.Find(".a11y-strip form").Each(func(_ int, f *goquery.Selection) {
		v := url.Values{}
		f.Find("input").Each(func(_ int, in *goquery.Selection) {
			v.Add(in.AttrOr("name", ""), in.AttrOr("value", ""))
		})
		f.Find("button").Each(func(_ int, b *goquery.Selection) {
			v := maps(v)
			if n, ok := b.Attr("name"); ok {
				v.Set(n, b.AttrOr("value", ""))
			}
			name := b.AttrOr("aria-label", strings.Join(strings.Fields(b.Text()), " "))
			if strings.ToLower(f.AttrOr("method", "")) != "post" {
				name += " (not POST)"
			}
			out = append(out, stripButton{name: name, pressed: b.AttrOr("aria-pressed", ""), action: f.AttrOr("action", ""), form: v})
		})
	})
	return out
}

// maps copies form values, so that each button has its own.
func maps(v url.Values) url.Values {
	c := url.Values{}
	for k, vs := range v {
		c[k] = slices.Clone(vs)
	}
	return c
}

// TestEveryPublicPageHasTheStrip: while the version is on, every public page, in both languages,
// has one strip of exactly these buttons, named in the page's language, each posting its settings
// to the settings handler and coming back to the page, the current choices pressed; while it is
// off, there is no strip and the header has its one link to turn it on.
func TestEveryPublicPageHasTheStrip(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	h := site(t, db)
	names := map[string][]string{
		"ru": {"Обычный шрифт", "Крупный шрифт", "Самый крупный шрифт", "Обычные цвета", "Чёрным по белому",
			"Белым по чёрному", "Синим по голубому", "Показывать изображения", "Обычная версия"},
		"en": {"Normal font", "Large font", "Largest font", "Ordinary colours", "Black on white",
			"White on black", "Blue on light blue", "Show images", "Ordinary version"},
	}
	// With large white on black and no images: what each button sends, and which are pressed.
	sends := []string{"normal.white-on-black.off", "large.white-on-black.off", "largest.white-on-black.off",
		"large.default.off", "large.black-on-white.off", "large.white-on-black.off", "large.blue.off", "large.white-on-black.on", "reset"}
	pressed := []string{"false", "true", "false", "false", "false", "true", "false", "false", ""}
	for _, lang := range []string{"ru", "en"} {
		for _, rest := range publicPaths(t, db) {
			p := "/" + lang + rest
			r := get(t, h, p, "Cookie", "a11y=large.white-on-black.off")
			if r.StatusCode != http.StatusOK {
				t.Fatalf("GET %s: %d", p, r.StatusCode)
			}
			if n := r.doc.Find("section.a11y-strip[aria-label]").Length(); n != 1 {
				t.Errorf("%s: %d strips, want 1", p, n)
			}
			buttons := stripButtons(r.doc)
			var gotNames, gotSends, gotPressed []string
			for _, b := range buttons {
				// Compared as words: the Russian catalogue ties short words with non-breaking spaces.
				gotNames, gotPressed = append(gotNames, strings.ReplaceAll(b.name, "\u00a0", " ")), append(gotPressed, b.pressed)
				if b.form.Get("reset") != "" {
					gotSends = append(gotSends, "reset")
				} else {
					gotSends = append(gotSends, b.form.Get("font")+"."+b.form.Get("scheme")+"."+b.form.Get("images"))
				}
				if b.action != "/"+lang+"/accessibility" || b.form.Get("back") != p {
					t.Errorf("%s: %q posts to %s and returns to %q", p, b.name, b.action, b.form.Get("back"))
				}
			}
			if !slices.Equal(gotNames, names[lang]) {
				t.Errorf("%s: the strip's buttons are %q, want %q", p, gotNames, names[lang])
			}
			if !slices.Equal(gotSends, sends) || !slices.Equal(gotPressed, pressed) {
				t.Errorf("%s: the buttons send %q pressed %q, want %q pressed %q", p, gotSends, gotPressed, sends, pressed)
			}
			if href := r.doc.Find(`.a11y-strip a[href^="/`+lang+`/accessibility?back="]`).AttrOr("href", ""); href != "/"+lang+"/accessibility?back="+url.QueryEscape(p) {
				t.Errorf("%s: the strip's link to all settings is %q", p, href)
			}
			if r.doc.Find("a.a11y-link").Length() != 0 {
				t.Errorf("%s: the link to turn the version on is there while it is on", p)
			}

			// The ordinary version: no strip, one link to turn the version on.
			o := mustGet(t, h, p)
			if o.doc.Find(".a11y-strip").Length() != 0 || o.doc.Find("a.a11y-link").Length() != 1 {
				t.Errorf("%s: the ordinary version has %d strips and %d links to the version for the visually impaired, want 0 and 1",
					p, o.doc.Find(".a11y-strip").Length(), o.doc.Find("a.a11y-link").Length())
			}
		}
	}
}

// TestStripButtonsChangeOneSetting sends each button of the strip as a browser would: each
// changes only its own setting and leads back to the page.
func TestStripButtonsChangeOneSetting(t *testing.T) {
	t.Parallel()
	h := site(t, pgtest.SeededDB(t))
	const page, current = "/en/twin-cities/duisburg", "largest.blue.on"
	r := get(t, h, page, "Cookie", "a11y="+current)
	want := []string{"normal.blue.on", "large.blue.on", "largest.blue.on", "largest.default.on", "largest.black-on-white.on",
		"largest.white-on-black.on", "largest.blue.on", "largest.blue.off", ""}
	buttons := stripButtons(r.doc)
	if len(buttons) != len(want) {
		t.Fatalf("%d buttons, want %d", len(buttons), len(want))
	}
	for i, b := range buttons {
		res := postA11y(t, h, "en", b.form)
		if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != page {
			t.Errorf("%q: %d to %q, want 303 back to %s", b.name, res.StatusCode, res.Header.Get("Location"), page)
		}
		var got *http.Cookie
		for _, c := range res.Cookies() {
			if c.Name == "a11y" {
				got = c
			}
		}
		switch {
		case got == nil:
			t.Errorf("%q: no cookie", b.name)
		case want[i] == "" && got.MaxAge >= 0:
			t.Errorf("%q: cookie %+v, want it removed (the ordinary version)", b.name, got)
		case want[i] != "" && got.Value != want[i]:
			t.Errorf("%q: the settings became %q, want %q", b.name, got.Value, want[i])
		}
	}
}

// TestMenuFoldsBehindAButton: the main menu and the staff's menu are a <details> whose summary,
// "Menu" in the page's language, unfolds them on phones, inside a navigation with its own name.
func TestMenuFoldsBehindAButton(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	h := site(t, db)
	for lang, label := range map[string]string{"ru": "Меню", "en": "Menu"} {
		r := mustGet(t, h, "/"+lang+"/awards")
		nav := r.doc.Find("nav.site-nav[aria-label]")
		if nav.Length() != 1 || nav.Find("details.menu > summary").Text() != label || nav.Find("details.menu > ul a").Length() != 7 {
			t.Errorf("%s: the menu is not seven links folded behind %q", lang, label)
		}
	}
	addAdmin(t, db)
	b := startSite(t, db).newBrowser(t, "en")
	b.mustSignIn(adminEmail, adminPassword)
	nav := b.mustGet("/admin/").doc.Find("nav.site-nav[aria-label]")
	if nav.Find("details.menu > summary").Text() != "Menu" || nav.Find("details.menu > ul a").Length() < 10 {
		t.Error("the admin menu is not folded behind «Menu»")
	}
}
