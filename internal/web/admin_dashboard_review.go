package web

import (
	"context"
	"errors"

	"twincities/internal/content"
	"twincities/internal/i18n"
	"twincities/internal/store"
	"twincities/templates"
)

// dashboardReview is the dashboard's part about changes not yet on the site (issue 11, review
// before publishing): what waits for review, what was returned with a comment, and the other
// drafts of published entries, of every kind of the registry. Entries in the trash or gone are
// left out.
func dashboardReview(ctx context.Context, db store.DBTX, a *i18n.AdminMessages, l content.Lang) (templates.ReviewDashboard, error) {
	var d templates.ReviewDashboard
	reviews, err := store.ListReviews(ctx, db)
	if err != nil {
		return d, err
	}
	drafts, err := store.ListDrafts(ctx, db)
	if err != nil {
		return d, err
	}
	inReview := map[[2]string]bool{}
	for _, rv := range reviews {
		entry, ok, err := dashboardEntry(ctx, db, rv.Entity, rv.EntryID, a, l)
		if err != nil {
			return d, err
		}
		if !ok {
			continue
		}
		inReview[[2]string{string(rv.Entity), entry.Path}] = true
		if rv.State == store.ReviewWaiting {
			d.Waiting = append(d.Waiting, templates.ReviewRow{Entry: entry, By: rv.RequestedName, At: rv.RequestedAt, Text: rv.Note})
		} else if rv.ReturnedAt != nil {
			d.Returned = append(d.Returned, templates.ReviewRow{Entry: entry, By: rv.ReturnedName, At: *rv.ReturnedAt, Text: rv.Comment})
		}
	}
	for _, dr := range drafts {
		entry, ok, err := dashboardEntry(ctx, db, dr.Entity, dr.EntryID, a, l)
		if err != nil {
			return d, err
		}
		if ok && !inReview[[2]string{string(dr.Entity), entry.Path}] {
			d.Drafts = append(d.Drafts, templates.ReviewRow{Entry: entry, By: dr.UserName, At: dr.SavedAt})
		}
	}
	return d, nil
}

// dashboardEntry is the link to an entry of entity for the dashboard's lists; ok is false when it
// is gone or in the trash.
func dashboardEntry(ctx context.Context, db store.DBTX, entity content.Entity, id int64, a *i18n.AdminMessages, l content.Lang) (templates.EntryRow, bool, error) {
	k, ok := kindOf(entity)
	if !ok {
		return templates.EntryRow{}, false, nil
	}
	e, err := k.get(ctx, db, id)
	switch {
	case errors.Is(err, store.ErrNotFound):
		return templates.EntryRow{}, false, nil
	case err != nil:
		return templates.EntryRow{}, false, err
	case e.TrashedAt() != nil:
		return templates.EntryRow{}, false, nil
	}
	return templates.EntryRow{Path: entryAdminPath(e), Label: e.Label(l), Published: e.IsPublished(), Detail: a.EntityNames[entity]}, true, nil
}
