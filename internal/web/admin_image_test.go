package web_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"twincities/internal/content"
	"twincities/internal/media"
	"twincities/internal/postgres/pgtest"
)

// testPicture is a w×h picture with a gradient, so that it is not trivially compressible.
func testPicture(w, h int) image.Image {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.Set(x, y, color.RGBA{R: uint8(x * 255 / w), G: uint8(y * 255 / h), B: uint8((x + y) % 256), A: 255})
		}
	}
	return img
}

func pngBytes(tb testing.TB, w, h int) []byte {
	tb.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, testPicture(w, h)); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

func jpegBytes(tb testing.TB, w, h int) []byte {
	tb.Helper()
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, testPicture(w, h), &jpeg.Options{Quality: 90}); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

var mediaURL = regexp.MustCompile(`^/media/([0-9a-f]{64})\.jpg$`)

// mediaImages lists the uploaded images of a page: src and alt of each <img> served from /media.
func mediaImages(p page) [][2]string {
	var out [][2]string
	p.doc.Find("main img").Each(func(_ int, img *goquery.Selection) {
		if src := img.AttrOr("src", ""); strings.HasPrefix(src, "/media/") {
			out = append(out, [2]string{src, img.AttrOr("alt", "")})
		}
	})
	return out
}

// expectMediaFile fetches an image file and checks it is a JPEG named by the hash of its bytes,
// cached for a year.
func expectMediaFile(tb testing.TB, b *browser, src string) image.Config {
	tb.Helper()
	m := mediaURL.FindStringSubmatch(src)
	if m == nil {
		tb.Fatalf("image address %q is not /media/<64 hex>.jpg", src)
	}
	res := b.get(src)
	expectStatus(tb, res, http.StatusOK)
	if ct := res.header.Get("Content-Type"); ct != "image/jpeg" {
		tb.Errorf("GET %s: Content-Type %q, want image/jpeg", src, ct)
	}
	if cc := res.header.Get("Cache-Control"); cc != "public, max-age=31536000, immutable" {
		tb.Errorf("GET %s: Cache-Control %q", src, cc)
	}
	sum := sha256.Sum256([]byte(res.body))
	if hex.EncodeToString(sum[:]) != m[1] {
		tb.Errorf("GET %s: the name is not the SHA-256 of the bytes", src)
	}
	cfg, format, err := image.DecodeConfig(strings.NewReader(res.body))
	if err != nil || format != "jpeg" {
		tb.Fatalf("GET %s: not a JPEG: %v %q", src, err, format)
	}
	return cfg
}

func TestImageUpload(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	addEditor(t, db)
	site := startSite(t, db)
	b := site.newBrowser(t, "en")
	b.mustSignIn(editorEmail, editorPassword)
	public := site.newBrowser(t, "en")

	duisburg := cityBySlug(t, db, content.Twin, "duisburg")
	path := twinPath(duisburg.ID)
	alt := url.Values{
		"image_alt_en": {"The inner harbour of Duisburg"}, "image_alt_ru": {"Внутренняя гавань Дуйсбурга"},
		"image_credit": {"City of Duisburg"},
	}
	res := b.pressButton(b.mustGet(path), formAt(path), uploadButton(path+"/image"), alt,
		map[string]upload{"file": {name: "harbour.png", contentType: "image/png", data: pngBytes(t, 2000, 1200)}})
	// The page comes back (200), not a redirect: what was typed in the form is in it.
	expectStatus(t, res, http.StatusOK)
	edit := res
	if got := edit.flash(); !strings.HasPrefix(got, adminEN.FlashImage+" ") {
		t.Errorf("flash %q, want it to start with %q", got, adminEN.FlashImage)
	}
	c := cityByID(t, db, duisburg.ID)
	if c.Picture == nil {
		t.Fatal("no picture stored")
	}
	if c.Version != duisburg.Version+1 || c.Picture.Alt.EN != "The inner harbour of Duisburg" || c.Picture.Alt.RU != "Внутренняя гавань Дуйсбурга" ||
		c.Picture.Credit != "City of Duisburg" || c.Picture.Display.ContentType != "image/jpeg" {
		t.Errorf("stored: version %d, picture %+v", c.Version, *c.Picture)
	}
	if n := queryInt(t, db, `SELECT count(*) FROM audit_log WHERE entity = 'city' AND entity_id = $1 AND action = 'update'`, itoa(duisburg.ID)); n != 1 {
		t.Errorf("%d audit lines for the upload, want 1", n)
	}
	// The edit page shows it (and offers it for reuse, below, as a decorative thumbnail).
	if imgs := mediaImages(edit); len(imgs) != 2 || imgs[0][1] != "The inner harbour of Duisburg" || imgs[1] != [2]string{imgs[0][0], ""} {
		t.Errorf("the edit page shows images %q", imgs)
	}

	// The public page shows it, with its text alternative in the page's language.
	display := "/media/" + c.Picture.Display.Hash + ".jpg"
	for lang, want := range map[string]string{"en": "The inner harbour of Duisburg", "ru": "Внутренняя гавань Дуйсбурга"} {
		imgs := mediaImages(public.mustGet("/" + lang + "/twin-cities/duisburg"))
		if len(imgs) != 1 || !mediaURL.MatchString(imgs[0][0]) || imgs[0][1] != want {
			t.Errorf("/%s/twin-cities/duisburg shows uploaded images %q, want one /media/<hash>.jpg with alt %q", lang, imgs, want)
			continue
		}
		display = imgs[0][0]
	}
	cfg := expectMediaFile(t, public, display)
	if cfg.Width != media.DisplayMaxWidth || cfg.Height != media.DisplayMaxWidth*1200/2000 {
		t.Errorf("display size %d×%d, want the 2000×1200 upload scaled down to %d×%d", cfg.Width, cfg.Height,
			media.DisplayMaxWidth, media.DisplayMaxWidth*1200/2000)
	}
	expectMediaFile(t, public, "/media/"+c.Picture.Thumb.Hash+".jpg")
	expectStatus(t, public.get("/media/"+strings.Repeat("0", 64)+".jpg"), http.StatusNotFound)
	expectStatus(t, public.get("/media/..%2f..%2fetc%2fpasswd"), http.StatusNotFound)

	// A JPEG replaces it.
	res = b.pressButton(b.mustGet(path), formAt(path), uploadButton(path+"/image"), alt,
		map[string]upload{"file": {name: "harbour.jpg", contentType: "image/jpeg", data: jpegBytes(t, 640, 480)}})
	expectStatus(t, res, http.StatusOK)
	if c2 := cityByID(t, db, duisburg.ID); c2.Picture == nil || c2.Picture.Display.Hash == c.Picture.Display.Hash {
		t.Error("the JPEG did not replace the picture")
	} else {
		expectMediaFile(t, public, "/media/"+c2.Picture.Display.Hash+".jpg")
	}
}

func TestImageUploadRefusals(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	addEditor(t, db)
	b := startSite(t, db).newBrowser(t, "en")
	b.mustSignIn(editorEmail, editorPassword)

	duisburg := cityBySlug(t, db, content.Twin, "duisburg")
	path := twinPath(duisburg.ID)
	alt := url.Values{"image_alt_en": {"A photo"}, "image_alt_ru": {"Фотография"}}
	tooBig := append(pngBytes(t, 8, 8), make([]byte, media.MaxUploadBytes)...)

	for _, tc := range []struct {
		name   string
		edits  url.Values
		file   upload
		field  string
		msg    string
		status []int
	}{
		{"text named photo.jpg", alt, upload{"photo.jpg", "image/jpeg", []byte("Just some text, not a photograph at all.\n")},
			"file", adminEN.ImageNotImage, []int{http.StatusUnprocessableEntity}},
		{"HTML named photo.png", alt, upload{"photo.png", "image/png", []byte("<html><script>alert(1)</script></html>")},
			"file", adminEN.ImageNotImage, []int{http.StatusUnprocessableEntity}},
		{"no Russian alt", url.Values{"image_alt_en": {"A photo"}, "image_alt_ru": {"  "}},
			upload{"photo.png", "image/png", pngBytes(t, 64, 48)}, "image_alt_ru", adminEN.Problems[content.ProblemAlt] + " " + adminEN.ChooseFileAgain,
			[]int{http.StatusUnprocessableEntity}},
		{"no English alt", url.Values{"image_alt_en": {""}, "image_alt_ru": {"Фотография"}},
			upload{"photo.png", "image/png", pngBytes(t, 64, 48)}, "image_alt_en", adminEN.Problems[content.ProblemAlt] + " " + adminEN.ChooseFileAgain,
			[]int{http.StatusUnprocessableEntity}},
		{"over 10 MB", alt, upload{"huge.png", "image/png", tooBig}, "file", adminEN.ImageTooLarge,
			[]int{http.StatusUnprocessableEntity, http.StatusRequestEntityTooLarge}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := b.in(t)
			res := b.pressButton(b.mustGet(path), formAt(path), uploadButton(path+"/image"), tc.edits, map[string]upload{"file": tc.file})
			if !containsInt(tc.status, res.status) {
				t.Fatalf("status %d, want one of %v\n%s", res.status, tc.status, excerpt(res))
			}
			id := "f-" + strings.ReplaceAll(tc.field, "_", "-")
			if got := squash(res.doc.Find("#" + id + "-error").Text()); got != tc.msg {
				t.Errorf("message by %s: %q, want %q", tc.field, got, tc.msg)
			}
			if res.doc.Find(`.error-summary a[href="#`+id+`"]`).Length() != 1 {
				t.Errorf("the summary does not link to #%s", id)
			}
			if tc.field != "file" {
				for k, v := range tc.edits {
					if got := res.doc.Find(`[name="`+k+`"]`).AttrOr("value", ""); strings.TrimSpace(v[0]) != "" && got != v[0] {
						t.Errorf("%s kept as %q, want %q", k, got, v[0])
					}
				}
			}
			c := cityByID(t, db, duisburg.ID)
			if c.Picture != nil || c.Version != duisburg.Version {
				t.Errorf("a refused upload changed the city: version %d, picture %v", c.Version, c.Picture)
			}
		})
	}
	if n := queryInt(t, db, `SELECT count(*) FROM image_files`); n != 0 {
		t.Errorf("refused uploads stored %d image files", n)
	}
}

func containsInt(list []int, v int) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}
