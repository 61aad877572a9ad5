package i18n

import (
	"sort"
	"sync"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"twincities/internal/content"
)

// Country is a country code with its name in one language.
type Country struct {
	Code, Name string
}

// Countries lists every country code the site accepts, sorted by name in language l as a reader
// of that language expects (Cyrillic collation for Russian): for the admin's country choice.
func Countries(l content.Lang) []Country {
	return countryLists()[l]
}

var countryLists = sync.OnceValue(func() map[content.Lang][]Country {
	var codes []string
	for a := 'A'; a <= 'Z'; a++ {
		for b := 'A'; b <= 'Z'; b++ {
			if code := string([]rune{a, b}); content.IsCountryCode(code) {
				codes = append(codes, code)
			}
		}
	}
	lists := map[content.Lang][]Country{}
	for _, l := range content.Langs {
		list := make([]Country, len(codes))
		for i, c := range codes {
			list[i] = Country{Code: c, Name: CountryName(c, l)}
		}
		tag := language.Russian
		if l == content.EN {
			tag = language.English
		}
		coll := collate.New(tag)
		sort.Slice(list, func(i, j int) bool { return coll.CompareString(list[i].Name, list[j].Name) < 0 })
		lists[l] = list
	}
	return lists
})
