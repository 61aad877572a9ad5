package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"twincities/internal/content"
	"twincities/internal/postgres/pgtest"
)

// TestMediaLibrary lists the uploaded images in both languages, with their text alternative and
// where each is used, in pages; refuses a page number that is not one in words; and is for staff
// only.
func TestMediaLibrary(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	addEditor(t, db)
	site := startSite(t, db)
	b := site.newBrowser(t, "en")
	b.mustSignIn(editorEmail, editorPassword)

	duisburg := cityBySlug(t, db, content.Twin, "duisburg")
	path := twinPath(duisburg.ID)
	expectStatus(t, b.pressButton(b.mustGet(path), formAt(path), uploadButton(path+"/image"),
		url.Values{"image_alt_en": {"The harbour"}, "image_alt_ru": {"Гавань"}},
		map[string]upload{"file": {name: "harbour.png", contentType: "image/png", data: pngBytes(t, 800, 600)}}), http.StatusOK)
	pic := cityByID(t, db, duisburg.ID).Picture
	// Thirty images nobody uses, older than the harbour: the library has two pages.
	exec(t, db, `INSERT INTO images (display_hash, thumb_hash, created_at)
		SELECT display_hash, thumb_hash, now() - interval '1 day' FROM images, generate_series(1, 30)`)

	for _, tc := range []struct {
		lang, title, alt, unused string
	}{
		{"en", adminEN.Media, "The harbour", adminEN.MediaUnused},
		{"ru", adminRU.Media, "Гавань", adminRU.MediaUnused},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			b := site.newBrowser(t, tc.lang)
			b.mustSignIn(editorEmail, editorPassword)
			p := b.mustGet("/admin/media")
			if got := squash(p.doc.Find("h1").Text()); got != tc.title {
				t.Errorf("heading %q, want %q", got, tc.title)
			}
			if p.doc.Find(`nav a[href="/admin/media"][aria-current="true"]`).Length() != 1 {
				t.Error("the menu has no current entry for the media library")
			}
			rows := p.doc.Find("table.media-library tbody tr")
			if rows.Length() != 24 {
				t.Fatalf("%d rows on the first page, want 24", rows.Length())
			}
			first := rows.First()
			if src := first.Find("img").AttrOr("src", ""); src != "/media/"+pic.Thumb.Hash+".jpg" {
				t.Errorf("the newest image shows %q", src)
			}
			if got := squash(first.Find("td").Eq(1).Text()); got != tc.alt {
				t.Errorf("text alternative %q, want %q", got, tc.alt)
			}
			use := first.Find("td").Eq(2).Find("a")
			if use.AttrOr("href", "") != "/admin/go/city/"+itoa(duisburg.ID) || squash(use.Text()) != duisburg.Name.In(content.Lang(tc.lang)) {
				t.Errorf("used in: %q → %q", squash(use.Text()), use.AttrOr("href", ""))
			}
			if got := squash(rows.Eq(1).Find("td").Eq(2).Text()); got != tc.unused {
				t.Errorf("an unused image says %q, want %q", got, tc.unused)
			}
			next := p.doc.Find(`nav.pager a[rel="next"]`).AttrOr("href", "")
			if next != "/admin/media?page=2" {
				t.Fatalf("next page %q", next)
			}
			p2 := b.mustGet(next)
			if n := p2.doc.Find("table.media-library tbody tr").Length(); n != 31-24 {
				t.Errorf("%d rows on the second page, want %d", n, 31-24)
			}
			if p2.doc.Find(`nav.pager a[rel="next"]`).Length() != 0 || p2.doc.Find(`nav.pager a[rel="prev"]`).AttrOr("href", "") != "/admin/media?page=1" {
				t.Error("the last page's links are wrong")
			}
		})
	}

	for _, bad := range []string{"0", "-1", "x", "99999999999999999999"} {
		res := b.get("/admin/media?page=" + bad)
		expectStatus(t, res, http.StatusBadRequest)
		if !strings.Contains(res.text(), adminEN.MediaBadPage) {
			t.Errorf("page=%s: the refusal does not say why", bad)
		}
	}

	// Signed out: to the sign-in page, and no image listed.
	anon := site.newBrowser(t, "en")
	res := anon.get("/admin/media")
	if res.status != http.StatusSeeOther || !strings.HasPrefix(res.location(), "/admin/login") {
		t.Errorf("signed out: %d to %q, want the sign-in page", res.status, res.location())
	}
}

// TestImageButtonsRefuseCrossOrigin: the image buttons' addresses, like every form's, refuse a
// request another site makes the browser send, and change nothing.
func TestImageButtonsRefuseCrossOrigin(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	addEditor(t, db)
	b := startSite(t, db).newBrowser(t, "en")
	b.mustSignIn(editorEmail, editorPassword)
	duisburg := cityBySlug(t, db, content.Twin, "duisburg")
	path := twinPath(duisburg.ID)
	v := url.Values{"version": {itoa(int64(duisburg.Version))}, "image_alt_en": {"A"}, "image_alt_ru": {"Б"}}
	for _, co := range crossOrigin {
		t.Run(co.name, func(t *testing.T) {
			b := b.in(t)
			file := map[string]upload{"file": {name: "a.png", contentType: "image/png", data: pngBytes(t, 64, 48)}}
			expectStatus(t, b.postMultipart(path+"/image", v, file, co.header...), http.StatusForbidden)
			expectStatus(t, b.postMultipart(path+"/gallery/image", url.Values{"version": v["version"], "use": {"library"}, "library_image": {"1"}}, nil, co.header...), http.StatusForbidden)
			expectStatus(t, b.post(path+"/image/remove", v, co.header...), http.StatusForbidden)
		})
	}
	if c := cityByID(t, db, duisburg.ID); c.Version != duisburg.Version {
		t.Errorf("cross-origin requests changed the city: version %d", c.Version)
	}
	if n := queryInt(t, db, `SELECT count(*) FROM image_files`); n != 0 {
		t.Errorf("cross-origin requests stored %d image files", n)
	}
}
