package content

// Lang is a language the site is published in.
type Lang string

// The site's languages. Russian is the city's own and the default.
const (
	RU Lang = "ru"
	EN Lang = "en"
)

// Langs lists the site's languages in the order they are offered.
var Langs = []Lang{RU, EN}

// ParseLang accepts "ru" or "en" exactly, as they appear in URLs.
func ParseLang(s string) (Lang, bool) {
	switch Lang(s) {
	case RU, EN:
		return Lang(s), true
	}
	return "", false
}

// Other is the site's other language, for the language switch.
func (l Lang) Other() Lang {
	if l == RU {
		return EN
	}
	return RU
}

// Text is a piece of text in both of the site's languages.
type Text struct {
	RU string `json:"ru"`
	EN string `json:"en"`
}

// In returns the text in language l.
func (t Text) In(l Lang) string {
	if l == EN {
		return t.EN
	}
	return t.RU
}

// Complete reports whether the text exists in both languages.
func (t Text) Complete() bool { return t.RU != "" && t.EN != "" }
