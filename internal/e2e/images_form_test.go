package e2e_test

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"twincities/internal/content"
	"twincities/internal/i18n"
	"twincities/internal/store"
)

// Issue 11, images in the form.

// TestTypedTextSurvivesAnImageUpload follows an editor in a real browser: they type a new
// English summary into a published city's form, choose a real image file in the form's file
// input, give its text alternative and press "Upload". The page that comes back shows the image
// and still holds the typed summary, and says it is not saved yet. Then, having typed a little
// more, leaving the page asks first (beforeunload); saving does not.
func TestTypedTextSurvivesAnImageUpload(t *testing.T) {
	t.Parallel()
	s := startSite(t)
	password := s.addStaff(t, "editor@example.org", "Анна Смирнова", content.Editor)
	ctx := tab(t, 1280)
	city, err := store.CityBySlug(context.Background(), s.DB, content.Twin, "duisburg", false)
	if err != nil {
		t.Fatal(err)
	}
	signIn(t, ctx, s, "editor@example.org", password)
	edit := fmt.Sprintf("%s/admin/twin-cities/%d", s.URL, city.ID)
	const words = "Typed before the upload"

	file := filepath.Join(t.TempDir(), "harbour.png")
	if err := os.WriteFile(file, testPNG(t, 900, 600), 0o644); err != nil {
		t.Fatal(err)
	}
	open(t, ctx, edit)
	eval[bool](t, ctx, `(() => { document.getElementById("f-summary-en").value = ""; return true })()`)
	do(t, ctx, chromedp.SendKeys(chromedp.ID("f-summary-en"), words),
		chromedp.SendKeys(chromedp.ID("f-image-alt-en"), "The harbour"),
		chromedp.SendKeys(chromedp.ID("f-image-alt-ru"), "Гавань"),
		chromedp.SetUploadFiles(chromedp.ID("f-file"), []string{file}))
	upload := fmt.Sprintf(`button[formaction="/admin/twin-cities/%d/image"]:not([name])`, city.ID)
	if st := follow(t, ctx, chromedp.Click(chromedp.CSS(upload))); st != 200 {
		t.Fatalf("Upload: status %d", st)
	}
	if got := eval[string](t, ctx, `document.getElementById("f-summary-en").value`); got != words {
		t.Errorf("after the upload the summary holds %q, want %q", got, words)
	}
	if !eval[bool](t, ctx, `(() => { const i = document.querySelector(".current-image img");
		return !!i && i.complete && i.naturalWidth > 0 && i.alt === "The harbour" })()`) {
		t.Error("the uploaded image is not shown")
	}
	if got := text(t, ctx, ".flash"); !strings.Contains(got, i18n.AdminFor(content.RU).TypedKeptDraft) &&
		!strings.Contains(got, i18n.AdminFor(content.EN).TypedKeptDraft) {
		t.Errorf("after the upload the page says %q", got)
	}
	cur, err := store.Cities.Get(context.Background(), s.DB, city.ID)
	if err != nil {
		t.Fatal(err)
	}
	if cur.Summary.EN == words {
		t.Error("the upload published the typed summary")
	}
	checkAxe(t, ctx, "the edit page after an upload, with the typed text kept")

	// Leaving with unsaved text asks first; the browser's dialog is accepted.
	dialogs := make(chan page.DialogType, 4)
	if err := chromedp.Listen(ctx, func(ev any) {
		if ev, ok := ev.(*page.EventJavascriptDialogOpening); ok {
			dialogs <- ev.Type
			go chromedp.Run(ctx, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
				_, err := cdp.Call(ctx, t, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: true})
				return err
			}))
		}
	}); err != nil {
		t.Fatal(err)
	}
	do(t, ctx, chromedp.SendKeys(chromedp.ID("f-summary-en"), "!"))
	open(t, ctx, s.URL+"/admin/")
	select {
	case typ := <-dialogs:
		if typ != page.DialogTypeBeforeunload {
			t.Errorf("leaving opened a %s dialog, want beforeunload", typ)
		}
	default:
		t.Error("leaving the page with unsaved text did not ask first")
	}

	// Saving is not leaving: no question.
	open(t, ctx, edit)
	do(t, ctx, chromedp.SendKeys(chromedp.ID("f-summary-en"), " again"))
	if st := follow(t, ctx, chromedp.Click(chromedp.CSS(`button[name="do"][value="draft"]`))); st != 200 {
		t.Fatalf("Save draft: status %d", st)
	}
	select {
	case typ := <-dialogs:
		t.Errorf("saving opened a %s dialog", typ)
	default:
	}
}

// TestMediaLibraryAxe checks the media library, with an image in it, and an entry's edit page
// offering it for reuse, with axe-core.
func TestMediaLibraryAxe(t *testing.T) {
	t.Parallel()
	s := startSite(t)
	password := s.addStaff(t, "editor@example.org", "Анна Смирнова", content.Editor)
	ctx := tab(t, 1280)
	city, err := store.CityBySlug(context.Background(), s.DB, content.Twin, "duisburg", false)
	if err != nil {
		t.Fatal(err)
	}
	addPhoto(t, s, city)
	signIn(t, ctx, s, "editor@example.org", password)
	if st := open(t, ctx, s.URL+"/admin/media"); st != 200 {
		t.Fatalf("/admin/media: status %d", st)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll("table.media-library tbody tr").length`); n < 3 {
		t.Errorf("the library lists %d images, want the city's three at least", n)
	}
	checkAxe(t, ctx, "/admin/media")
	open(t, ctx, fmt.Sprintf("%s/admin/twin-cities/%d", s.URL, city.ID))
	checkAxe(t, ctx, "the edit page of a city with photos, offering images for reuse")
}

// testPNG is a w×h PNG picture with a gradient, as a camera's photo would not be but a real
// image file is.
func testPNG(t *testing.T, w, h int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.Set(x, y, color.RGBA{R: uint8(x / 4), G: uint8(y / 3), B: 90, A: 255})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
