package web_test

import (
	"net/http"
	"net/url"
	"strconv"
	"testing"

	"twincities/internal/content"
	"twincities/internal/postgres/pgtest"
)

// A NUL byte, broken UTF-8 or a control character in any field of any form used to reach the
// database, which refused it: a 500, and what the person typed was lost. Now the field is marked,
// the form comes back with everything typed, and nothing is stored. Names and addresses refuse
// the invisible characters that make text read backwards or two names look alike.
func TestUntypableCharactersAreRefusedAtTheirField(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	addEditor(t, db)
	addAdmin(t, db)
	site := startSite(t, db)
	editor := site.newBrowser(t, "en")
	editor.mustSignIn(editorEmail, editorPassword)
	admin := site.newBrowser(t, "en")
	admin.mustSignIn(adminEmail, adminPassword)
	about := queryInt(t, db, `SELECT id FROM pages WHERE key = 'about'`)
	aboutPath := "/admin/pages/" + strconv.FormatInt(about, 10)

	cases := []struct {
		name   string
		who    *browser
		path   string // the form's page and address
		edits  url.Values
		field  string // the field marked
		kept   string // a field whose typed value must come back
		counts string // a query whose answer must not change
	}{
		{"NUL in a city's name", editor, "/admin/twin-cities/new",
			url.Values{"slug": {"nantes"}, "name_ru": {"Нант"}, "name_en": {"Nan\x00tes"}, "country": {"FR"}},
			"name_en", "slug", `SELECT count(*) FROM cities`},
		{"broken UTF-8 in a city's region", editor, "/admin/partner-cities/new",
			url.Values{"slug": {"kazan"}, "name_ru": {"Казань"}, "country": {"RU"}, "region_en": {"Tatar\xffstan"}},
			"region_en", "slug", `SELECT count(*) FROM cities`},
		{"a control character in a summary", editor, "/admin/twin-cities/new",
			url.Values{"slug": {"nantes"}, "name_ru": {"Нант"}, "country": {"FR"}, "summary_ru": {"Город\x1bна Луаре"}},
			"summary_ru", "slug", `SELECT count(*) FROM cities`},
		{"a right-to-left override in a name", editor, "/admin/twin-cities/new",
			url.Values{"slug": {"nantes"}, "name_ru": {"\u202eтнаН"}, "country": {"FR"}},
			"name_ru", "slug", `SELECT count(*) FROM cities`},
		{"a zero-width space in an organisation's name", editor, "/admin/organizations/new",
			url.Values{"slug": {"union"}, "name_en": {"Union\u200bof Cities"}, "name_ru": {"Союз городов"}},
			"name_en", "slug", `SELECT count(*) FROM organizations`},
		{"a line break in a one-line field", editor, "/admin/organizations/new",
			url.Values{"slug": {"union"}, "name_ru": {"Союз"}, "short_name_en": {"Uni\non"}},
			"short_name_en", "slug", `SELECT count(*) FROM organizations`},
		{"DEL in an event's text", editor, "/admin/events/new",
			url.Values{"date.year": {"2017"}, "title_ru": {"Выставка"}, "text_en": {"An exhibition\x7f"}},
			"text_en", "date", `SELECT count(*) FROM events`},
		{"NUL in an event's link", editor, "/admin/events/new",
			url.Values{"date.year": {"2017"}, "title_ru": {"Выставка"}, "link": {"https://perm.example/\x00"}},
			"link", "date", `SELECT count(*) FROM events`},
		{"broken UTF-8 in an award's title", editor, "/admin/awards/new",
			url.Values{"date.year": {"2019"}, "title_ru": {"Премия\xc3"}},
			"title_ru", "date", `SELECT count(*) FROM awards`},
		{"NUL in an editor's note", editor, "/admin/awards/new",
			url.Values{"date.year": {"2019"}, "title_ru": {"Премия"}, "editor_note": {"проверить\x00"}},
			"editor_note", "date", `SELECT count(*) FROM awards`},
		{"NUL in a text page's title", editor, aboutPath,
			url.Values{"title_en": {"About\x00"}},
			"title_en", "body_en", `SELECT version FROM pages WHERE key = 'about'`},
		{"NUL in a colleague's name", admin, "/admin/users/new",
			url.Values{"name": {"Ivan\x00"}, "email": {"ivan@perm.example"}, "password": {"Kama river at dusk 1723"},
				"password2": {"Kama river at dusk 1723"}},
			"name", "email", `SELECT count(*) FROM users`},
		{"broken UTF-8 in a colleague's e-mail", admin, "/admin/users/new",
			url.Values{"name": {"Иван"}, "email": {"iv\xe2n@perm.example"}, "password": {"Kama river at dusk 1723"},
				"password2": {"Kama river at dusk 1723"}},
			"email", "name", `SELECT count(*) FROM users`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			who := c.who.in(t)
			before := queryInt(t, db, c.counts)
			form := who.mustGet(c.path)
			want := formFields(findForm(t, form, formAt(c.path))).Get(c.kept)
			if v, ok := c.edits[c.kept]; ok {
				want = v[0]
			}
			res := who.submit(form, formAt(c.path), c.edits)
			expectStatus(t, res, http.StatusUnprocessableEntity)
			expectFieldError(t, res, c.field, adminEN.Problems[content.ProblemCharacters])
			kept := res.doc.Find("#f-" + fieldID(c.kept))
			got := kept.AttrOr("value", "")
			if goquery := kept.Nodes; len(goquery) == 1 && goquery[0].Data == "textarea" {
				got = lf(kept.Text())
			}
			if got != lf(want) {
				t.Errorf("%s came back as %q, want what was typed, %q", c.kept, got, want)
			}
			if after := queryInt(t, db, c.counts); after != before {
				t.Errorf("%s: %d before, %d after: the refused form changed something", c.counts, before, after)
			}
		})
	}
}

// fieldID is the HTML id of a form field, after "f-".
func fieldID(field string) string {
	out := []rune(field)
	for i, r := range out {
		if r == '_' || r == '.' {
			out[i] = '-'
		}
	}
	return string(out)
}

// A picture's text alternative is checked like any text: a NUL in it is marked, and no image is
// set.
func TestUntypableAltTextIsRefused(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	addEditor(t, db)
	b := startSite(t, db).newBrowser(t, "en")
	b.mustSignIn(editorEmail, editorPassword)
	city := cityBySlug(t, db, content.Twin, "duisburg")
	path := twinPath(city.ID)
	res := b.postMultipart(path+"/image", url.Values{"version": {strconv.Itoa(city.Version)},
		"image_alt_ru": {"Вид на Рейн\x00"}, "image_alt_en": {"The Rhine"}},
		map[string]upload{"file": {name: "photo.png", contentType: "image/png", data: pngBytes(t, 640, 480)}})
	expectStatus(t, res, http.StatusUnprocessableEntity)
	expectFieldError(t, res, "image_alt_ru", adminEN.Problems[content.ProblemCharacters])
	if c := cityByID(t, db, city.ID); c.Picture != nil || c.Version != city.Version {
		t.Errorf("the refused upload changed the city: picture %v, version %d", c.Picture, c.Version)
	}
}

// The sign-in e-mail and the admin's searches with such bytes are refused with a page that says
// so, never a 500; the public site answers 404 for addresses holding them.
func TestUntypableCharactersOutsideFormsAreRefusedCalmly(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	addEditor(t, db)
	site := startSite(t, db)

	for _, email := range []string{"editor\x00@perm.example", "edit\xffor@perm.example", "editor@perm.example\u202e"} {
		res := site.newBrowser(t, "en").signIn(email, editorPassword)
		expectStatus(t, res, http.StatusUnprocessableEntity)
		if msg := squash(res.doc.Find(".error-summary").Text()); msg != adminEN.Problems[content.ProblemCharacters] {
			t.Errorf("sign-in as %q says %q", email, msg)
		}
	}

	b := site.newBrowser(t, "en")
	b.mustSignIn(editorEmail, editorPassword)
	for _, q := range []string{"%00", "%FF", "Duis%00burg", "%1B"} {
		res := b.get("/admin/twin-cities?q=" + q)
		expectStatus(t, res, http.StatusBadRequest)
		if msg := squash(res.doc.Find("main p").First().Text()); msg == "" {
			t.Errorf("search %s: a 400 without a word of explanation", q)
		}
	}
	for _, path := range []string{"/ru/twin-cities/%00", "/en/twin-cities/duis%FFburg", "/ru/memberships/%00", "/en/%00", "/%FF"} {
		if res := b.get(path); res.status != http.StatusNotFound {
			t.Errorf("GET %s: status %d, want 404", path, res.status)
		}
	}
}
