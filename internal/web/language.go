package web

import (
	"net/http"

	"golang.org/x/text/language"

	"twincities/internal/content"
)

// The languages offered, Russian first: it is the default when the visitor's browser asks for
// neither.
var langMatcher = language.NewMatcher([]language.Tag{language.Russian, language.English})

// preferredLang picks the site language from the Accept-Language header.
func preferredLang(r *http.Request) content.Lang {
	tags, _, err := language.ParseAcceptLanguage(r.Header.Get("Accept-Language"))
	if err != nil || len(tags) == 0 {
		return content.RU
	}
	_, i, conf := langMatcher.Match(tags...)
	if conf == language.No || i != 1 {
		return content.RU
	}
	return content.EN
}

// redirectToLanguage handles "GET /": it sends the visitor to the home page in their language.
func (s *Server) redirectToLanguage(w http.ResponseWriter, r *http.Request) {
	w.Header().Add("Vary", "Accept-Language")
	http.Redirect(w, r, "/"+string(preferredLang(r))+"/", http.StatusFound)
}
