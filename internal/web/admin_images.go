package web

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"twincities/internal/content"
	"twincities/internal/i18n"
	"twincities/internal/media"
	"twincities/internal/store"
)

// uploadImage handles "POST {base}/{id}/image": an image, checked by its bytes, re-encoded into a
// display size and a thumbnail, stored in the database and set on the entry as a new version.
// The text alternative is required in both languages.
func uploadImage[T content.Entry](s *Server, res resource[T]) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		e, err := res.load(s, r)
		if err != nil {
			return err
		}
		a := adminMessages(r)
		// readBodies limits the body to the file's limit plus room for the other fields. Parts
		// beyond 1 MB wait in temporary files, removed when the handler returns.
		if err := r.ParseMultipartForm(1 << 20); err != nil {
			var tooBig *http.MaxBytesError
			if errors.As(err, &tooBig) {
				return imageProblem(s, w, r, res, e, url.Values{}, "file", a.ImageTooLarge)
			}
			return errBadRequest
		}
		defer r.MultipartForm.RemoveAll()
		v := url.Values(r.MultipartForm.Value)
		base, err := strconv.Atoi(v.Get("version"))
		if err != nil {
			return errBadRequest
		}
		alt := content.Text{RU: strings.TrimSpace(v.Get("image_alt_ru")), EN: strings.TrimSpace(v.Get("image_alt_en"))}
		file, _, err := r.FormFile("file")
		if err != nil {
			return imageProblem(s, w, r, res, e, v, "file", a.ImageRequired)
		}
		defer file.Close()
		data, err := media.ReadUpload(file)
		if err != nil {
			return imageProblem(s, w, r, res, e, v, "file", imageMessage(a, err))
		}
		if alt.RU == "" || alt.EN == "" {
			field := "image_alt_ru"
			if alt.RU != "" {
				field = "image_alt_en"
			}
			return imageProblem(s, w, r, res, e, v, field, a.Problems[content.ProblemAlt])
		}
		select {
		case s.imageSlots <- struct{}{}:
		case <-r.Context().Done():
			return r.Context().Err()
		}
		processed, err := media.Process(data, res.imageKind)
		<-s.imageSlots
		if err != nil {
			return imageProblem(s, w, r, res, e, v, "file", imageMessage(a, err))
		}
		pic, err := store.SaveImage(r.Context(), s.db, storedImage(processed))
		if err != nil {
			return err
		}
		pic.Alt, pic.Credit = alt, strings.TrimSpace(v.Get("image_credit"))
		res.setPicture(&e, &pic)
		return savePicture(s, w, r, res, e, base, a.FlashImage)
	}
}

// removeImage handles "POST {base}/{id}/image/remove".
func removeImage[T content.Entry](s *Server, res resource[T]) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		e, err := res.load(s, r)
		if err != nil {
			return err
		}
		base, err := strconv.Atoi(r.PostFormValue("version"))
		if err != nil {
			return errBadRequest
		}
		res.setPicture(&e, nil)
		return savePicture(s, w, r, res, e, base, adminMessages(r).FlashImageGone)
	}
}

// savePicture saves an entry whose picture changed, as a new version of it.
func savePicture[T content.Entry](s *Server, w http.ResponseWriter, r *http.Request, res resource[T], e T, base int, msg string) error {
	a := adminMessages(r)
	err := res.table.Update(r.Context(), s.db, &e, base, actorOf(r.Context()))
	switch {
	case errors.Is(err, store.ErrConflict):
		s.flash(r.Context(), a.ConflictIntro)
	case content.AsValidation(err) != nil:
		return renderEntryForm(s, w, r, res, e, false, formValues(e, res.sources(e)), mergeProblems(nil, err), http.StatusUnprocessableEntity)
	case err != nil:
		return err
	default:
		s.flash(r.Context(), msg)
	}
	http.Redirect(w, r, res.entryPath(e.EntryID()), http.StatusSeeOther)
	return nil
}

// imageProblem shows the entry's page again with a problem of its image form, keeping the text
// typed there (a file cannot be kept: browsers do not allow it to be set again).
func imageProblem[T content.Entry](s *Server, w http.ResponseWriter, r *http.Request, res resource[T], e T, v url.Values, field, msg string) error {
	a := adminMessages(r)
	values := formValues(e, res.sources(e))
	for _, k := range []string{"image_alt_ru", "image_alt_en", "image_credit"} {
		if _, ok := v[k]; ok {
			values.Set(k, v.Get(k))
		}
	}
	f := formState(a, values, e.Fields(), nil)
	f.Errors[field] = msg
	f.Order = []string{field}
	return renderEntryPage(s, w, r, res, e, false, f, http.StatusUnprocessableEntity)
}

// imageMessage says what is wrong with an upload, in the admin's language.
func imageMessage(a *i18n.AdminMessages, err error) string {
	switch {
	case errors.Is(err, media.ErrTooLarge):
		return a.ImageTooLarge
	case errors.Is(err, media.ErrTooManyPixels):
		return a.ImageTooBig
	case errors.Is(err, media.ErrTooMuchMemory):
		return a.ImageTooHeavy
	case errors.Is(err, media.ErrCorrupt):
		return a.ImageCorrupt
	case errors.Is(err, media.ErrEmpty):
		return a.ImageRequired
	default:
		return a.ImageNotImage
	}
}

// storedImage is what the store keeps of a processed upload.
func storedImage(p media.Processed) store.StoredImage {
	conv := func(v media.Variant) store.ImageData {
		return store.ImageData{Hash: v.Hash, ContentType: v.ContentType, Width: v.Width, Height: v.Height, Data: v.Data}
	}
	return store.StoredImage{Display: conv(p.Display), Thumb: conv(p.Thumb)}
}
