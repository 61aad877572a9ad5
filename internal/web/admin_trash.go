package web

import (
	"net/http"

	"twincities/internal/content"
	"twincities/internal/store"
	"twincities/templates"
)

// trash handles "GET /admin/trash": every deleted entry, to restore (or, for administrators, to
// delete for good).
func (s *Server) trash(w http.ResponseWriter, r *http.Request) error {
	ctx, a, l := r.Context(), adminMessages(r), adminLang(r)
	page, err := pageParam(r)
	if err != nil {
		return err
	}
	var entries []content.Entry
	err = store.ReadSnapshot(ctx, s.db, func(tx store.DBTX) error {
		var err error
		entries, err = listAll(ctx, tx, store.Filter{Trash: true})
		return err
	})
	if err != nil {
		return err
	}
	rows := make([]templates.TrashRow, len(entries))
	for i, e := range entries {
		rows[i] = templates.TrashRow{Path: entryAdminPath(e), Label: e.Label(l), Kind: a.EntityNames[e.Entity()], DeletedAt: *e.TrashedAt()}
	}
	// Issue 12, growth: a page of the trash.
	pg, err := makePager(r.URL, page, len(rows), listPageSize)
	if err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, templates.Trash(s.adminPage(r, a.Trash, "/admin/trash"), pageItems(rows, pg), pg))
	return nil
}
