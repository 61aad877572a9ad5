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

// A city's gallery is edited on its page below the main photo, inside the city's form, with no
// JavaScript: the controls to add a photo (its file and words, or an image already uploaded), and
// for each photo its words and the buttons to save them, move it up or down, or remove it. Each
// button posts the whole form to its own address (formaction), so the typed text comes along and
// comes back (see admin_typed.go). Each change saves the city as a new version, so the history
// shows it and a revert takes it back.

// addPhoto handles "POST {base}/{id}/gallery/image": a photo added at the end of the gallery. A
// full gallery is refused before the file is decoded, keeping what was typed.
func addPhoto[T content.Entry](s *Server, res resource[T]) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		e, err := res.load(s, r)
		if err != nil {
			return err
		}
		if refused, err := s.refuseLiveImage(w, r, e); refused || err != nil {
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
		up, err := receiveImage(s, r, res.imageKind, "photo_file", "photo", full)
		if err != nil {
			return err
		}
		if up.problem != "" {
			return keptAfterProblem(s, w, r, res, e, up.values, up.field, up.problem)
		}
		text := func(name string) string { return strings.TrimSpace(up.values.Get(name)) }
		p := content.Photo{ImageID: up.picture.ImageID, Display: up.picture.Display, Thumb: up.picture.Thumb, Alt: up.picture.Alt,
			Caption: content.Text{RU: text("photo_caption_ru"), EN: text("photo_caption_en")}, Credit: text("photo_credit")}
		if p.Credit == "" && up.reused {
			p.Credit = up.picture.Credit
		}
		photos = applyPhotoWords(up.values, photos)
		res.setGallery(&e, append(photos[:len(photos):len(photos)], p))
		return keptAfterImage(s, w, r, res, e, up.base, up.values, false, a.FlashPhotoAdded)
	}
}

// editPhoto handles "POST {base}/{id}/gallery/{n}": the n-th photo (from 0) with the button
// pressed: "save" its words, move it "up" or "down", or "remove" it. The words typed for every
// photo are saved with it: one form holds them all, and none is lost.
func editPhoto[T content.Entry](s *Server, res resource[T]) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		e, err := res.load(s, r)
		if err != nil {
			return err
		}
		if refused, err := s.refuseLiveImage(w, r, e); refused || err != nil {
			return err
		}
		a := adminMessages(r)
		base, err := strconv.Atoi(r.PostFormValue("version"))
		if err != nil {
			return errBadRequest
		}
		n, err := strconv.Atoi(chi.URLParam(r, "n"))
		photos := applyPhotoWords(r.PostForm, res.gallery(e))
		if err != nil || n < 0 || n >= len(photos) {
			// A photo that is no longer there: someone else removed it meanwhile, or the address
			// was never one. The page as it is now says which photos there are.
			s.flashProblem(r.Context(), a.ConflictIntro)
			http.Redirect(w, r, res.entryPath(e.EntryID()), http.StatusSeeOther)
			return nil
		}
		var msg string
		switch r.PostFormValue("action") {
		case "save":
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
		return keptAfterImage(s, w, r, res, e, base, r.PostForm, false, msg)
	}
}

// applyPhotoWords returns a copy of photos with the words v holds for each of them (a photo the
// form did not show keeps its own).
func applyPhotoWords(v url.Values, photos []content.Photo) []content.Photo {
	out := append([]content.Photo(nil), photos...)
	p := fieldParser{v: v}
	for i := range out {
		prefix := "gallery." + strconv.Itoa(i) + "."
		if !v.Has(prefix + "alt_ru") {
			continue
		}
		out[i].Alt = p.bilingual(prefix + "alt")
		out[i].Caption = p.bilingual(prefix + "caption")
		out[i].Credit = strings.TrimSpace(p.text(prefix + "credit"))
	}
	return out
}
