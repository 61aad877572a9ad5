package web

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"twincities/internal/content"
	"twincities/internal/i18n"
)

// The JSON API at /api/v1: the published data, read-only, for anyone to take and reuse (CC BY 4.0).
// Its answers are a view model of their own (api_model.go), not the content types, so that the
// contract written in api/openapi.json does not change when the internals do. Errors come from the
// one mapping in errors.go, which writes them as problem details (RFC 9457) below /api.

// apiPrefix is where the API's routes begin; everything below it answers in JSON.
const apiPrefix = "/api/"

// apiCacheControl lets browsers and proxies keep an answer for five minutes and then ask again
// with its ETag, which costs a 304 when nothing changed: staff edits reach clients within minutes.
const apiCacheControl = "public, max-age=300"

// isAPI reports whether r asks the API, whose answers, errors included, are JSON.
func isAPI(r *http.Request) bool {
	return r.URL.Path == "/api" || strings.HasPrefix(r.URL.Path, apiPrefix)
}

// allowAnyOrigin lets scripts on any site read the API's answers: the data is public, and no
// answer depends on a cookie. ETag is exposed so that scripts can revalidate themselves.
func allowAnyOrigin(h http.Header) {
	h.Set("Access-Control-Allow-Origin", "*")
	h.Set("Access-Control-Expose-Headers", "ETag")
}

// writeAPI writes v as the JSON answer to r: its fields in the order of the view model's structs,
// a strong ETag of the body, and 304 without a body when the client already holds it.
func writeAPI(w http.ResponseWriter, r *http.Request, v any) error {
	body, err := encodeJSON(v)
	if err != nil {
		return err
	}
	writeJSONBody(w, r, "application/json; charset=utf-8", body)
	return nil
}

// writeJSONBody answers r with body of type ctype, revalidated by its ETag.
func writeJSONBody(w http.ResponseWriter, r *http.Request, ctype string, body []byte) {
	etag := bodyETag(body)
	h := w.Header()
	allowAnyOrigin(h)
	h.Set("ETag", etag)
	h.Set("Cache-Control", apiCacheControl)
	if etagMatches(r.Header.Values("If-None-Match"), etag) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	h.Set("Content-Type", ctype)
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(http.StatusOK)
	w.Write(body)
}

// etagMatches reports whether an If-None-Match header (its lines, each a list) names etag, or
// any ("*"); the API, the feeds and the share pictures all ask it. The comparison is weak, as RFC 9110 asks for If-None-Match: W/"x" matches "x".
func etagMatches(lines []string, etag string) bool {
	for _, line := range lines {
		for _, tag := range strings.Split(line, ",") {
			tag = strings.TrimPrefix(strings.TrimSpace(tag), "W/")
			if tag == "*" || tag == etag {
				return true
			}
		}
	}
	return false
}

// encodeJSON writes v compactly, without escaping <, > and & (the answers are not HTML), and
// without the encoder's trailing newline.
func encodeJSON(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// apiProblem is a problem detail (RFC 9457): the answer to every request the API refuses or fails.
type apiProblem struct {
	Type     string `json:"type"`
	Title    string `json:"title"`
	Status   int    `json:"status"`
	Detail   string `json:"detail"`
	Instance string `json:"instance"`
}

// writeProblem answers an API request with a problem detail, in the client's preferred language
// (Accept-Language). Its type leads to the row of the API page that explains the status.
func (s *Server) writeProblem(w http.ResponseWriter, r *http.Request, status int, title, detail string) {
	l := langOf(r)
	body, err := encodeJSON(apiProblem{
		Type:  s.baseURL + "/" + string(l) + "/api#problem-" + strconv.Itoa(status),
		Title: title, Status: status, Detail: detail, Instance: r.URL.EscapedPath(),
	})
	if err != nil {
		http.Error(w, http.StatusText(http.StatusInternalServerError), http.StatusInternalServerError)
		return
	}
	h := w.Header()
	allowAnyOrigin(h)
	h.Set("Content-Type", "application/problem+json; charset=utf-8")
	h.Set("Content-Language", string(l))
	h.Add("Vary", "Accept-Language")
	if h.Get("Cache-Control") == "" {
		h.Set("Cache-Control", "no-store")
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	w.Write(body)
}

// errMethodNotAllowed is a request with a method the address does not answer (the API is
// read-only: GET, HEAD and OPTIONS).
var errMethodNotAllowed = errors.New("web: method not allowed")

// apiMethods are the methods every API address answers.
const apiMethods = "GET, HEAD, OPTIONS"

// apiMethodNotAllowed handles every method but GET, HEAD and OPTIONS below /api.
func (s *Server) apiMethodNotAllowed(w http.ResponseWriter, r *http.Request) error {
	w.Header().Set("Allow", apiMethods)
	return errMethodNotAllowed
}

// apiPreflight handles "OPTIONS /api/*": the answer to a browser's CORS preflight, sent before a
// script's request with headers of its own (If-None-Match). Any origin may ask; the answer is
// kept for a day.
func (s *Server) apiPreflight(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	allowAnyOrigin(h)
	h.Set("Allow", apiMethods)
	h.Set("Access-Control-Allow-Methods", apiMethods)
	h.Set("Access-Control-Allow-Headers", "Accept, Accept-Language, If-None-Match")
	h.Set("Access-Control-Max-Age", "86400")
	w.WriteHeader(http.StatusNoContent)
}

// badFilterError is a query parameter of the API with a value it does not take.
type badFilterError struct {
	param   string   // the parameter's name
	allowed []string // the values it takes; nil when rule says what it takes
	rule    func(m *i18n.Messages) string
	once    bool // the parameter was given more than once
}

func (e *badFilterError) Error() string { return "web: bad filter " + e.param }

// detail says what the parameter takes, in m's language. It never repeats the value sent, which
// may hold anything (a NUL byte, broken UTF-8, a kilobyte of text).
func (e *badFilterError) detail(m *i18n.Messages) string {
	switch {
	case e.once:
		return fmt.Sprintf(m.APIFilterOnce, e.param)
	case e.rule != nil:
		return fmt.Sprintf(e.rule(m), e.param)
	}
	return fmt.Sprintf(m.APIFilterChoice, e.param, strings.Join(e.allowed, ", "))
}

// queryValue is the one value of the query parameter name, or "" when it is absent or empty. The
// parameter given twice is a badFilterError. Parameters the API does not know are ignored, so a
// cache-busting one does no harm.
func queryValue(r *http.Request, name string) (string, error) {
	vals := r.URL.Query()[name]
	switch {
	case len(vals) == 0:
		return "", nil
	case len(vals) > 1:
		return "", &badFilterError{param: name, once: true}
	}
	return vals[0], nil
}

// queryChoice reads the query parameter name, which must be one of allowed or absent ("").
func queryChoice(r *http.Request, name string, allowed ...string) (string, error) {
	v, err := queryValue(r, name)
	if err != nil || v == "" {
		return "", err
	}
	for _, a := range allowed {
		if v == a {
			return a, nil
		}
	}
	return "", &badFilterError{param: name, allowed: allowed}
}

// queryCountry reads the query parameter country: a code of ISO 3166-1 alpha-2 in either case,
// returned in upper case, or "" when absent.
func queryCountry(r *http.Request) (string, error) {
	v, err := queryValue(r, "country")
	if err != nil || v == "" {
		return "", err
	}
	if c := strings.ToUpper(v); len(c) == 2 && content.IsCountryCode(c) {
		return c, nil
	}
	return "", &badFilterError{param: "country", rule: func(m *i18n.Messages) string { return m.APIFilterCountry }}
}

// queryYear reads the query parameter year: four digits, or 0 when absent.
func queryYear(r *http.Request) (int, error) {
	v, err := queryValue(r, "year")
	if err != nil || v == "" {
		return 0, err
	}
	if len(v) == 4 && strings.Trim(v, "0123456789") == "" && v[0] != '0' {
		y, _ := strconv.Atoi(v)
		return y, nil
	}
	return 0, &badFilterError{param: "year", rule: func(m *i18n.Messages) string { return m.APIFilterYear }}
}
