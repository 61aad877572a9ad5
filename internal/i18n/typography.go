package i18n

import (
	"reflect"
	"regexp"

	"twincities/internal/content"
	"twincities/internal/memo"
)

// NBSP is the non-breaking space that Russian typography puts where a line must not break.
const NBSP = "\u00a0"

// The places Russian typography joins with a non-breaking space. Each rule takes the character
// before the space as its first group and the one after it as its second, so a replacement keeps
// both and only the space changes.
var ruTies = []*regexp.Regexp{
	// A number and its word or unit: "20 лет", "15 октября", "2007 г.", "%d лет" in a message.
	regexp.MustCompile(`(\d|%d) +(\pL)`),
	// Groups of digits: "3 180 км".
	regexp.MustCompile(`(\d) +(\d{3}(?:\D|$))`),
	// A dash in running text stays on the line of the word before it: "Пермь — город".
	regexp.MustCompile(`(\S) +([—–])`),
	// A one- or two-letter preposition, conjunction or particle stays with the word after it:
	// "в Перми", "и Дуйсбург", "не более".
	regexp.MustCompile(`((?:^|[\s\x{00a0}(«„"])\p{Cyrillic}{1,2}) +(\S)`),
}

// Typeset puts non-breaking spaces where Russian typography needs them (see ruTies). English text
// is returned as it is. It is meant for the site's own words (messages, dates, counts), not for
// staff's Markdown, whose source is theirs to write.
func Typeset(l content.Lang, s string) string {
	if l != content.RU {
		return s
	}
	return typeset.Get(s, typesetRU)
}

// typeset remembers Typeset's Russian results: a page typesets its dates, counts and
// descriptions on every uncached view, and the regular expressions took a tenth of a list's
// render (issue 12). The texts are the site's own words and the entries' names, short and few.
var typeset = memo.New(4 << 20)

// typesetRU is Typeset of Russian text, worked out afresh.
func typesetRU(s string) string {
	for _, re := range ruTies {
		// A match takes the character after the space, which may start the next match
		// ("и в Перми", "1 000 000"): repeat until nothing changes.
		for {
			next := re.ReplaceAllString(s, "${1}"+NBSP+"${2}")
			if next == s {
				break
			}
			s = next
		}
	}
	return s
}

// typesetCatalogue returns a copy of a catalogue (a struct of strings, Forms and maps of strings)
// with every text passed through Typeset, so each template that prints a message gets the
// typography without saying so.
func typesetCatalogue[T any](l content.Lang, c T) T {
	v := reflect.ValueOf(&c).Elem()
	typesetValue(l, v)
	return c
}

func typesetValue(l content.Lang, v reflect.Value) {
	switch v.Kind() {
	case reflect.String:
		v.SetString(Typeset(l, v.String()))
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				typesetValue(l, v.Field(i))
			}
		}
	case reflect.Map:
		if v.IsNil() || v.Type().Elem().Kind() != reflect.String {
			return
		}
		// The literal's map is shared with the untypeset catalogue: build a new one.
		m := reflect.MakeMapWithSize(v.Type(), v.Len())
		for it := v.MapRange(); it.Next(); {
			m.SetMapIndex(it.Key(), reflect.ValueOf(Typeset(l, it.Value().String())).Convert(v.Type().Elem()))
		}
		v.Set(m)
	}
}
