package web_test

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"twincities/internal/content"
	"twincities/internal/i18n"
	"twincities/internal/postgres/pgtest"
	"twincities/internal/store"
)

// The partner cities and memberships lists open with staff's note on how complete they are, as
// the initial data words it from the facts; staff edit it in the admin like a text page, and an
// empty note shows nothing.
func TestListNotesAreEditableAndHiddenWhenEmpty(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	addEditor(t, db)
	b := startSite(t, db).newBrowser(t, "en")
	lists := []struct {
		key        content.PageKey
		path, word string
	}{
		{content.PartnerCitiesNote, "/partner-cities", "seven"},
		{content.MembershipsNote, "/memberships", "eight"},
	}
	for _, l := range lists {
		doc := b.mustGet("/en" + l.path).doc
		if got := strings.TrimSpace(doc.Find("main h1 ~ .list-note").Text()); !strings.Contains(got, l.word) || !strings.Contains(got, "still being completed") {
			t.Errorf("%s: note %q", l.path, got)
		}
		if got := doc.Find("main .list-note").Length(); got != 1 {
			t.Errorf("%s: %d notes", l.path, got)
		}
		if doc.Find("main .list-note ~ section, main .list-note ~ h2").Length() == 0 {
			t.Errorf("%s: the note is not at the top of the list", l.path)
		}
		if got := strings.TrimSpace(b.mustGet("/ru" + l.path).doc.Find("main .list-note").Text()); !strings.Contains(got, "Список пополняется") {
			t.Errorf("/ru%s: note %q", l.path, got)
		}
	}
	// The twin cities list has no note.
	if n := b.mustGet("/en/twin-cities").doc.Find(".list-note").Length(); n != 0 {
		t.Errorf("the twin cities list has %d notes", n)
	}

	b.mustSignIn(editorEmail, editorPassword)
	for _, l := range lists {
		pg, err := store.PageByKey(context.Background(), db, l.key)
		if err != nil {
			t.Fatal(err)
		}
		path := "/admin/pages/" + itoa(pg.ID)
		form := b.mustGet(path)
		if form.doc.Find(`fieldset:has(textarea[name="body_en"]) legend .optional`).Length() != 1 {
			t.Errorf("%s: the form does not say the note's body is optional", l.key)
		}
		// Edited: the list shows the new words.
		expectRedirect(t, b.submit(form, formAt(path), url.Values{"body_en": {"Being *checked*."}, "body_ru": {"Проверяется."}}), path)
		if got := strings.TrimSpace(b.mustGet("/en" + l.path).doc.Find("main .list-note").Text()); got != "Being checked." {
			t.Errorf("%s after editing: note %q", l.path, got)
		}
		// Emptied: no note at all, in either language.
		expectRedirect(t, b.submit(b.mustGet(path), formAt(path), url.Values{"body_en": {""}, "body_ru": {""}}), path)
		for _, lang := range []string{"/en", "/ru"} {
			if n := b.mustGet(lang + l.path).doc.Find(".list-note").Length(); n != 0 {
				t.Errorf("%s%s: an empty note is shown", lang, l.path)
			}
		}
	}
	// The about page's body is still required.
	about, err := store.PageByKey(context.Background(), db, content.About)
	if err != nil {
		t.Fatal(err)
	}
	path := "/admin/pages/" + itoa(about.ID)
	if b.mustGet(path).doc.Find(`fieldset:has(textarea[name="body_en"]) legend .optional`).Length() != 0 {
		t.Error("the about page's form says its body is optional")
	}
	expectStatus(t, b.submit(b.mustGet(path), formAt(path), url.Values{"body_en": {""}, "body_ru": {""}}), 422)
}

// A partner city's own page about Perm is a link in the facts box, labelled in the page's
// language, with the site's name for text rather than the raw address.
func TestCityPageLinksToTheirPageAboutPerm(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	h := site(t, db)
	const addr = "https://www.duisburg.de/international/perm.php"
	for _, l := range content.Langs {
		if _, ok := fact(mustGet(t, h, "/"+string(l)+"/twin-cities/duisburg").doc, i18n.For(l).PermPageAboutPerm); ok {
			t.Errorf("%s: a page about Perm shown for a city without one", l)
		}
	}
	exec(t, db, `UPDATE cities SET perm_page_url = $1 WHERE slug = 'duisburg'`, addr)
	for _, l := range content.Langs {
		doc := mustGet(t, h, "/"+string(l)+"/twin-cities/duisburg").doc
		got, ok := fact(doc, i18n.For(l).PermPageAboutPerm)
		if !ok || got != "duisburg.de" {
			t.Errorf("%s: page about Perm %q (shown: %v)", l, got, ok)
		}
		if doc.Find(`.facts dd a[href="`+addr+`"]`).Length() != 1 {
			t.Errorf("%s: the page about Perm is not a link to %s", l, addr)
		}
	}
	// The city's summary leads the page, before the story and the facts.
	doc := mustGet(t, h, "/en/twin-cities/duisburg").doc
	if doc.Find("main h1 ~ p.lead + .profile").Length() != 1 {
		t.Error("the summary does not lead the city page")
	}
}

// Sources are links wherever they have an address (even one typed as the title), never read as a
// raw address, and shown in the page's language where staff have translated the title; an
// untranslated foreign title is marked with its language.
func TestSourcesAreLinksInThePagesLanguage(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	h := site(t, db)
	exec(t, db, `UPDATE cities SET sources = $1 WHERE slug = 'kazan'`, `[
		{"title": "Пермь и Казань подписали соглашение", "url": "https://example.org/a", "translation": "Perm and Kazan signed an agreement"},
		{"title": "Oxford Mail, 2022"},
		{"title": "https://www.example.com/news/%20item"},
		{"title": "Kommersant", "url": "https://example.org/b"}
	]`)
	type src struct{ text, href, lang string }
	read := func(l content.Lang) []src {
		var out []src
		doc := mustGet(t, h, "/"+string(l)+"/partner-cities/kazan").doc
		doc.Find(`section[aria-labelledby="sources"] li`).Each(func(_ int, li *goquery.Selection) {
			el := li.Children().First()
			href, _ := el.Attr("href")
			lang, _ := el.Attr("lang")
			out = append(out, src{strings.TrimSpace(li.Text()), href, lang})
		})
		return out
	}
	want := map[content.Lang][]src{
		content.EN: {
			{"Perm and Kazan signed an agreement", "https://example.org/a", ""},
			{"Oxford Mail, 2022", "", ""},
			{"example.com", "https://www.example.com/news/%20item", ""},
			{"Kommersant", "https://example.org/b", ""},
		},
		content.RU: {
			{"Пермь и Казань подписали соглашение", "https://example.org/a", ""},
			{"Oxford Mail, 2022", "", "en"},
			{"example.com", "https://www.example.com/news/%20item", "en"},
			{"Kommersant", "https://example.org/b", "en"},
		},
	}
	for _, l := range content.Langs {
		got := read(l)
		if len(got) != len(want[l]) {
			t.Fatalf("%s: sources %+v", l, got)
		}
		for i, w := range want[l] {
			if got[i] != w {
				t.Errorf("%s: source %d is %+v, want %+v", l, i+1, got[i], w)
			}
		}
	}
}
