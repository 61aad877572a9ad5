package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"twincities/internal/content"
	"twincities/internal/postgres/pgtest"
)

// press submits the city's form at path on p with edits, by the button of its n-th photo doing
// action (save, up, down, remove).
func (b *browser) press(p page, path string, n int, action string, edits url.Values) page {
	b.tb.Helper()
	return b.pressButton(p, formAt(path), photoButton(path, n, action), edits, nil)
}

// expectFlash checks that p is the edit page again (200, the typed text kept) with a flash that
// starts with want.
func expectFlash(t *testing.T, p page, want string) {
	t.Helper()
	expectStatus(t, p, http.StatusOK)
	if got := p.flash(); !strings.HasPrefix(got, want+" ") {
		t.Errorf("flash %q, want it to start with %q", got, want)
	}
}

// galleryPhoto is one photo of a city's public gallery as the page shows it.
type galleryPhoto struct {
	alt, caption, credit, link, loading, decoding, width, height string
}

// publicGallery reads the gallery of a city's public page.
func publicGallery(p page) []galleryPhoto {
	var out []galleryPhoto
	p.doc.Find("main section.gallery li figure").Each(func(_ int, f *goquery.Selection) {
		img := f.Find("img")
		out = append(out, galleryPhoto{
			alt: img.AttrOr("alt", "(none)"), caption: squash(f.Find("figcaption .caption").Text()),
			credit: squash(f.Find("figcaption .credit").Text()), link: f.Find("a").AttrOr("href", ""),
			loading: img.AttrOr("loading", ""), decoding: img.AttrOr("decoding", ""),
			width: img.AttrOr("width", ""), height: img.AttrOr("height", ""),
		})
	})
	return out
}

// TestGalleryAdmin adds three photos to a city through its edit page, sets one's words, moves
// it up, removes another, and reads the public page: the photos in order, with their words, sizes
// and lazy loading (all but the first image of the page). Then a revert to the version before
// the first photo empties the gallery again.
func TestGalleryAdmin(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	addEditor(t, db)
	site := startSite(t, db)
	b := site.newBrowser(t, "en")
	b.mustSignIn(editorEmail, editorPassword)
	public := site.newBrowser(t, "en")

	duisburg := cityBySlug(t, db, content.Twin, "duisburg")
	if duisburg.Picture != nil || len(duisburg.Gallery) != 0 {
		t.Fatal("the seed has photos of Duisburg: this test expects none")
	}
	path := twinPath(duisburg.ID)
	add := func(name string, data []byte, words url.Values) {
		t.Helper()
		res := b.pressButton(b.mustGet(path), formAt(path), uploadButton(path+"/gallery/image"), words,
			map[string]upload{"photo_file": {name: name, contentType: "image/png", data: data}})
		expectFlash(t, res, adminEN.FlashPhotoAdded)
	}
	add("harbour.png", pngBytes(t, 1600, 1000), url.Values{"photo_alt_en": {"The inner harbour"}, "photo_alt_ru": {"Внутренняя гавань"},
		"photo_caption_en": {"The harbour in summer"}, "photo_caption_ru": {"Гавань летом"}, "photo_credit": {"A. Photographer"}})
	add("square.png", pngBytes(t, 800, 600), url.Values{"photo_alt_en": {"A square"}, "photo_alt_ru": {"Площадь"}})
	add("bridge.png", pngBytes(t, 600, 900), url.Values{"photo_alt_en": {"A bridge"}, "photo_alt_ru": {"Мост"}})

	// The second photo's words, then it moves up; then the first (now second) goes.
	res := b.press(b.mustGet(path), path, 1, "save", url.Values{"gallery.1.caption_en": {"The town hall square"},
		"gallery.1.caption_ru": {"Площадь у ратуши"}, "gallery.1.credit": {"B. Photographer"}})
	expectFlash(t, res, adminEN.FlashPhotoSaved)
	// A photo's text alternative cannot be emptied: 422, the message at the field, nothing saved.
	res = b.press(b.mustGet(path), path, 1, "save", url.Values{"gallery.1.alt_en": {" "}, "gallery.1.caption_en": {"Typed"}})
	expectStatus(t, res, http.StatusUnprocessableEntity)
	if got := squash(res.doc.Find("#f-gallery-1-alt-en-error").Text()); got != adminEN.Problems[content.ProblemAlt] {
		t.Errorf("emptied text alternative: message %q, want %q", got, adminEN.Problems[content.ProblemAlt])
	}
	if got := res.doc.Find(`[name="gallery.1.caption_en"]`).AttrOr("value", ""); got != "Typed" {
		t.Errorf("the typed caption came back as %q", got)
	}
	if c := cityByID(t, db, duisburg.ID); c.Version != duisburg.Version+4 || c.Gallery[1].Alt.EN != "A square" {
		t.Errorf("a refused save changed the city: version %d, alt %q", c.Version, c.Gallery[1].Alt.EN)
	}
	// Saving the city's own form keeps its photos.
	expectRedirect(t, b.submit(b.mustGet(path), formAt(path), url.Values{"summary_en": {"Changed."}}), path)
	if c := cityByID(t, db, duisburg.ID); len(c.Gallery) != 3 {
		t.Fatalf("after saving the city's form the gallery has %d photos, want 3", len(c.Gallery))
	}
	edit := b.mustGet(path)
	if edit.doc.Find(photoButton(path, 0, "up")).Length() != 0 || edit.doc.Find(photoButton(path, 2, "down")).Length() != 0 {
		t.Error("the first photo can move up or the last down")
	}
	expectFlash(t, b.press(edit, path, 1, "up", nil), adminEN.FlashPhotoMoved)
	expectFlash(t, b.press(b.mustGet(path), path, 1, "remove", nil), adminEN.FlashPhotoRemoved)

	c := cityByID(t, db, duisburg.ID)
	if len(c.Gallery) != 2 || c.Gallery[0].Alt.EN != "A square" || c.Gallery[1].Alt.EN != "A bridge" || c.Version != duisburg.Version+7 {
		t.Fatalf("stored gallery %+v, version %d; want the square, then the bridge, at version %d", c.Gallery, c.Version, duisburg.Version+7)
	}

	// The public page, in both languages.
	for lang, want := range map[string][]galleryPhoto{
		"en": {{alt: "A square", caption: "The town hall square", credit: "Photo: B. Photographer"}, {alt: "A bridge"}},
		"ru": {{alt: "Площадь", caption: "Площадь у ратуши", credit: "Фото: B. Photographer"}, {alt: "Мост"}},
	} {
		got := publicGallery(public.mustGet("/" + lang + "/twin-cities/duisburg"))
		if len(got) != len(want) {
			t.Fatalf("/%s: %d photos in the gallery, want %d", lang, len(got), len(want))
		}
		for i, g := range got {
			w := want[i]
			if g.alt != w.alt || g.caption != w.caption || g.credit != w.credit {
				t.Errorf("/%s photo %d: alt %q, caption %q, credit %q; want %q, %q, %q", lang, i+1, g.alt, g.caption, g.credit, w.alt, w.caption, w.credit)
			}
			if g.link != "/media/"+c.Gallery[i].Display.Hash+".jpg" {
				t.Errorf("/%s photo %d links to %q, not its display size", lang, i+1, g.link)
			}
			if g.width != itoa(int64(c.Gallery[i].Thumb.Width)) || g.height != itoa(int64(c.Gallery[i].Thumb.Height)) || g.decoding != "async" {
				t.Errorf("/%s photo %d: width %q height %q decoding %q; want the thumbnail's %d×%d, async", lang, i+1,
					g.width, g.height, g.decoding, c.Gallery[i].Thumb.Width, c.Gallery[i].Thumb.Height)
			}
			// Duisburg has no main photo: the gallery's first is the first image of the page.
			if wantLoading := map[bool]string{true: "", false: "lazy"}[i == 0]; g.loading != wantLoading {
				t.Errorf("/%s photo %d: loading %q, want %q", lang, i+1, g.loading, wantLoading)
			}
		}
	}

	// With images off: no image, but the words.
	off := public.get("/en/twin-cities/duisburg", "Cookie", "a11y=normal.default.off")
	if n := off.doc.Find("main img").Length(); n != 0 {
		t.Errorf("with images off the page shows %d images", n)
	}
	var alts []string
	off.doc.Find("main section.gallery .img-alt").Each(func(_ int, s *goquery.Selection) { alts = append(alts, squash(s.Text())) })
	if fmt.Sprint(alts) != "[Image: A square Image: A bridge]" {
		t.Errorf("with images off the gallery says %q", alts)
	}
	if got := squash(off.doc.Find("main section.gallery figcaption .caption").First().Text()); got != "The town hall square" {
		t.Errorf("with images off the first caption is %q", got)
	}

	// Back to the version before the first photo: no gallery.
	hist := b.mustGet(path + "/history")
	expectRedirect(t, b.submit(hist, formAt(path+"/revert")+`:has(input[name="to"][value="`+itoa(int64(duisburg.Version))+`"])`, nil), path)
	if c := cityByID(t, db, duisburg.ID); len(c.Gallery) != 0 {
		t.Errorf("after reverting to version %d the gallery has %d photos", duisburg.Version, len(c.Gallery))
	}
	if got := publicGallery(public.mustGet("/en/twin-cities/duisburg")); len(got) != 0 {
		t.Errorf("after the revert the public page shows %d photos", len(got))
	}
}

// TestGalleryFull: a city with content.MaxPhotos photos refuses one more with a clear message
// at the file field, 422, keeping what was typed and changing nothing.
func TestGalleryFull(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	addEditor(t, db)
	b := startSite(t, db).newBrowser(t, "en")
	b.mustSignIn(editorEmail, editorPassword)

	duisburg := cityBySlug(t, db, content.Twin, "duisburg")
	path := twinPath(duisburg.ID)
	exec(t, db, `INSERT INTO image_files (hash, content_type, width, height, data) VALUES (repeat('a', 64), 'image/jpeg', 40, 30, '\xff')`)
	exec(t, db, `INSERT INTO images (display_hash, thumb_hash) VALUES (repeat('a', 64), repeat('a', 64))`)
	exec(t, db, `INSERT INTO city_photos (city_id, position, image_id, alt_ru, alt_en)
		SELECT $1, n, (SELECT min(id) FROM images), 'Вид ' || n, 'View ' || n FROM generate_series(0, $2 - 1) n`, duisburg.ID, content.MaxPhotos)
	before := cityByID(t, db, duisburg.ID)
	if len(before.Gallery) != content.MaxPhotos {
		t.Fatalf("%d photos stored, want %d", len(before.Gallery), content.MaxPhotos)
	}

	typed := url.Values{"photo_alt_en": {"One more view"}, "photo_alt_ru": {"Ещё один вид"}, "photo_caption_en": {"Kept"}}
	res := b.pressButton(b.mustGet(path), formAt(path), uploadButton(path+"/gallery/image"), typed,
		map[string]upload{"photo_file": {name: "more.png", contentType: "image/png", data: pngBytes(t, 64, 48)}})
	expectStatus(t, res, http.StatusUnprocessableEntity)
	want := fmt.Sprintf(adminEN.GalleryFull, content.MaxPhotos)
	if got := squash(res.doc.Find("#f-photo-file-error").Text()); got != want {
		t.Errorf("message at the file: %q, want %q", got, want)
	}
	if res.doc.Find(`.error-summary a[href="#f-photo-file"]`).Length() != 1 {
		t.Error("the summary does not link to the file field")
	}
	for k, v := range typed {
		if got := res.doc.Find(`[name="`+k+`"]`).AttrOr("value", ""); got != v[0] {
			t.Errorf("%s given back as %q, want %q", k, got, v[0])
		}
	}
	if after := cityByID(t, db, duisburg.ID); after.Version != before.Version || len(after.Gallery) != content.MaxPhotos {
		t.Errorf("the refused photo changed the city: version %d (was %d), %d photos", after.Version, before.Version, len(after.Gallery))
	}
	if n := queryInt(t, db, `SELECT count(*) FROM image_files`); n != 1 {
		t.Errorf("%d image files stored, want only the one of the test", n)
	}
}
