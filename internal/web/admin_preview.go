package web

import (
	"context"
	"net/http"

	"twincities/internal/content"
	"twincities/internal/i18n"
	"twincities/templates"
)

// previewEntry handles "GET {base}/{id}/preview?lang=ru|en": the entry exactly as its public page
// will show it, draft or not, with a banner saying so.
func previewEntry[T content.Entry](s *Server, res resource[T]) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		e, err := res.load(s, r)
		if err != nil {
			return err
		}
		l, ok := content.ParseLang(r.URL.Query().Get("lang"))
		if !ok {
			l = adminLang(r)
		}
		r = r.WithContext(context.WithValue(r.Context(), langKey{}, l))
		c, err := res.preview(r.Context(), s, r, e, res.entryPath(e.EntryID()))
		if err != nil {
			return err
		}
		s.render(w, r, http.StatusOK, c)
		return nil
	}
}

// previewPage is the public page description for a preview of the entry at editPath, shown at
// publicPath (below /{lang}) once published.
func (s *Server) previewPage(r *http.Request, title, section, editPath, publicPath string, crumbs ...templates.Crumb) templates.Page {
	p := s.page(r, title, section, crumbs...)
	l := langOf(r)
	p.Path = "/" + string(l) + publicPath
	p.AltPath = editPath + "/preview?lang=" + string(l.Other())
	p.NoIndex = true
	p.Preview = i18n.AdminFor(adminLang(r)).PreviewBanner
	p.PreviewBack = editPath
	return p
}
