package web

import (
	"net/http"
	"net/url"
	"path"
	"strings"

	"twincities/internal/content"
	"twincities/internal/i18n"
	"twincities/templates"
)

// adminLangCookie keeps the language a member of staff chose for the admin interface.
const adminLangCookie = "admin_lang"

// adminLang is the admin interface's language: the one chosen, else the browser's.
func adminLang(r *http.Request) content.Lang {
	if c, err := r.Cookie(adminLangCookie); err == nil {
		if l, ok := content.ParseLang(c.Value); ok {
			return l
		}
	}
	return preferredLang(r)
}

func adminMessages(r *http.Request) *i18n.AdminMessages { return i18n.AdminFor(adminLang(r)) }

// adminPage describes an admin page for the admin layout; it takes the flash message, once.
func (s *Server) adminPage(r *http.Request, title, section string, crumbs ...templates.Crumb) templates.AdminPage {
	l := adminLang(r)
	p := templates.AdminPage{
		Lang: l, Msg: i18n.For(l), Admin: i18n.AdminFor(l),
		Title: title, Section: section, Crumbs: crumbs,
		Path:         r.URL.RequestURI(),
		Flash:        s.sessions.PopString(r.Context(), keyFlash),
		FlashProblem: s.sessions.PopString(r.Context(), keyFlashProblem),
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		// A page that answers a form: the language switch leads to the page, not to the form's
		// POST-only address.
		p.Path = pageOf(r.URL.Path)
	}
	if u, ok := staffOf(r.Context()); ok {
		p.User = &u
	}
	p.Sections = adminSections(p.Admin, p.Msg)
	if p.User != nil {
		p.Sections = s.withInbox(r, p.Sections, p.Admin)
	}
	return p
}

// forbidden answers 403 with a page that says why.
func (s *Server) forbidden(w http.ResponseWriter, r *http.Request) {
	a := adminMessages(r)
	s.render(w, r, http.StatusForbidden, templates.AdminMessage(s.adminPage(r, a.Forbidden, ""), a.ForbiddenText))
}

// setAdminLanguage handles "POST /admin/language": the admin interface's language, kept in a
// cookie, then back to the page the person was on.
func (s *Server) setAdminLanguage(w http.ResponseWriter, r *http.Request) error {
	l, ok := content.ParseLang(r.PostFormValue("lang"))
	if !ok {
		l = content.RU
	}
	http.SetCookie(w, &http.Cookie{Name: adminLangCookie, Value: string(l), Path: "/admin",
		MaxAge: 365 * 24 * 3600, HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: s.sessions.Cookie.Secure})
	http.Redirect(w, r, localAdminPath(r.PostFormValue("back")), http.StatusSeeOther)
	return nil
}

// localAdminPath accepts a path back into the admin, and nothing else: never another site.
func localAdminPath(p string) string {
	u, err := url.Parse(p)
	if err != nil || u.Scheme != "" || u.Host != "" || strings.HasPrefix(p, "//") || strings.Contains(p, "\\") {
		return "/admin/"
	}
	clean, uri := resolved(u)
	if !strings.HasPrefix(clean, "/admin/") && clean != "/admin" {
		return "/admin/"
	}
	return uri
}

// resolved is the path u leads to, with its dot segments resolved as a browser resolves them
// ("/admin/../ru/" leads to /ru/, and so does "/admin/%2e%2e/ru/"), and that path with u's query
// as an address to send a browser to: what a check of the path sees is where the browser goes.
func resolved(u *url.URL) (clean, uri string) {
	clean = path.Clean(u.Path)
	if strings.HasSuffix(u.Path, "/") && clean != "/" {
		clean += "/"
	}
	return clean, (&url.URL{Path: clean, RawQuery: u.RawQuery}).RequestURI()
}
