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
// display size and a thumbnail, stored in the database and set on the entry as a new version; or
// one already uploaded, chosen in the media library (use=library). The text alternative is
// required in both languages. The whole entry's form comes with it: what was typed is kept.
func uploadImage[T content.Entry](s *Server, res resource[T]) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		e, err := res.load(s, r)
		if err != nil {
			return err
		}
		if refused, err := s.refuseLiveImage(w, r, e); refused || err != nil {
			return err
		}
		up, err := receiveImage(s, r, res.imageKind, "file", "image", nil)
		if err != nil {
			return err
		}
		if up.problem != "" {
			return keptAfterProblem(s, w, r, res, e, up.values, up.field, up.problem)
		}
		pic := up.picture
		if credit := strings.TrimSpace(up.values.Get("image_credit")); credit != "" || !up.reused {
			pic.Credit = credit
		}
		res.setPicture(&e, &pic)
		return keptAfterImage(s, w, r, res, e, up.base, up.values, true, adminMessages(r).FlashImage)
	}
}

// imageUpload is an image posted with its words: stored, or refused with a problem at a field.
type imageUpload struct {
	values         url.Values      // the form's other fields, to give back on a problem
	base           int             // the entry's version the form was made from
	field, problem string          // where and what is wrong; "" when nothing is
	picture        content.Picture // the stored image with its text alternative, when nothing is wrong
	reused         bool            // the image was chosen in the media library, not uploaded
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
	// readBodies limits the body to the file's limit plus room for the whole entry's form.
	form, err := readUploadForm(r, file)
	if err != nil {
		return up, err
	}
	up.values = form.values
	if form.cutOff {
		return fail(file, a.ImageTooLarge)
	}
	if up.base, err = strconv.Atoi(up.values.Get("version")); err != nil {
		return up, errBadRequest
	}
	if refuse != nil {
		if msg := refuse(); msg != "" {
			return fail(file, msg)
		}
	}
	alt := content.Text{RU: strings.TrimSpace(up.values.Get(prefix + "_alt_ru")), EN: strings.TrimSpace(up.values.Get(prefix + "_alt_en"))}
	if up.values.Get("use") == "library" {
		return reuseImage(s, r, up, prefix, alt)
	}
	if form.fileErr != nil {
		return fail(file, imageMessage(a, form.fileErr))
	}
	data := form.data
	if alt.RU == "" || alt.EN == "" {
		field := prefix + "_alt_ru"
		if alt.RU != "" {
			field = prefix + "_alt_en"
		}
		msg := a.Problems[content.ProblemAlt]
		if len(data) > 0 {
			// A browser does not keep a chosen file through the answer: say so, or the next
			// press would upload nothing.
			msg += " " + a.ChooseFileAgain
		}
		return fail(field, msg)
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

// removeImage handles "POST {base}/{id}/image/remove", posted with the entry's form, whose typed
// text is kept.
func removeImage[T content.Entry](s *Server, res resource[T]) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		e, err := res.load(s, r)
		if err != nil {
			return err
		}
		if refused, err := s.refuseLiveImage(w, r, e); refused || err != nil {
			return err
		}
		base, err := strconv.Atoi(r.PostFormValue("version"))
		if err != nil {
			return errBadRequest
		}
		res.setPicture(&e, nil)
		return keptAfterImage(s, w, r, res, e, base, r.PostForm, true, adminMessages(r).FlashImageGone)
	}
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
