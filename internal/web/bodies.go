package web

import (
	"errors"
	"mime"
	"net/http"
	"strings"

	"twincities/internal/i18n"
	"twincities/internal/media"
)

// Request body limits. Anyone may send a body to any address, so every body is limited before
// anything reads it, to what the largest honest form at that address needs.
const (
	// maxLoginBody fits an e-mail address, a password and the page to return to; or a code.
	maxLoginBody = 8 << 10
	// maxPublicBody fits the public site's only form, the settings of the version for the
	// visually impaired.
	maxPublicBody = 16 << 10
	// maxWriteBody fits the form "write to the department" with every field at its limit
	// (content.MaxMessageBody and the rest) in Cyrillic, which percent-encoding turns into six
	// bytes a character: about 33 KB. A field over its limit still arrives whole, to be refused
	// with a message at the field (422) rather than a page about the size.
	maxWriteBody = 48 << 10
	// maxAdminBody fits an entry's form: two texts of up to content.MaxBody characters each,
	// which percent-encoding turns into up to six bytes a character in Cyrillic, and the rest.
	maxAdminBody = 2 << 20
	// maxUploadBody fits an image of media.MaxUploadBytes and the fields beside it: the whole
	// entry's form, which the image's buttons post with it (issue 11, images in the form).
	maxUploadBody = media.MaxUploadBytes + maxAdminBody
)

// bodyLimit is the largest body the address of r accepts.
func bodyLimit(r *http.Request) int64 {
	switch p := r.URL.Path; {
	case p == "/admin/login" || p == "/admin/login/code":
		return maxLoginBody
	case isWritePath(p):
		return maxWriteBody
	case isUploadPath(p):
		return maxUploadBody
	case p == "/admin" || strings.HasPrefix(p, "/admin/"):
		return maxAdminBody
	default:
		return maxPublicBody
	}
}

// isWritePath reports whether p is the address of the form "write to the department".
func isWritePath(p string) bool { return p == "/ru/contacts/write" || p == "/en/contacts/write" }

// isUploadPath reports whether p is the address of an image upload ("/admin/twin-cities/5/image"),
// the only one that takes a multipart body.
func isUploadPath(p string) bool {
	return strings.HasPrefix(p, "/admin/") && strings.HasSuffix(p, "/image")
}

// readBodies limits every request body (413 beyond its address's limit) and reads the form of
// every state-changing request here, before anything else can. Middleware and the router pass
// shallow copies of the request on (r.WithContext), and a form parsed on a copy is invisible to
// the server, which then never removes the temporary files of a multipart body: read here, on
// the request the server holds, the form is shared by every copy and nothing parses it again.
// Ordinary forms must be URL-encoded (415 otherwise); only the upload addresses take multipart
// bodies, which their handlers read after checking who is signed in (readUploadForm).
func (s *Server) readBodies(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		limit := bodyLimit(r)
		if r.ContentLength > limit && !isUploadPath(r.URL.Path) {
			// Refused without reading a byte of it. (An upload too large is read up to its limit
			// by its handler, which says so on the entry's page, where the person was.)
			s.tooLarge(w, r, limit)
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, limit)
		if r.Method == http.MethodGet || r.Method == http.MethodHead || isUploadPath(r.URL.Path) {
			next.ServeHTTP(w, r)
			return
		}
		if ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); ct == "multipart/form-data" {
			m := i18n.For(langOf(r))
			s.problem(w, r, http.StatusUnsupportedMediaType, m.FormTypeTitle, m.FormType)
			return
		}
		if err := r.ParseForm(); err != nil {
			var tooBig *http.MaxBytesError
			if errors.As(err, &tooBig) {
				s.tooLarge(w, r, limit)
			} else {
				s.fail(w, r, errBadRequest)
			}
			return
		}
		next.ServeHTTP(w, r)
	})
}

// headAsGet answers HEAD as GET on every route: link checkers and uptime monitors ask with HEAD.
// The server sends no body in answer to HEAD, whatever the handler writes.
func headAsGet(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodHead {
			r = r.WithContext(r.Context())
			r.Method = http.MethodGet
		}
		next.ServeHTTP(w, r)
	})
}
