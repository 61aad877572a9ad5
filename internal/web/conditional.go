package web

import (
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"time"
)

// writeCacheable writes a document that feed readers and calendars fetch again and again: with an
// ETag from its bytes and a Last-Modified from its data, so an unchanged one costs a 304 and no
// body. The ETag decides when the client sent one (RFC 9110, 13.2.2): a removed entry leaves the
// newest time as it was but changes the bytes.
func writeCacheable(w http.ResponseWriter, r *http.Request, contentType string, body []byte, modified time.Time) {
	etag := bodyETag(body)
	h := w.Header()
	h.Set("ETag", etag)
	h.Set("Last-Modified", modified.UTC().Format(http.TimeFormat))
	h.Set("Cache-Control", "public, max-age=300")
	if notModified(r, etag, modified) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	h.Set("Content-Type", contentType)
	w.Write(body)
}

// notModified reports whether the client's copy, named by If-None-Match or dated by
// If-Modified-Since, is still the current one.
func notModified(r *http.Request, etag string, modified time.Time) bool {
	if inm := r.Header.Values("If-None-Match"); len(inm) > 0 {
		return etagMatches(inm, etag)
	}
	ims, err := http.ParseTime(r.Header.Get("If-Modified-Since"))
	return err == nil && !modified.Truncate(time.Second).After(ims)
}

// bodyETag is the strong ETag of a response made of body: the first half of its SHA-256, which
// changes with any byte of it. The feeds and the API name their answers by it.
func bodyETag(body []byte) string {
	sum := sha256.Sum256(body)
	return `"` + hex.EncodeToString(sum[:16]) + `"`
}
