package web

import (
	"context"

	"twincities/internal/content"
	"twincities/internal/store"
	"twincities/templates"
)

// contactsData is what the contacts page shows: its editable text and the published places with
// their contact details, from one consistent moment of the database. The public page and the
// previews of the page and of a place share it.
func (s *Server) contactsData(ctx context.Context) (templates.TextPageData, error) {
	var d templates.TextPageData
	err := store.ReadSnapshot(ctx, s.db, func(tx store.DBTX) error {
		var err error
		if d.Page, err = store.PageByKey(ctx, tx, content.Contacts); err != nil {
			return err
		}
		d.Places, err = store.ListPlaces(ctx, tx, store.Public)
		return err
	})
	return d, err
}
