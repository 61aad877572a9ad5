package i18n

import (
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"twincities/internal/content"
)

// Country names come from the Unicode CLDR tables in golang.org/x/text, so any country staff enter
// is named in both languages. A few short forms read better on a Russian civic site.
var countryOverrides = map[content.Lang]map[string]string{
	content.RU: {"US": "США"},
}

var (
	namerRU = display.Regions(language.Russian)
	namerEN = display.Regions(language.English)
)

// CountryName is the name of the country with ISO code code in language l; the code itself when
// it is unknown.
func CountryName(code string, l content.Lang) string {
	if name, ok := countryOverrides[l][code]; ok {
		return name
	}
	r, err := language.ParseRegion(code)
	if err != nil {
		return code
	}
	namer := namerRU
	if l == content.EN {
		namer = namerEN
	}
	if name := namer.Name(r); name != "" {
		return name
	}
	return code
}
