package templates

import (
	"twincities/internal/content"
)

// shownSource is a source as a page prints it: the text, its lang attribute ("" when the text is
// in the page's language) and the address it links to ("" when it has none).
type shownSource struct {
	Text, Lang, Href string
}

// showSource is how a page in language l prints s. The title is shown in the page's language
// when staff have given its translation, otherwise as written, marked with its own language. A
// source whose title is itself an address (typed without one in the address field) still links
// to it, and no link text is a raw address: the site's name stands for it.
func showSource(l content.Lang, s content.Source) shownSource {
	href := s.URL
	if href == "" && content.IsWebURL(s.Title) {
		href = s.Title
	}
	text := s.Title
	if textLang(l, s.Title) != "" && s.Translation != "" && textLang(l, s.Translation) == "" {
		text = s.Translation
	}
	if content.IsWebURL(text) {
		if h := linkHost(text); h != "" {
			text = h
		}
	}
	return shownSource{Text: text, Lang: textLang(l, text), Href: href}
}
