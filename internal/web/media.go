package web

import (
	"bytes"
	"net/http"
	"path"
	"regexp"
	"strings"
	"time"

	"github.com/go-chi/chi/v5"

	"twincities/internal/store"
)

var mediaName = regexp.MustCompile(`^[0-9a-f]{64}\.(jpg|png)$`)

// serveImage handles "GET /media/{hash}.{ext}": an uploaded image, from the database, so that any
// number of app servers can serve it. Its name is the hash of its bytes, which never change, so
// browsers may keep it for a year.
func (s *Server) serveImage(w http.ResponseWriter, r *http.Request) error {
	file := chi.URLParam(r, "file")
	if !mediaName.MatchString(file) {
		return errNotFound
	}
	hash := strings.TrimSuffix(file, path.Ext(file))
	ctype, data, err := store.ImageFileByHash(r.Context(), s.db, hash)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
	w.Header().Set("ETag", `"`+hash[:16]+`"`)
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(data))
	return nil
}
