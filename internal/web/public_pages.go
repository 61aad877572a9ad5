package web

import (
	"net/http"

	"twincities/internal/content"
	"twincities/internal/markdown"
	"twincities/internal/schemaorg"
	"twincities/internal/store"
	"twincities/templates"
)

// showTextPage handles "GET /{lang}/about", "GET /{lang}/contacts" and "GET /{lang}/privacy". The
// about page also shows the timeline of Perm's relations in general (events that belong to no
// city); the contacts page, the published places with their contact details.
func (s *Server) showTextPage(key content.PageKey) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		ctx, l := r.Context(), langOf(r)
		var d templates.TextPageData
		var err error
		if key == content.Contacts {
			d, err = s.contactsData(ctx)
		} else {
			d.Page, err = store.PageByKey(ctx, s.db, key)
		}
		if err != nil {
			return err
		}
		page := d.Page
		if key == content.About {
			if d.Events, err = store.ListEvents(ctx, s.db, store.EventQuery{General: true, Filter: store.Public}); err != nil {
				return err
			}
		}
		title, path := page.Title.In(l), "/"+string(key)
		p := s.page(r, title, path, crumb(r, title, path))
		p.Description = markdown.Summary(firstParagraph(page.Body.In(l)), descriptionLength)
		for _, e := range schemaorg.Events(d.Events, nil, l, "", plainSummary) {
			p.Share.Data = append(p.Share.Data, e)
		}
		s.render(w, r, http.StatusOK, templates.TextPage(p, d))
		return nil
	}
}
