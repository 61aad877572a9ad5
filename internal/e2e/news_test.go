package e2e_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"twincities/internal/content"
	"twincities/internal/store"
)

// addNews stores a published news item about city c, with a photo, and returns it (issue 11,
// news). The initial data has no news: the text is the tests' own.
func addNews(t *testing.T, s site, c content.City) content.News {
	t.Helper()
	pic := storedTestImage(t, s, 1200, 800, 90)
	pic.Alt = content.Text{RU: "Встреча делегаций (тестовое изображение)", EN: "Delegations meet (test image)"}
	pic.Credit = "Test"
	n := content.News{
		Slug: "test-visit", Date: content.DayDate(2026, time.June, 3), Published: true, CityIDs: []int64{c.ID},
		Title:   content.Text{RU: "Тестовая новость о визите", EN: "A test item about a visit"},
		Lead:    content.Text{RU: "Вводный абзац тестовой новости.", EN: "The lead of a test item."},
		Body:    content.Text{RU: "Текст тестовой новости.\n\nВторой абзац.", EN: "The text of a test item.\n\nA second paragraph."},
		Picture: &pic, Sources: []content.Source{{Title: "Test source", URL: "https://example.org/test"}},
	}
	if err := store.News.Create(context.Background(), s.DB, &n, store.Actor{Name: "test"}); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestNewsPagesPassAxe runs axe-core on the news pages, public and admin, in both languages: the
// list while it is empty and with an item, the item's page, the city page and the home page that
// list it, the admin list, a new item's form, an item's edit page and its form sent empty.
func TestNewsPagesPassAxe(t *testing.T) {
	t.Parallel()
	s := startSite(t)
	password := s.addStaff(t, "editor@example.org", "Анна Смирнова", content.Editor)
	ctx := tab(t, 1280)
	for _, l := range content.Langs {
		open(t, ctx, s.URL+"/"+string(l)+"/news")
		checkAxe(t, ctx, "the empty news list "+string(l))
	}
	duisburg, err := store.CityBySlug(context.Background(), s.DB, content.Twin, "duisburg", true)
	if err != nil {
		t.Fatal(err)
	}
	n := addNews(t, s, duisburg)
	for _, l := range content.Langs {
		for _, rest := range []string{"/news", "/news/" + n.Slug, "/twin-cities/duisburg", "/"} {
			if st := open(t, ctx, s.URL+"/"+string(l)+rest); st != 200 {
				t.Errorf("%s%s: %d", l, rest, st)
			}
			checkAxe(t, ctx, string(l)+rest+" with news")
		}
	}
	signIn(t, ctx, s, "editor@example.org", password)
	edit := fmt.Sprintf("/admin/news/%d", n.ID)
	for _, path := range []string{"/admin/news", "/admin/news/new", edit, "/admin/"} {
		open(t, ctx, s.URL+path)
		checkAxe(t, ctx, path)
	}
	open(t, ctx, s.URL+"/admin/news/new")
	if st := submit(t, ctx, "/admin/news/new"); st != 422 {
		t.Errorf("a new item's form sent empty: status %d", st)
	}
	checkAxe(t, ctx, "/admin/news/new sent empty")
}
