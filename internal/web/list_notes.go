package web

import (
	"context"
	"errors"

	"twincities/internal/content"
	"twincities/internal/store"
)

// listNote is the body, in l, of staff's note at the top of a list (key is one of the notes): ""
// when they have left it empty, or when the note does not exist, as on a database whose initial
// data predates the notes and was loaded without them.
func listNote(ctx context.Context, db store.DBTX, key content.PageKey, l content.Lang) (string, error) {
	pg, err := store.PageByKey(ctx, db, key)
	if errors.Is(err, store.ErrNotFound) {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	return pg.Body.In(l), nil
}
