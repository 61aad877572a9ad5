package web

import (
	"context"
	"errors"
	"log/slog"
	"net/http"

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

// department is the department's published place for the footer and a city page's "how to take
// part", or nil. A page is still worth serving without them: a database that cannot be reached
// is reported by the page's own query, and any other failure is logged, not shown.
func (s *Server) department(r *http.Request) *content.Place {
	if s.db == nil {
		return nil
	}
	d, err := store.PlaceBySlug(r.Context(), s.db, content.DepartmentSlug, true)
	switch {
	case err == nil:
		return &d
	case errors.Is(err, store.ErrNotFound), store.Unavailable(err), r.Context().Err() != nil:
		return nil
	}
	s.logLimited(slog.LevelWarn, "department contacts", "could not read the department's contact details", err)
	return nil
}
