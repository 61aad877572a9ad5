package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"twincities/internal/content"
	"twincities/internal/media"
	"twincities/internal/postgres/pgtest"
)

// Issue 11, images in the form: what an editor typed in an entry's form survives every image
// button, and is not saved behind their back.

// typedValue is what the page's control named name holds: a text area's text, or an input's value.
func typedValue(p page, name string) string {
	f := p.doc.Find(`[name="` + name + `"]`).First()
	if goquery.NodeName(f) == "textarea" {
		return strings.TrimPrefix(strings.ReplaceAll(f.Text(), "\r\n", "\n"), "\n")
	}
	return f.AttrOr("value", "")
}

// TestTypedTextSurvivesAnImage types a new English summary into a published city's form, then
// uploads its image, fails to upload one, adds a gallery photo and saves a photo's words, each by
// its button in the same form: every time the typed summary comes back in the form, the page says
// it is not saved, and the public summary stays as it was until the editor saves.
func TestTypedTextSurvivesAnImage(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	addEditor(t, db)
	b := startSite(t, db).newBrowser(t, "en")
	b.mustSignIn(editorEmail, editorPassword)

	duisburg := cityBySlug(t, db, content.Twin, "duisburg")
	if !duisburg.Published {
		t.Fatal("the seed's Duisburg is not published: this test expects it is")
	}
	path := twinPath(duisburg.ID)
	const typed = "Typed by the editor and not saved yet."
	expectKept := func(t *testing.T, p page) {
		t.Helper()
		if got := typedValue(p, "summary_en"); got != typed {
			t.Errorf("the summary came back as %q, want %q", got, typed)
		}
		if c := cityByID(t, db, duisburg.ID); c.Summary.EN != duisburg.Summary.EN {
			t.Errorf("the typed summary was saved on the published city: %q", c.Summary.EN)
		}
	}

	// An upload.
	edits := url.Values{"summary_en": {typed}, "image_alt_en": {"The harbour"}, "image_alt_ru": {"Гавань"}}
	res := b.pressButton(b.mustGet(path), formAt(path), uploadButton(path+"/image"), edits,
		map[string]upload{"file": {name: "harbour.png", contentType: "image/png", data: pngBytes(t, 800, 600)}})
	expectStatus(t, res, http.StatusOK)
	expectKept(t, res)
	if want := adminEN.FlashImage + " " + adminEN.TypedKeptDraft; res.flash() != want {
		t.Errorf("flash %q, want %q", res.flash(), want)
	}
	c := cityByID(t, db, duisburg.ID)
	if c.Picture == nil || res.doc.Find(`.current-image img[src="/media/`+c.Picture.Thumb.Hash+`.jpg"]`).Length() != 1 {
		t.Fatal("the uploaded image is not stored, or not shown on the page that came back")
	}
	if _, ok := findForm(t, res, formAt(path)).Attr("data-unsaved-kept"); !ok {
		t.Error("the form holding unsaved text is not marked for the warning on leaving")
	}
	if typedValue(res, "image_alt_en") != "The harbour" {
		t.Errorf("the image's words show %q, want the stored ones", typedValue(res, "image_alt_en"))
	}

	// Refused uploads: not an image; too large. The typed text and the image's words stay.
	for name, file := range map[string]upload{
		"not an image": {"photo.jpg", "image/jpeg", []byte("Just some text.\n")},
		"too large":    {"huge.png", "image/png", append(pngBytes(t, 8, 8), make([]byte, media.MaxUploadBytes)...)},
	} {
		t.Run(name, func(t *testing.T) {
			b := b.in(t)
			res := b.pressButton(res, formAt(path), uploadButton(path+"/image"), url.Values{"image_credit": {"Kept credit"}},
				map[string]upload{"file": file})
			expectStatus(t, res, http.StatusUnprocessableEntity)
			expectKept(t, res)
			if res.doc.Find("#f-file-error").Length() != 1 {
				t.Error("no message at the file field")
			}
			if got := typedValue(res, "image_credit"); got != "Kept credit" {
				t.Errorf("the credit came back as %q", got)
			}
		})
	}

	// A gallery photo, then its words: the typed summary goes along each time.
	res = b.pressButton(res, formAt(path), uploadButton(path+"/gallery/image"),
		url.Values{"photo_alt_en": {"A bridge"}, "photo_alt_ru": {"Мост"}},
		map[string]upload{"photo_file": {name: "bridge.png", contentType: "image/png", data: pngBytes(t, 600, 400)}})
	expectFlash(t, res, adminEN.FlashPhotoAdded)
	expectKept(t, res)
	res = b.press(res, path, 0, "save", url.Values{"gallery.0.caption_en": {"The bridge at dusk"}})
	expectFlash(t, res, adminEN.FlashPhotoSaved)
	expectKept(t, res)
	if c := cityByID(t, db, duisburg.ID); len(c.Gallery) != 1 || c.Gallery[0].Caption.EN != "The bridge at dusk" {
		t.Errorf("stored gallery %+v", c.Gallery)
	}

	// Saving the form keeps the typed text as the draft; the images stay. A file chosen but not
	// uploaded (a browser sends only its name with a form that is not multipart) is mentioned.
	res = b.pressButton(res, formAt(path), `button[name="do"][value="draft"]`, url.Values{"file": {"forgotten.png"}}, nil)
	expectRedirect(t, res, path)
	saved := b.follow(res)
	if got := typedValue(saved, "summary_en"); got != typed {
		t.Errorf("after saving the draft the summary is %q", got)
	}
	if want := adminEN.FlashDraftSaved + " " + adminEN.FileLeftBehind; saved.flash() != want {
		t.Errorf("flash %q, want %q", saved.flash(), want)
	}
}

// TestReuseFromTheLibrary uses an image uploaded for one city as another's picture and gallery
// photo, without uploading it again, with its own text alternative where none is typed.
func TestReuseFromTheLibrary(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	addEditor(t, db)
	b := startSite(t, db).newBrowser(t, "en")
	b.mustSignIn(editorEmail, editorPassword)

	duisburg := cityBySlug(t, db, content.Twin, "duisburg")
	path := twinPath(duisburg.ID)
	expectStatus(t, b.pressButton(b.mustGet(path), formAt(path), uploadButton(path+"/image"),
		url.Values{"image_alt_en": {"The harbour"}, "image_alt_ru": {"Гавань"}, "image_credit": {"City of Duisburg"}},
		map[string]upload{"file": {name: "harbour.png", contentType: "image/png", data: pngBytes(t, 800, 600)}}), http.StatusOK)
	pic := cityByID(t, db, duisburg.ID).Picture
	files := queryInt(t, db, `SELECT count(*) FROM image_files`)

	qingdao := cityBySlug(t, db, content.Twin, "qingdao")
	qpath := twinPath(qingdao.ID)
	edit := b.mustGet(qpath)
	choice := edit.doc.Find(`input[type="radio"][name="library_image"][value="` + itoa(pic.ImageID) + `"]`)
	if choice.Length() != 1 {
		t.Fatalf("Qingdao's page does not offer the uploaded image for reuse")
	}
	if got := squash(edit.doc.Find(`label[for="` + choice.AttrOr("id", "") + `"]`).Text()); got != "The harbour" {
		t.Errorf("the choice is labelled %q, want its text alternative", got)
	}

	// Nothing chosen: a message at the list, the typed text kept.
	res := b.pressButton(edit, formAt(qpath), reuseButton(qpath+"/image"), url.Values{"summary_en": {"Typed."}}, nil)
	expectStatus(t, res, http.StatusUnprocessableEntity)
	if got := squash(res.doc.Find("#f-library-image-error").Text()); got != adminEN.ReuseNone {
		t.Errorf("message %q, want %q", got, adminEN.ReuseNone)
	}
	if res.doc.Find(`.error-summary a[href="#f-library-image"]`).Length() != 1 || res.doc.Find("#f-library-image").Length() != 1 {
		t.Error("the summary does not link to the list's first choice")
	}
	if typedValue(res, "summary_en") != "Typed." {
		t.Error("the typed summary was lost")
	}

	// As the picture, with its own words; then as a gallery photo, with a typed alternative.
	res = b.pressButton(res, formAt(qpath), reuseButton(qpath+"/image"), url.Values{"library_image": {itoa(pic.ImageID)}}, nil)
	expectFlash(t, res, adminEN.FlashImage)
	res = b.pressButton(res, formAt(qpath), reuseButton(qpath+"/gallery/image"),
		url.Values{"library_image": {itoa(pic.ImageID)}, "photo_alt_en": {"Duisburg’s harbour"}}, nil)
	expectFlash(t, res, adminEN.FlashPhotoAdded)
	if typedValue(res, "summary_en") != "Typed." {
		t.Error("the typed summary was lost")
	}
	q := cityByID(t, db, qingdao.ID)
	if q.Picture == nil || q.Picture.ImageID != pic.ImageID || q.Picture.Alt != pic.Alt || q.Picture.Credit != "City of Duisburg" {
		t.Errorf("Qingdao's picture %+v, want the image %d with its words", q.Picture, pic.ImageID)
	}
	if len(q.Gallery) != 1 || q.Gallery[0].ImageID != pic.ImageID || q.Gallery[0].Alt != (content.Text{RU: "Гавань", EN: "Duisburg’s harbour"}) {
		t.Errorf("Qingdao's gallery %+v", q.Gallery)
	}
	if n := queryInt(t, db, `SELECT count(*) FROM image_files`); n != files {
		t.Errorf("reusing stored %d more image files", n-files)
	}
	// An image that is not there is refused in words; a body no form of ours sends, with 400.
	res = b.pressButton(res, formAt(qpath), reuseButton(qpath+"/image"), url.Values{"library_image": {"999999"}}, nil)
	expectStatus(t, res, http.StatusUnprocessableEntity)
	if got := squash(res.doc.Find("#f-library-image-error").Text()); got != adminEN.ReuseGone {
		t.Errorf("message %q, want %q", got, adminEN.ReuseGone)
	}
	expectStatus(t, b.post(qpath+"/image", nil), http.StatusBadRequest)
}
