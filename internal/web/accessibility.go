package web

import (
	"net/http"
	"net/url"
	"slices"
	"strings"

	"twincities/internal/i18n"
	"twincities/templates"
)

// a11yCookie remembers the visitor's settings of the version for the visually impaired. It is a
// functional cookie holding three words, nothing about the person.
const a11yCookie = "a11y"

// a11yOf reads the visitor's settings; anything unexpected means the ordinary version.
func a11yOf(r *http.Request) templates.A11y {
	c, err := r.Cookie(a11yCookie)
	if err != nil {
		return templates.A11y{}
	}
	parts := strings.Split(c.Value, ".")
	if len(parts) != 3 || !slices.Contains(templates.Fonts, parts[0]) || !slices.Contains(templates.Schemes, parts[1]) ||
		(parts[2] != "on" && parts[2] != "off") {
		return templates.A11y{}
	}
	return templates.A11y{On: true, Font: parts[0], Scheme: parts[1], Images: parts[2] == "on"}
}

// accessibilityPage handles "GET /{lang}/accessibility": the settings, reached from the link at
// the top of every page.
func (s *Server) accessibilityPage(w http.ResponseWriter, r *http.Request) error {
	title := i18n.For(langOf(r)).A11yLink
	p := s.page(r, title, "", crumb(r, title, "/accessibility"))
	// The form sends the visitor back where they came from.
	p.Back = backPath(r.URL.Query().Get("back"), p.Href("/"))
	p.AltPath += "?back=" + url.QueryEscape(otherLangPath(p.Back, p.Lang))
	s.render(w, r, http.StatusOK, templates.Accessibility(p))
	return nil
}

// setAccessibility handles "POST /{lang}/accessibility": the chosen font size, colour scheme and
// images, remembered in a cookie for a year; or, with reset, back to the ordinary version. Then a
// redirect to the page the visitor came from.
func (s *Server) setAccessibility(w http.ResponseWriter, r *http.Request) error {
	if err := r.ParseForm(); err != nil {
		return errBadRequest
	}
	v := r.PostForm
	// Secure exactly when the session cookie is: both follow BASE_URL's scheme (config.SecureCookies).
	cookie := &http.Cookie{Name: a11yCookie, Path: "/", HttpOnly: true, SameSite: http.SameSiteLaxMode,
		Secure: s.sessions.Cookie.Secure}
	if v.Get("reset") != "" {
		cookie.MaxAge = -1
	} else {
		font, scheme, images := v.Get("font"), v.Get("scheme"), v.Get("images")
		if !slices.Contains(templates.Fonts, font) {
			font = "large"
		}
		if !slices.Contains(templates.Schemes, scheme) {
			scheme = "default"
		}
		if images != "off" {
			images = "on"
		}
		cookie.Value = font + "." + scheme + "." + images
		cookie.MaxAge = 365 * 24 * 3600
	}
	http.SetCookie(w, cookie)
	http.Redirect(w, r, backPath(v.Get("back"), "/"+string(langOf(r))+"/"), http.StatusSeeOther)
	return nil
}

// backPath accepts a page of the public site to return to, and nothing else: never another site.
func backPath(p, fallback string) string {
	u, err := url.Parse(p)
	if err != nil || u.Scheme != "" || u.Host != "" || strings.HasPrefix(p, "//") || strings.Contains(p, `\`) {
		return fallback
	}
	clean, uri := resolved(u)
	if !(strings.HasPrefix(clean, "/ru/") || strings.HasPrefix(clean, "/en/") || clean == "/ru" || clean == "/en") {
		return fallback
	}
	return uri
}
