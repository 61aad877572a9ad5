package web

import (
	"context"
	"net/http"
	"strconv"

	"twincities/internal/content"
	"twincities/internal/i18n"
	"twincities/internal/store"
	"twincities/templates"
)

// Issue 11, images in the form: the media library, and the latest images offered for reuse on an
// entry's edit page.

// mediaPage is how many images one page of the media library shows.
const mediaPage = 24

// reuseChoices is how many of the latest images an entry's edit page offers to use again.
const reuseChoices = 12

// mediaLibrary handles "GET /admin/media": the uploaded images, newest first, with where each is
// used, in pages (?page=2). A page number that is not one is refused (400) in the admin's language.
func (s *Server) mediaLibrary(w http.ResponseWriter, r *http.Request) error {
	a, l := adminMessages(r), adminLang(r)
	page := 1
	if q := r.URL.Query(); q.Has("page") {
		n, err := strconv.Atoi(q.Get("page"))
		if err != nil || n < 1 || n > maxLogPages {
			s.problem(w, r, http.StatusBadRequest, i18n.For(l).BadRequestTitle, a.MediaBadPage)
			return nil
		}
		page = n
	}
	images, err := store.ListImages(r.Context(), s.db, (page-1)*mediaPage, mediaPage+1)
	if err != nil {
		return err
	}
	list := templates.MediaList{Page: page, Items: mediaItems(images[:min(len(images), mediaPage)], l)}
	if page > 1 {
		list.Prev = "/admin/media?page=" + strconv.Itoa(page-1)
	}
	if len(images) > mediaPage {
		list.Next = "/admin/media?page=" + strconv.Itoa(page+1)
	}
	p := s.adminPage(r, a.Media, "/admin/media")
	s.render(w, r, http.StatusOK, templates.MediaLibrary(p, list))
	return nil
}

// recentImages are the latest images, offered for reuse on an entry's edit page.
func recentImages(ctx context.Context, s *Server, l content.Lang) ([]templates.MediaItem, error) {
	images, err := store.ListImages(ctx, s.db, 0, reuseChoices)
	if err != nil {
		return nil, err
	}
	return mediaItems(images, l), nil
}

// mediaItems describes images for the templates, their uses named in language l.
func mediaItems(images []store.LibraryImage, l content.Lang) []templates.MediaItem {
	items := make([]templates.MediaItem, 0, len(images))
	for _, img := range images {
		it := templates.MediaItem{ImageID: img.Picture.ImageID, Thumb: img.Picture.Thumb, Alt: img.Picture.Alt, UploadedAt: img.UploadedAt}
		for _, u := range img.Uses {
			label := u.Label.In(l)
			if label == "" {
				label = u.Label.In(l.Other())
			}
			it.Uses = append(it.Uses, templates.MediaUse{Path: adminEntryPath(u.Entity, strconv.FormatInt(u.ID, 10)), Label: label})
		}
		items = append(items, it)
	}
	return items
}
