package web

import (
	"errors"
	"net/http"
	"strconv"

	"twincities/internal/content"
	"twincities/internal/store"
)

// reuseImage is receiveImage for an image chosen in the media library (issue 11, images in the
// form): nothing uploaded, nothing decoded; the image's own text alternative where none was
// typed (a language typed replaces that language only).
func reuseImage(s *Server, r *http.Request, up imageUpload, prefix string, alt content.Text) (imageUpload, error) {
	a := adminMessages(r)
	up.field = "library_image"
	id, err := strconv.ParseInt(up.values.Get("library_image"), 10, 64)
	if err != nil || id <= 0 {
		up.problem = a.ReuseNone
		return up, nil
	}
	img, err := store.LibraryImageByID(r.Context(), s.db, id)
	if errors.Is(err, store.ErrNotFound) {
		up.problem = a.ReuseGone
		return up, nil
	}
	if err != nil {
		return up, err
	}
	if alt.RU == "" {
		alt.RU = img.Picture.Alt.RU
	}
	if alt.EN == "" {
		alt.EN = img.Picture.Alt.EN
	}
	if alt.RU == "" || alt.EN == "" {
		up.field = prefix + "_alt_ru"
		if alt.RU != "" {
			up.field = prefix + "_alt_en"
		}
		up.problem = a.Problems[content.ProblemAlt]
		return up, nil
	}
	up.field, up.picture, up.reused = "", img.Picture, true
	up.picture.Alt = alt
	return up, nil
}
