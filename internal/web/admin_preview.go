package web

import (
	"context"
	"net/http"

	"twincities/internal/content"
	"twincities/internal/i18n"
	"twincities/templates"
)

// previewEntry handles "GET {base}/{id}/preview?lang=ru|en": the entry exactly as its public page
// will show it, draft or not, with a banner saying so; a published entry's draft when it has one.
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
		// The banner tells the truth: a draft of a published page, a published page, or one the
		// public does not see.
		a := i18n.AdminFor(adminLang(r))
		banner := a.PreviewBanner
		if usesDrafts(e) {
			banner = a.PreviewLiveBanner
			d, ok, err := res.table.Draft(r.Context(), s.db, e.EntryID())
			if err != nil {
				return err
			}
			if ok {
				e, banner = d.Entry, a.PreviewDraftBanner
			}
		}
		ctx := context.WithValue(context.WithValue(r.Context(), langKey{}, l), previewBannerKey{}, banner)
		r = r.WithContext(ctx)
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
	if banner, ok := r.Context().Value(previewBannerKey{}).(string); ok {
		p.Preview = banner
	}
	p.PreviewBack = editPath
	if rp, ok := r.Context().Value(reviewPaths{}).(reviewPaths); ok {
		// A review link's page (public_review.go): its reader has no account.
		p.Path, p.AltPath, p.PreviewBack = rp.here, rp.other, ""
	}
	return p
}

// previewBannerKey carries the preview's banner from previewEntry to previewPage, which every
// kind's preview calls.
type previewBannerKey struct{}
