package web_test

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"twincities/internal/content"
	"twincities/internal/postgres/pgtest"
)

// TestCardsShowAPhotoOrTheLocator: a city's card shows its photo's thumbnail (sized, lazy, with
// its text alternative) once it has one, and its locator map without; with images off, neither.
func TestCardsShowAPhotoOrTheLocator(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	addEditor(t, db)
	site := startSite(t, db)
	b := site.newBrowser(t, "en")
	b.mustSignIn(editorEmail, editorPassword)
	public := site.newBrowser(t, "en")

	duisburg := cityBySlug(t, db, content.Twin, "duisburg")
	path := twinPath(duisburg.ID)
	expectStatus(t, b.pressButton(b.mustGet(path), formAt(path), uploadButton(path+"/image"),
		url.Values{"image_alt_en": {"The inner harbour"}, "image_alt_ru": {"Внутренняя гавань"}},
		map[string]upload{"file": {name: "harbour.png", contentType: "image/png", data: pngBytes(t, 1200, 800)}}), http.StatusOK)
	thumb := cityByID(t, db, duisburg.ID).Picture.Thumb

	card := func(p page, slug string) *goquery.Selection {
		t.Helper()
		c := p.doc.Find(`li.card:has(h3 a[href$="/` + slug + `"])`)
		if c.Length() != 1 {
			t.Fatalf("%d cards of %s", c.Length(), slug)
		}
		return c
	}
	for _, list := range []string{"/en/twin-cities", "/en/"} {
		p := public.mustGet(list)
		img := card(p, "duisburg").Find(".card-picture img")
		if img.Length() != 1 || img.AttrOr("src", "") != "/media/"+thumb.Hash+".jpg" || img.AttrOr("alt", "") != "The inner harbour" ||
			img.AttrOr("width", "") != itoa(int64(thumb.Width)) || img.AttrOr("height", "") != itoa(int64(thumb.Height)) ||
			img.AttrOr("loading", "") != "lazy" {
			h, _ := goquery.OuterHtml(img)
			t.Errorf("%s: Duisburg's card shows %q, want its thumbnail, sized and lazy", list, h)
		}
		if n := card(p, "duisburg").Find(".card-picture svg").Length(); n != 0 {
			t.Errorf("%s: Duisburg's card has a photo and %d maps", list, n)
		}
		oxford := card(p, "oxford")
		if oxford.Find(".card-picture svg.map").Length() != 1 || oxford.Find(".card-picture img").Length() != 0 {
			t.Errorf("%s: Oxford's card, without a photo, does not show its locator map alone", list)
		}
		// The cards' maps share one copy of the land.
		if n, uses, maps := p.doc.Find("path#card-land").Length(), p.doc.Find(`.card-picture svg.map use[href="#card-land"]`).Length(),
			p.doc.Find(".card-picture svg.map").Length(); n != 1 || uses != maps {
			t.Errorf("%s: %d copies of the cards' land, used by %d of %d card maps; want 1, used by all", list, n, uses, maps)
		}
	}
	off := public.get("/en/twin-cities", "Cookie", "a11y=normal.default.off")
	if n := off.doc.Find(".card-picture").Length(); n != 0 {
		t.Errorf("with images off %d cards show a picture", n)
	}
	// The first card's photo is the page's first image: loaded at once, not lazily.
	first := cityBySlug(t, db, content.Twin, "amneville-les-thermes")
	firstPath := twinPath(first.ID)
	expectStatus(t, b.pressButton(b.mustGet(firstPath), formAt(firstPath), uploadButton(firstPath+"/image"),
		url.Values{"image_alt_en": {"The spa park"}, "image_alt_ru": {"Курортный парк"}},
		map[string]upload{"file": {name: "park.png", contentType: "image/png", data: pngBytes(t, 1200, 800)}}), http.StatusOK)
	for _, list := range []string{"/en/twin-cities", "/en/"} {
		p := public.mustGet(list)
		if img := p.doc.Find("li.card").First().Find(".card-picture img"); img.AttrOr("alt", "") != "The spa park" || img.AttrOr("loading", "") != "" {
			h, _ := goquery.OuterHtml(img)
			t.Errorf("%s: the first card shows %s, want its photo loaded at once", list, h)
		}
		if img := card(p, "duisburg").Find(".card-picture img"); img.AttrOr("loading", "") != "lazy" {
			t.Errorf("%s: Duisburg's card, not the first, loads its photo at once", list)
		}
	}
	// On the city's own page its photo is the first image: loaded at once.
	if img := public.mustGet("/en/twin-cities/duisburg").doc.Find("main img:not(.flag)").First(); img.AttrOr("alt", "") != "The inner harbour" || img.AttrOr("loading", "") != "" {
		h, _ := goquery.OuterHtml(img)
		t.Errorf("the first image of Duisburg's page is %s, want its photo, loaded at once", h)
	}
}

// TestEventPictures: an event's picture, uploaded on its edit page, shows on the timeline of its
// city's page, and a general event's on the about page: a thumbnail, sized and lazy.
func TestEventPictures(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	addEditor(t, db)
	site := startSite(t, db)
	b := site.newBrowser(t, "en")
	b.mustSignIn(editorEmail, editorPassword)
	public := site.newBrowser(t, "en")

	duisburg := cityBySlug(t, db, content.Twin, "duisburg")
	cityEvent := queryInt(t, db, `SELECT min(id) FROM events WHERE city_id = $1 AND published AND deleted_at IS NULL`, duisburg.ID)
	general := queryInt(t, db, `SELECT coalesce(min(id), 0) FROM events WHERE city_id IS NULL AND published AND deleted_at IS NULL`)
	if cityEvent == 0 || general == 0 {
		t.Fatalf("the seed has no published event of Duisburg (%d) or in general (%d)", cityEvent, general)
	}
	for _, tc := range []struct {
		id       int64
		alt, on  string
		timeline string
	}{
		{cityEvent, "Signing the agreement", "/en/twin-cities/duisburg", "main .timeline"},
		{general, "The hall of twinned cities", "/en/about", "main .timeline"},
	} {
		path := "/admin/events/" + itoa(tc.id)
		res := b.pressButton(b.mustGet(path), formAt(path), uploadButton(path+"/image"), url.Values{"image_alt_en": {tc.alt}, "image_alt_ru": {"Снимок"}, "image_credit": {"Archive"}},
			map[string]upload{"file": {name: "event.png", contentType: "image/png", data: pngBytes(t, 900, 600)}})
		expectStatus(t, res, http.StatusOK)
		img := public.mustGet(tc.on).doc.Find(tc.timeline + ` img[alt="` + tc.alt + `"]`)
		if img.Length() != 1 || img.AttrOr("loading", "") != "lazy" || img.AttrOr("width", "") == "" || img.AttrOr("height", "") == "" {
			t.Errorf("%s: the timeline shows %d images %q, want one, sized and lazy", tc.on, img.Length(), tc.alt)
			continue
		}
		if credit := squash(img.Closest("figure").Find("figcaption").Text()); credit != "Photo: Archive" {
			t.Errorf("%s: the event's picture credits %q", tc.on, credit)
		}
	}
}
