package web

import (
	"errors"
	"net/http"
	"net/url"
	"strings"

	"twincities/internal/content"
	"twincities/internal/store"
)

// Issue 11, images in the form. The image and gallery controls are inside the entry's form: their
// buttons post the whole form (formaction) to the image's addresses, so what the person typed in
// the entry's fields arrives with the file. The image is saved at once, as before; the typed text
// is not saved behind the person's back (on a published entry it would go live): the page comes
// back with it in the form, and the flash says it is not saved yet.

// isImageWord reports whether name is a field of the image controls themselves: kept in the
// form after a refusal, emptied after a success (they were used).
func isImageWord(name string) bool {
	switch name {
	case "file", "image_credit", "library_image", "use":
		return true
	}
	return strings.HasPrefix(name, "image_alt_") || strings.HasPrefix(name, "photo_")
}

// typedValues is what the form shows again of the submitted v: the entry's fields as typed; the
// image controls' words as typed when keepImage, else as stored; each photo's words as typed only
// when keepPhotos (after a change of the gallery they are the stored ones, whose places moved).
func typedValues[T content.Entry](res resource[T], e T, v url.Values, keepImage, keepPhotos bool) url.Values {
	out := url.Values{}
	for k, vals := range v {
		// The version is left out: the page is of the entry as it is now (an image change makes a
		// new version), so the form is based on that one (templates' formVersion falls back to it).
		if (!keepImage && isImageWord(k)) || (!keepPhotos && strings.HasPrefix(k, "gallery.")) || k == "action" || k == "version" {
			continue
		}
		out[k] = vals
	}
	if !keepImage { // the image's words as stored, as the page shows them when opened
		for k, vals := range formValues(e, res.sources(e)) {
			if isImageWord(k) {
				out[k] = vals
			}
		}
	}
	form, _ := res.read(out, &e)
	return form
}

// keptAfterImage answers an image change posted with the entry's form. Saved: the page again,
// with the typed text still in the form and a flash that says what was saved and what was not.
// Refused by the entry's rules: the page with the problems, the typed text kept. Based on an
// out-of-date version: the conflict page, with the typed text to merge. Nothing typed is lost.
func keptAfterImage[T content.Entry](s *Server, w http.ResponseWriter, r *http.Request, res resource[T], e T, base int,
	v url.Values, keepPhotos bool, msg string) error {
	a, ctx := adminMessages(r), r.Context()
	err := res.table.Update(ctx, s.db, &e, base, actorOf(ctx))
	var conflict *store.ConflictError
	switch {
	case errors.As(err, &conflict):
		mine := e
		form, _ := res.read(typedValues(res, e, v, false, true), &mine)
		s.flash(ctx, a.ImageConflict)
		return renderConflict(s, w, r, res, conflict, mine, form)
	case content.AsValidation(err) != nil:
		return renderEntryForm(s, w, r, res, e, false, typedValues(res, e, v, true, true), mergeProblems(nil, err), http.StatusUnprocessableEntity)
	case err != nil:
		return err
	}
	kept := a.TypedKept
	if usesDrafts(e) {
		kept = a.TypedKeptDraft
	}
	s.flash(ctx, msg+" "+kept)
	f := formState(a, typedValues(res, e, v, false, keepPhotos), e.Fields(), nil)
	f.Unsaved = differs(f.Values, formValues(e, res.sources(e)))
	return renderEntryPage(s, w, r, res, e, false, f, http.StatusOK)
}

// keptAfterProblem shows the entry's page again with a problem of its image controls at field,
// keeping everything typed (a file cannot be kept: browsers do not allow it to be set again).
func keptAfterProblem[T content.Entry](s *Server, w http.ResponseWriter, r *http.Request, res resource[T], e T, v url.Values, field, msg string) error {
	f := formState(adminMessages(r), typedValues(res, e, v, true, true), e.Fields(), nil)
	f.Errors[field] = msg
	f.Order = []string{field}
	f.Unsaved = differs(f.Values, formValues(e, res.sources(e)))
	return renderEntryPage(s, w, r, res, e, false, f, http.StatusUnprocessableEntity)
}

// livePictures gives a draft the published entry's picture and gallery: image changes are saved
// on the entry itself at once, never in its draft, so the edit page shows them as they are.
func livePictures[T content.Entry](res resource[T], live T, draft *T) {
	if res.picture != nil {
		res.setPicture(draft, res.picture(live))
	}
	if res.gallery != nil {
		res.setGallery(draft, res.gallery(live))
	}
}

// differs reports whether the typed values hold an entry field other than the saved ones: the
// fields of saved, compared as a browser sends them (line breaks as CR LF).
func differs(typed, saved url.Values) bool {
	norm := func(s string) string { return strings.ReplaceAll(s, "\r\n", "\n") }
	for k, vals := range saved {
		if k == "version" || k == "draft" {
			continue
		}
		t := typed[k]
		if len(t) != len(vals) && !(len(t) == 0 && len(vals) == 1 && vals[0] == "") {
			return true
		}
		for i := range t {
			if norm(t[i]) != norm(vals[i]) {
				return true
			}
		}
	}
	return false
}

// fileLeftBehind is what a save's flash adds when an image file was chosen in the form but the
// form was saved rather than uploaded: the file went nowhere (a browser sends only its name with
// a form that is not multipart), and the person must be told.
func fileLeftBehind(r *http.Request) string {
	if r.PostForm.Get("file") == "" && r.PostForm.Get("photo_file") == "" {
		return ""
	}
	return " " + adminMessages(r).FileLeftBehind
}
