package web_test

import (
	"net/http"
	"testing"

	"twincities/internal/content"
	"twincities/internal/postgres/pgtest"
)

func TestAdminLanguageSwitch(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	addEditor(t, db)
	b := startSite(t, db).newBrowser(t, "en")
	b.mustSignIn(editorEmail, editorPassword)

	dash := b.mustGet("/admin/twin-cities?state=published")
	if lang := dash.doc.Find("html").AttrOr("lang", ""); lang != "en" {
		t.Fatalf("the admin is in %q for an English browser", lang)
	}
	res := b.submit(dash, formAt("/admin/language"), nil)
	expectRedirect(t, res, "/admin/twin-cities?state=published")
	ru := b.follow(res)
	if lang := ru.doc.Find("html").AttrOr("lang", ""); lang != "ru" {
		t.Errorf("after switching, the admin is in %q, want ru", lang)
	}
	if h1 := squash(ru.doc.Find("h1").Text()); h1 != "Города-побратимы" {
		t.Errorf("after switching, the heading is %q", h1)
	}
	// Kept: the next page is in Russian too, whatever the browser asks for.
	if lang := b.mustGet("/admin/").doc.Find("html").AttrOr("lang", ""); lang != "ru" {
		t.Errorf("the choice was not kept: %q", lang)
	}
}

// A page shown in answer to a form (a refused publish, an image refused) has the address of the
// form's action, which answers POST only. Switching the language there must lead to a page.
func TestAdminLanguageSwitchOnAPageAnsweringAForm(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	addEditor(t, db)
	b := startSite(t, db).newBrowser(t, "en")
	b.mustSignIn(editorEmail, editorPassword)

	qingdao := cityBySlug(t, db, content.Twin, "qingdao")
	path := twinPath(qingdao.ID)
	refused := b.pressButton(b.mustGet(path), formAt(path), uploadButton(path+"/image"), nil,
		map[string]upload{"file": {name: "photo.jpg", contentType: "image/jpeg", data: []byte("not a photo")}})
	expectStatus(t, refused, http.StatusUnprocessableEntity)

	res := b.submit(refused, formAt("/admin/language"), nil)
	if res.status != http.StatusSeeOther {
		t.Fatalf("language switch: status %d", res.status)
	}
	if landed := b.follow(res); landed.status != http.StatusOK {
		t.Errorf("switching the language on %s leads to %s, which answers %d; want a page (200)",
			refused.path, res.location(), landed.status)
	}
}
