package web

import (
	"errors"
	"io"
	"net/http"
	"net/url"

	"twincities/internal/media"
)

// uploadForm is an entry's form posted with an image (issue 11, images in the form): its fields
// and the bytes of its one file input read, file, or why that file could not be read.
type uploadForm struct {
	values  url.Values
	data    []byte
	fileErr error // media.ErrTooLarge, media.ErrEmpty (no file chosen), or nil
	cutOff  bool  // the body went past its limit: the fields after that point are missing
}

// readUploadForm reads a multipart body part by part, in order, instead of all at once
// (ParseMultipartForm), so that a body cut off at its limit (readBodies) still gives back the
// fields before the file: the entry's text, which comes first in its form, survives a file too
// large. Nothing goes to temporary files: the file is held in memory up to media.MaxUploadBytes,
// the other fields up to maxAdminBody in all. The file inputs other than file are skipped.
func readUploadForm(r *http.Request, file string) (uploadForm, error) {
	f := uploadForm{values: url.Values{}, fileErr: media.ErrEmpty}
	mr, err := r.MultipartReader()
	if err != nil {
		return f, errBadRequest
	}
	room := int64(maxAdminBody)
	var tooBig *http.MaxBytesError
	for {
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			return f, nil
		}
		if errors.As(err, &tooBig) {
			f.cutOff, f.fileErr = true, media.ErrTooLarge
			return f, nil
		}
		if err != nil {
			return f, errBadRequest
		}
		name := part.FormName()
		switch {
		case name == file:
			data, err := media.ReadUpload(part)
			if errors.As(err, &tooBig) {
				f.cutOff, f.fileErr = true, media.ErrTooLarge
				return f, nil
			}
			f.data, f.fileErr = data, err
		case part.FileName() != "":
			// Another file input of the same form (the gallery's, beside the image's): not this
			// upload's. NextPart skips its bytes.
		default:
			v, err := io.ReadAll(io.LimitReader(part, room+1))
			if errors.As(err, &tooBig) {
				f.cutOff, f.fileErr = true, media.ErrTooLarge
				return f, nil
			}
			if err != nil {
				return f, errBadRequest
			}
			if room -= int64(len(v)); room < 0 {
				return f, errBadRequest // more text than any form of ours holds
			}
			f.values.Add(name, string(v))
		}
		part.Close()
	}
}
