package web

import (
	"fmt"
	"net/http"
	"strconv"

	"twincities/internal/store"
	"twincities/templates"
)

// adminSearchPageSize is how many hits a page of staff search shows.
const adminSearchPageSize = 50

// adminSearch handles "GET /admin/search": staff search, which finds drafts and the trash too,
// each hit marked with its state and leading to its edit page.
func (s *Server) adminSearch(w http.ResponseWriter, r *http.Request) error {
	ctx, a, l := r.Context(), adminMessages(r), adminLang(r)
	req, err := parseSearch(r)
	if err != nil {
		return err
	}
	d := templates.SearchData{Query: req.query}
	if req.query != "" {
		res, err := store.Search(ctx, s.db, store.SearchQuery{Text: req.query, Lang: l, Kind: req.kind, Staff: true,
			Limit: adminSearchPageSize, Offset: (req.page - 1) * adminSearchPageSize})
		if err != nil {
			return err
		}
		d.Total = res.Total()
		if req.kind != "" {
			d.Total = res.Counts[req.kind]
		}
		states := map[string]string{store.SearchPublished: a.PublishedState, store.SearchDraft: a.DraftState,
			store.SearchTrash: a.TrashState}
		g := templates.SearchGroup{}
		for _, h := range res.Hits {
			g.Hits = append(g.Hits, templates.SearchHit{Title: titleIn(h.Title, l), Kind: a.EntityNames[h.Kind],
				State: states[h.State], Path: adminEntryPath(h.Kind, strconv.FormatInt(h.ID, 10)), Snippet: snippetParts(h.Snippet)})
		}
		d.Groups = []templates.SearchGroup{g}
		if err := req.paging(&d, "/admin/search", adminSearchPageSize); err != nil {
			return err
		}
	}
	title := a.SearchTitle
	if req.query != "" {
		title = fmt.Sprintf("%s: %s", a.SearchTitle, req.query)
	}
	p := s.adminPage(r, title, "/admin/search")
	s.render(w, r, http.StatusOK, templates.AdminSearch(p, d))
	return nil
}
