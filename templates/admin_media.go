package templates

import (
	"time"

	"twincities/internal/content"
)

// MediaItem is an uploaded image as the media library and the reuse list show it (issue 11,
// images in the form).
type MediaItem struct {
	ImageID    int64
	Thumb      content.ImageFile
	Alt        content.Text // of one of its uses; empty when none uses it
	UploadedAt time.Time
	Uses       []MediaUse
}

// MediaUse is an entry that shows an image, linked to its edit page.
type MediaUse struct {
	Path, Label string
}

// MediaList is one page of the media library.
type MediaList struct {
	Items      []MediaItem
	Page       int    // from 1
	Prev, Next string // the neighbouring pages' addresses, "" where there is none
}

// mediaAlt is an image's text alternative in language l, or a word saying it has none yet.
func mediaAlt(p AdminPage, it MediaItem) string {
	if a := it.Alt.In(p.Lang); a != "" {
		return a
	}
	return p.Admin.MediaNoAlt
}

// reuseID is the id of the reuse list's i-th choice; the first one's is the field's, which the
// error summary links to.
func reuseID(i int) string {
	if i == 0 {
		return FieldID("library_image")
	}
	return FieldID("library_image") + "-" + itoa(i)
}
