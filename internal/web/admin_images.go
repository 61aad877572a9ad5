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
		defer removeUpload(r)
		up, err := receiveImage(s, r, res.imageKind, "file", "image", nil)
		if err != nil {
			return err
		}
		if up.problem != "" {
			return imageProblem(s, w, r, res, e, up.values, up.field, up.problem)
		}
		pic := up.picture
		pic.Credit = strings.TrimSpace(up.values.Get("image_credit"))
		res.setPicture(&e, &pic)
		return savePicture(s, w, r, res, e, up.base, adminMessages(r).FlashImage)
	}
}

// removeUpload removes the temporary files of a multipart form, if any were read.
func removeUpload(r *http.Request) {
	if r.MultipartForm != nil {
		r.MultipartForm.RemoveAll()
	}
}

// imageUpload is an image posted with its words: stored, or refused with a problem at a field.
type imageUpload struct {
	values         url.Values      // the form's other fields, to give back on a problem
	base           int             // the entry's version the form was made from
	field, problem string          // where and what is wrong; "" when nothing is
	picture        content.Picture // the stored image with its text alternative, when nothing is wrong
}

// receiveImage reads an upload form: its file (the field named file), the text alternative in
// both languages (prefix+"_alt_ru", prefix+"_alt_en"), checks them, and stores the image. refuse,
// when set, may refuse the upload before its file is decoded (a full gallery). Only a request
// that cannot be a form of ours is an error; anything a person can fix is a problem.
func receiveImage(s *Server, r *http.Request, kind media.Kind, file, prefix string, refuse func() string) (imageUpload, error) {
	a := adminMessages(r)
	up := imageUpload{values: url.Values{}}
	fail := func(field, msg string) (imageUpload, error) {
		up.field, up.problem = field, msg
		return up, nil
	}
	// readBodies limits the body to the file's limit plus room for the other fields. Parts
	// beyond 1 MB wait in temporary files, which the caller removes (removeUpload).
	if err := r.ParseMultipartForm(1 << 20); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return fail(file, a.ImageTooLarge)
		}
		return up, errBadRequest
	}
	up.values = url.Values(r.MultipartForm.Value)
	var err error
	if up.base, err = strconv.Atoi(up.values.Get("version")); err != nil {
		return up, errBadRequest
	}
	if refuse != nil {
		if msg := refuse(); msg != "" {
			return fail(file, msg)
		}
	}
	alt := content.Text{RU: strings.TrimSpace(up.values.Get(prefix + "_alt_ru")), EN: strings.TrimSpace(up.values.Get(prefix + "_alt_en"))}
	f, _, err := r.FormFile(file)
	if err != nil {
		return fail(file, a.ImageRequired)
	}
	defer f.Close()
	data, err := media.ReadUpload(f)
	if err != nil {
		return fail(file, imageMessage(a, err))
	}
	if alt.RU == "" || alt.EN == "" {
		field := prefix + "_alt_ru"
		if alt.RU != "" {
			field = prefix + "_alt_en"
		}
		return fail(field, a.Problems[content.ProblemAlt])
	}
	select {
	case s.imageSlots <- struct{}{}:
	case <-r.Context().Done():
		return up, r.Context().Err()
	}
	processed, err := media.Process(data, kind)
	<-s.imageSlots
	if err != nil {
		return fail(file, imageMessage(a, err))
	}
	if up.picture, err = store.SaveImage(r.Context(), s.db, storedImage(processed)); err != nil {
		return up, err
	}
	up.picture.Alt = alt
	return up, nil
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
