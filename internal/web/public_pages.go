package web

import (
	"net/http"

	"twincities/internal/content"
	"twincities/internal/markdown"
	"twincities/internal/store"
	"twincities/templates"
)

// showTextPage handles "GET /{lang}/about", "GET /{lang}/contacts" and "GET /{lang}/privacy". The
// about page also shows the timeline of Perm's relations in general (events that belong to no city).
func (s *Server) showTextPage(key content.PageKey) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		ctx, l := r.Context(), langOf(r)
		page, err := store.PageByKey(ctx, s.db, key)
		if err != nil {
			return err
		}
		d := templates.TextPageData{Page: page}
		if key == content.About {
			if d.Events, err = store.ListEvents(ctx, s.db, store.EventQuery{General: true, Filter: store.Public}); err != nil {
				return err
			}
		}
		title, path := page.Title.In(l), "/"+string(key)
		p := s.page(r, title, path, crumb(r, title, path))
		p.Description = markdown.Summary(firstParagraph(page.Body.In(l)), 160)
		s.render(w, r, http.StatusOK, templates.TextPage(p, d))
		return nil
	}
}
