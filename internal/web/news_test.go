package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"twincities/internal/content"
	"twincities/internal/i18n"
	"twincities/internal/postgres/pgtest"
	"twincities/internal/store"
)

// newsLinks are the addresses the items of a news list lead to, in order.
func newsLinks(sel *goquery.Selection) []string {
	var out []string
	sel.Find("ul.news-list > li a[href]").Each(func(_ int, a *goquery.Selection) {
		if h := a.AttrOr("href", ""); strings.Contains(h, "/news/") {
			out = append(out, h)
		}
	})
	return out
}

// The news as the public and staff meet it (issue 11, news): an empty list says so in both
// languages; the dashboard's button drafts an item of an anniversary's facts in both languages,
// unpublished; published, the item has its page in both languages, is on its city's page, on the
// home page, in the sitemap and in the feed; the list pages by ten; bad page numbers and unknown
// items are refused in the page's language, never with a 500.
func TestNews(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), pgtest.SeededDB(t)
	addEditor(t, db)
	site := startSite(t, db, withClock(newClock(time.Date(2026, time.November, 26, 10, 0, 0, 0, time.UTC))))
	anon := site.newBrowser(t, "")
	for _, l := range content.Langs {
		p := anon.mustGet("/" + string(l) + "/news")
		m := i18n.For(l)
		if h1 := squash(p.doc.Find("h1").Text()); h1 != m.News {
			t.Errorf("%s: the list's heading is %q", l, h1)
		}
		if got := squash(p.doc.Find("p.news-empty").Text()); got != squash(m.NewsEmpty) {
			t.Errorf("%s: the empty list says %q, want %q", l, got, m.NewsEmpty)
		}
		if p.doc.Find(`nav a[href="/`+string(l)+`/news"]`).Length() == 0 {
			t.Errorf("%s: the main navigation has no link to the news", l)
		}
	}

	// The dashboard's button beside Duisburg's 20th anniversary.
	ru := site.newBrowser(t, "")
	ru.mustSignIn(editorEmail, editorPassword)
	duisburg := cityBySlug(t, db, content.Twin, "duisburg")
	dash := ru.mustGet("/admin/")
	form := dash.doc.Find(`form[action="/admin/news/anniversary"]`).FilterFunction(func(_ int, f *goquery.Selection) bool {
		return f.Find(`input[name="city_id"]`).AttrOr("value", "") == itoa(duisburg.ID) && f.Find(`input[name="years"]`).AttrOr("value", "") == "20"
	})
	if form.Length() != 1 {
		t.Fatalf("no button drafts news of Duisburg's 20th anniversary")
	}
	made := ru.submit(dash, `form[action="/admin/news/anniversary"]:has(input[name="city_id"][value="`+itoa(duisburg.ID)+`"])`, nil)
	if made.status != http.StatusSeeOther || !strings.HasPrefix(made.location(), "/admin/news/") {
		t.Fatalf("the button answered %d, %q", made.status, made.location())
	}
	var id int64
	if _, err := fmt.Sscanf(made.location(), "/admin/news/%d", &id); err != nil {
		t.Fatal(err)
	}
	n, err := store.News.Get(ctx, db, id)
	if err != nil {
		t.Fatal(err)
	}
	if n.Published || n.Date != content.DayDate(2027, time.October, 15) || !slices.Equal(n.CityIDs, []int64{duisburg.ID}) || n.Slug != "duisburg-20" {
		t.Errorf("the draft: published %v, date %v, cities %v, slug %q", n.Published, n.Date, n.CityIDs, n.Slug)
	}
	for _, want := range []struct{ got, want string }{
		{n.Title.RU, "Пермь и\u00a0Дуйсбург: 20\u00a0лет"}, {n.Title.EN, "Perm and Duisburg: 20 years"},
	} {
		if want.got != want.want {
			t.Errorf("title %q, want %q", want.got, want.want)
		}
	}
	for _, part := range []string{"Дуйсбург", "Германия", "15\u00a0октября 2007\u00a0г.", "15\u00a0октября 2027\u00a0г.", "20\u00a0лет"} {
		if !strings.Contains(n.Lead.RU, part) {
			t.Errorf("the Russian lead %q lacks %q", n.Lead.RU, part)
		}
	}
	for _, part := range []string{"Duisburg", "Germany", "on 15 October 2007", "on 15 October 2027", "20 years"} {
		if !strings.Contains(n.Lead.EN, part) {
			t.Errorf("the English lead %q lacks %q", n.Lead.EN, part)
		}
	}
	edit := ru.follow(made)
	if edit.flash() != adminRU.NewsAnniversaryDrafted {
		t.Errorf("the flash says %q", edit.flash())
	}
	// Pressed again, the button opens the item it made, and makes no copy.
	again := ru.submit(ru.mustGet("/admin/"), `form[action="/admin/news/anniversary"]:has(input[name="city_id"][value="`+itoa(duisburg.ID)+`"])`, nil)
	expectRedirect(t, again, made.location())
	if got := ru.follow(again).flash(); got != adminRU.NewsAnniversaryExists {
		t.Errorf("the second press's flash says %q, want %q", got, adminRU.NewsAnniversaryExists)
	}
	if c := queryInt(t, db, `SELECT count(*) FROM news WHERE slug LIKE 'duisburg-20%'`); c != 1 {
		t.Errorf("%d news items of Duisburg's 20th, want 1", c)
	}
	if v := edit.doc.Find(`input[name="title_en"]`).AttrOr("value", ""); v != n.Title.EN {
		t.Errorf("the edit page's English title is %q", v)
	}
	if edit.doc.Find(`input[name="city_ids"][value="`+itoa(duisburg.ID)+`"][checked]`).Length() != 1 {
		t.Error("Duisburg is not ticked on the edit page")
	}
	en := site.newBrowser(t, "en")
	en.mustSignIn(editorEmail, editorPassword)
	if h := squash(en.mustGet(made.location()).doc.Find(`legend`).First().Text()); h == "" {
		t.Error("the English edit page has no legend")
	}
	for _, b := range []*browser{ru, en} {
		list := b.mustGet("/admin/news")
		if list.doc.Find(`a[href="`+made.location()+`"]`).Length() == 0 {
			t.Errorf("the admin list in %q does not list the draft", b.lang)
		}
		b.mustGet("/admin/news/new")
		b.mustGet(made.location() + "/history")
		b.mustGet(made.location() + "/preview")
	}
	if anon.get("/ru/news/duisburg-20").status != http.StatusNotFound {
		t.Error("the public sees a draft")
	}

	// Published, it is everywhere the public looks.
	expectRedirect(t, ru.publishDraft(edit, made.location(), nil), made.location())
	for _, l := range content.Langs {
		item := anon.mustGet("/" + string(l) + "/news/duisburg-20")
		if h1 := squash(item.doc.Find("h1").Text()); h1 != squash(n.Title.In(l)) {
			t.Errorf("%s: the item's heading is %q", l, h1)
		}
		city := item.doc.Find(`.news-cities a[href="/` + string(l) + `/twin-cities/duisburg"]`)
		if city.Length() != 1 {
			t.Errorf("%s: the item does not link to Duisburg", l)
		}
		if !strings.Contains(item.body, `"NewsArticle"`) {
			t.Errorf("%s: the item's page has no NewsArticle", l)
		}
		path := "/" + string(l) + "/news/duisburg-20"
		if got := newsLinks(anon.mustGet("/" + string(l) + "/news").doc.Selection); !slices.Equal(got, []string{path}) {
			t.Errorf("%s: the list leads to %v", l, got)
		}
		cityPage := anon.mustGet("/" + string(l) + "/twin-cities/duisburg")
		if got := newsLinks(cityPage.doc.Find(`section[aria-labelledby="city-news"]`)); !slices.Equal(got, []string{path}) {
			t.Errorf("%s: Duisburg's page lists the news %v", l, got)
		}
		home := anon.mustGet("/" + string(l) + "/")
		if got := newsLinks(home.doc.Find(`section[aria-labelledby="news"]`)); !slices.Equal(got, []string{path}) {
			t.Errorf("%s: the home page's latest news %v", l, got)
		}
		if feed := anon.get("/" + string(l) + "/feed.atom"); !strings.Contains(feed.body, `href="`+testBaseURL+path+`"`) {
			t.Errorf("%s: the feed has no link to the item", l)
		}
	}
	sitemap := anon.get("/sitemap.xml").body
	for _, loc := range []string{"/ru/news", "/en/news", "/ru/news/duisburg-20", "/en/news/duisburg-20"} {
		if !strings.Contains(sitemap, "<loc>"+testBaseURL+loc+"</loc>") {
			t.Errorf("the sitemap lacks %s", loc)
		}
	}

	// Eleven more: two pages, ten and two, newest first.
	for i := 1; i <= 11; i++ {
		more := content.News{Slug: "item-" + fmt.Sprint(i), Date: content.DayDate(2026, time.January, i), Published: true,
			Title: content.Text{RU: "Новость " + fmt.Sprint(i), EN: "Item " + fmt.Sprint(i)},
			Lead:  content.Text{RU: "Коротко " + fmt.Sprint(i), EN: "In short " + fmt.Sprint(i)}}
		if err := store.News.Create(ctx, db, &more, store.Actor{Name: "test"}); err != nil {
			t.Fatal(err)
		}
	}
	first := anon.mustGet("/en/news")
	if got := newsLinks(first.doc.Selection); len(got) != 10 || got[0] != "/en/news/duisburg-20" || got[1] != "/en/news/item-11" {
		t.Errorf("page 1: %v", got)
	}
	next := first.doc.Find(`nav.news-paging a[rel="next"]`).AttrOr("href", "")
	if next != "/en/news?page=2" {
		t.Fatalf("page 1's next page is %q", next)
	}
	second := anon.mustGet(next)
	if got := newsLinks(second.doc.Selection); !slices.Equal(got, []string{"/en/news/item-2", "/en/news/item-1"}) {
		t.Errorf("page 2: %v", got)
	}
	if prev := second.doc.Find(`nav.news-paging a[rel="prev"]`).AttrOr("href", ""); prev != "/en/news" {
		t.Errorf("page 2's previous page is %q", prev)
	}
	if alt := second.doc.Find(`link[rel="alternate"][hreflang="ru"]`).AttrOr("href", ""); !strings.HasSuffix(alt, "/ru/news?page=2") {
		t.Errorf("page 2 in Russian is %q", alt)
	}

	// Bad input: refused in the page's language.
	for _, l := range content.Langs {
		m := i18n.For(l)
		for _, q := range []string{"abc", "0", "-1", "", "1.5", "99999999999999999999"} {
			p := anon.get("/" + string(l) + "/news?page=" + url.QueryEscape(q))
			if p.status != http.StatusBadRequest || !strings.Contains(p.text(), squash(m.NewsBadPage)) {
				t.Errorf("%s ?page=%q: %d, %q", l, q, p.status, excerpt(p))
			}
		}
		for _, path := range []string{"/news?page=3", "/news?page=99999", "/news/no-such-item", "/news/BAD_slug", "/news/item-1/more"} {
			if p := anon.get("/" + string(l) + path); p.status != http.StatusNotFound {
				t.Errorf("%s%s: %d, want 404", l, path, p.status)
			}
		}
	}
}

// The admin form of a news item keeps the cities ticked, refuses a city that is not one, and
// saves an item with several cities.
func TestNewsAdminForm(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), pgtest.SeededDB(t)
	addEditor(t, db)
	site := startSite(t, db)
	ru := site.newBrowser(t, "")
	ru.mustSignIn(editorEmail, editorPassword)
	duisburg := cityBySlug(t, db, content.Twin, "duisburg")
	oxford := cityBySlug(t, db, content.Twin, "oxford")
	form := ru.mustGet("/admin/news/new")
	if form.doc.Find(`input[type="checkbox"][name="city_ids"]`).Length() < 2 {
		t.Fatal("the form offers no cities to tick")
	}
	v := url.Values{
		"date.day": {"3"}, "date.month": {"6"}, "date.year": {"2025"},
		"title_ru": {"Визит"}, "title_en": {"A visit"}, "slug": {"a-visit"},
		"lead_ru": {"Коротко."}, "lead_en": {"In short."},
		"city_ids": {itoa(duisburg.ID), "oops"},
	}
	bad := ru.post("/admin/news/new", v)
	if bad.status != http.StatusUnprocessableEntity {
		t.Fatalf("a city that is not one: %d", bad.status)
	}
	if bad.doc.Find(`input[name="city_ids"][value="`+itoa(duisburg.ID)+`"][checked]`).Length() != 1 {
		t.Error("the form came back without Duisburg ticked")
	}
	v["city_ids"] = []string{itoa(duisburg.ID), itoa(oxford.ID)}
	made := ru.post("/admin/news/new", v)
	if made.status != http.StatusSeeOther {
		t.Fatalf("create: %d\n%s", made.status, excerpt(made))
	}
	n, err := store.NewsBySlug(ctx, db, "a-visit", false)
	if err != nil {
		t.Fatal(err)
	}
	if want := []int64{min(duisburg.ID, oxford.ID), max(duisburg.ID, oxford.ID)}; !slices.Equal(n.CityIDs, want) || n.Published {
		t.Errorf("saved cities %v (want %v), published %v", n.CityIDs, want, n.Published)
	}
}
