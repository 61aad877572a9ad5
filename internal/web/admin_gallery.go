package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/go-chi/chi/v5"

	"twincities/internal/content"
)

// A city's gallery is edited on its page below the main photo, with no JavaScript: a form to add a
// photo (its file and words), and a form a photo to change its words, move it up or down, or
// remove it (one form, a button an action). Each change saves the city as a new version, so the
// history shows it and a revert takes it back.

// addPhoto handles "POST {base}/{id}/gallery/image": a photo added at the end of the gallery. A
// full gallery is refused before the file is decoded, keeping what was typed.
func addPhoto[T content.Entry](s *Server, res resource[T]) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		e, err := res.load(s, r)
		if err != nil {
			return err
		}
		a := adminMessages(r)
		photos := res.gallery(e)
		full := func() string {
			if len(photos) >= content.MaxPhotos {
				return fmt.Sprintf(a.GalleryFull, content.MaxPhotos)
			}
			return ""
		}
		defer removeUpload(r)
		up, err := receiveImage(s, r, res.imageKind, "photo_file", "photo", full)
		if err != nil {
			return err
		}
		if up.problem != "" {
			return photoProblem(s, w, r, res, e, up.values, up.field, up.problem)
		}
		text := func(name string) string { return strings.TrimSpace(up.values.Get(name)) }
		p := content.Photo{ImageID: up.picture.ImageID, Display: up.picture.Display, Thumb: up.picture.Thumb, Alt: up.picture.Alt,
			Caption: content.Text{RU: text("photo_caption_ru"), EN: text("photo_caption_en")}, Credit: text("photo_credit")}
		res.setGallery(&e, append(photos[:len(photos):len(photos)], p))
		return savePicture(s, w, r, res, e, up.base, a.FlashPhotoAdded)
	}
}

// editPhoto handles "POST {base}/{id}/gallery/{n}": the n-th photo (from 0) with the button
// pressed: "save" its words, move it "up" or "down", or "remove" it.
func editPhoto[T content.Entry](s *Server, res resource[T]) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		e, err := res.load(s, r)
		if err != nil {
			return err
		}
		a := adminMessages(r)
		base, err := strconv.Atoi(r.PostFormValue("version"))
		if err != nil {
			return errBadRequest
		}
		n, err := strconv.Atoi(chi.URLParam(r, "n"))
		photos := append([]content.Photo(nil), res.gallery(e)...)
		if err != nil || n < 0 || n >= len(photos) {
			// A photo that is no longer there: someone else removed it meanwhile, or the address
			// was never one. The page as it is now says which photos there are.
			s.flash(r.Context(), a.ConflictIntro)
			http.Redirect(w, r, res.entryPath(e.EntryID()), http.StatusSeeOther)
			return nil
		}
		var msg string
		switch r.PostFormValue("action") {
		case "save":
			prefix := "gallery." + strconv.Itoa(n) + "."
			p := fieldParser{v: r.PostForm}
			photos[n].Alt = p.bilingual(prefix + "alt")
			photos[n].Caption = p.bilingual(prefix + "caption")
			photos[n].Credit = strings.TrimSpace(p.text(prefix + "credit"))
			msg = a.FlashPhotoSaved
		case "up", "down":
			to := n - 1
			if r.PostFormValue("action") == "down" {
				to = n + 1
			}
			if to < 0 || to >= len(photos) {
				return errBadRequest
			}
			photos[n], photos[to] = photos[to], photos[n]
			msg = a.FlashPhotoMoved
		case "remove":
			photos = append(photos[:n], photos[n+1:]...)
			msg = a.FlashPhotoRemoved
		default:
			return errBadRequest
		}
		if len(photos) == 0 {
			photos = nil // as the store reads no photos back
		}
		res.setGallery(&e, photos)
		return savePicture(s, w, r, res, e, base, msg)
	}
}

// photoProblem shows the entry's page again with a problem of the form adding a photo, keeping
// the words typed there (a file cannot be kept: browsers do not allow it to be set again).
func photoProblem[T content.Entry](s *Server, w http.ResponseWriter, r *http.Request, res resource[T], e T, v url.Values, field, msg string) error {
	values := formValues(e, res.sources(e))
	for _, k := range []string{"photo_alt_ru", "photo_alt_en", "photo_caption_ru", "photo_caption_en", "photo_credit"} {
		if _, ok := v[k]; ok {
			values.Set(k, v.Get(k))
		}
	}
	f := formState(adminMessages(r), values, e.Fields(), nil)
	f.Errors[field] = msg
	f.Order = []string{field}
	return renderEntryPage(s, w, r, res, e, false, f, http.StatusUnprocessableEntity)
}
