package web

import (
	"twincities/internal/content"
	"twincities/internal/store"
)

// listNote is staff's note at the top of a list (its key is one of the notes), read with the
// list's own reads.
type listNote struct {
	page  content.Page
	found bool
}

// queueListNote queues the read of the note with key into rs.
func queueListNote(rs *store.Reads, key content.PageKey) *listNote {
	n := &listNote{}
	rs.PageByKey(key, &n.page, &n.found)
	return n
}

// in is the note's body in l: "" when staff have left it empty, or when the note does not exist,
// as on a database whose initial data predates the notes and was loaded without them.
func (n *listNote) in(l content.Lang) string {
	if !n.found {
		return ""
	}
	return n.page.Body.In(l)
}
