package content_test

import (
	"testing"

	"twincities/internal/content"
)

func TestUntypableAt(t *testing.T) {
	t.Parallel()
	cases := []struct {
		s         string
		multiline bool
		want      int
	}{
		{"", false, -1},
		{"Пермь — Дуйсбург, 2007", false, -1},
		{"tab\there", false, 3},
		{"tab\there", true, -1},
		{"two\nlines", false, 3},
		{"two\nlines", true, -1},
		{"carriage\rreturn", true, 8}, // the web layer turns CR LF into LF; a lone CR is no line break
		{"nul\x00", true, 3},
		{"esc\x1b[31m", true, 3},
		{"del\x7f", true, 3},
		{"c1\u0085", true, 2}, // NEL
		{"broken\xff", true, 6},
		{"cut \xd0", true, 4}, // half a Cyrillic letter
		{"typed \uFFFD replacement", false, -1},
		{"emoji 🇩🇪 and accents é", false, -1},
	}
	for _, c := range cases {
		if got := content.UntypableAt(c.s, c.multiline); got != c.want {
			t.Errorf("UntypableAt(%q, %v) = %d, want %d", c.s, c.multiline, got, c.want)
		}
		if got := content.Typable(c.s, c.multiline); got != (c.want < 0) {
			t.Errorf("Typable(%q, %v) = %v", c.s, c.multiline, got)
		}
	}
}

func TestHasInvisible(t *testing.T) {
	t.Parallel()
	for _, s := range []string{"\u202eтнаН", "Duis\u200bburg", "a\u200db", "\ufeffPerm", "Per\u00adm", "x\u2066y\u2069", "\u200fA"} {
		if !content.HasInvisible(s) {
			t.Errorf("HasInvisible(%q) = false", s)
		}
	}
	for _, s := range []string{"", "Пермь", "Nizhny Novgorod", "Qingdao 青岛", "Agrigento", "l'Aquila", "x—y"} {
		if content.HasInvisible(s) {
			t.Errorf("HasInvisible(%q) = true", s)
		}
	}
}

// Every text field of every kind refuses what cannot be typed; text areas keep their line breaks.
func TestValidationRefusesUntypableText(t *testing.T) {
	t.Parallel()
	city := func(edit func(*content.City)) error {
		c := content.City{Kind: content.Twin, Slug: "nantes", Name: content.Text{RU: "Нант", EN: "Nantes"}, Country: "FR",
			Status: content.Active}
		edit(&c)
		return c.Validate()
	}
	cases := []struct {
		name  string
		err   error
		field string // "" when valid
	}{
		{"line breaks in a body", city(func(c *content.City) { c.Body.EN = "One.\n\nTwo.\n\t- three" }), ""},
		{"a line break in a name", city(func(c *content.City) { c.Name.EN = "Nan\ntes" }), "name_en"},
		{"NUL in a body", city(func(c *content.City) { c.Body.RU = "\x00" }), "body_ru"},
		{"broken UTF-8 in a status note", city(func(c *content.City) { c.StatusNote.EN = "ended\xc0" }), "status_note_en"},
		{"an override in a name", city(func(c *content.City) { c.Name.RU = "\u202eтнаН" }), "name_ru"},
		{"a zero-width joiner in a body is text", city(func(c *content.City) { c.Body.EN = "👨\u200d👩" }), ""},
		{"a zero-width space in a website", city(func(c *content.City) { c.Website = "https://nan\u200btes.fr" }), "website"},
		{"a control character in a source's title", city(func(c *content.City) {
			c.Sources = []content.Source{{Title: "Report\x07", URL: "https://perm.example/"}}
		}), "sources.0.title"},
		{"a tab in a picture's credit", city(func(c *content.City) {
			c.Picture = &content.Picture{Alt: content.Text{RU: "Вид", EN: "View"}, Credit: "A.\tB."}
		}), "image_credit"},
		{"NUL in a picture's text alternative", city(func(c *content.City) {
			c.Picture = &content.Picture{Alt: content.Text{RU: "Вид\x00", EN: "View"}}
		}), "image_alt_ru"},
		{"a blank text alternative", city(func(c *content.City) {
			c.Picture = &content.Picture{Alt: content.Text{RU: " ", EN: "View"}}
		}), "image_alt_ru"},
	}
	for _, c := range cases {
		v := content.AsValidation(c.err)
		switch {
		case c.field == "" && c.err != nil:
			t.Errorf("%s: %v, want valid", c.name, c.err)
		case c.field != "" && v == nil:
			t.Errorf("%s: valid, want a problem at %s", c.name, c.field)
		case c.field != "" && v.For(c.field) != content.ProblemCharacters && v.For(c.field) != content.ProblemAlt:
			t.Errorf("%s: %v, want %s: %s", c.name, c.err, c.field, content.ProblemCharacters)
		}
	}
	u := content.User{Email: content.NormalizeEmail(" Iv\xe2n@Perm.example "), Name: "Иван", Role: content.Editor}
	if v := content.AsValidation(u.Validate()); v.For("email") != content.ProblemCharacters {
		t.Errorf("an e-mail with a broken byte: %v, want %s (NormalizeEmail must not hide the byte)", u.Validate(), content.ProblemCharacters)
	}
}
