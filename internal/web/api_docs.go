package web

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"net/http"

	"twincities/internal/content"
	"twincities/internal/i18n"
	"twincities/internal/store"
	"twincities/templates"
)

// openAPIDocument describes the API in OpenAPI 3.1, written by hand: the contract, which a test
// holds every answer to. Its server is relative ("/api/v1"); openAPI serves it with the site's
// own address instead.
//
//go:embed api/openapi.json
var openAPIDocument []byte

// openAPI handles "GET /api/v1/openapi.json": the API's description, its server the site's
// address.
func (s *Server) openAPI(w http.ResponseWriter, r *http.Request) error {
	body, err := withServer(openAPIDocument, s.baseURL+"/api/v1")
	if err != nil {
		return err
	}
	writeJSONBody(w, r, "application/json; charset=utf-8", body)
	return nil
}

// withServer is the JSON object doc with its member "servers" replaced by one server at url,
// every other member kept as written and in its place.
func withServer(doc []byte, url string) ([]byte, error) {
	dec := json.NewDecoder(bytes.NewReader(doc))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return nil, fmt.Errorf("web: the OpenAPI document is not a JSON object: %v", err)
	}
	servers, err := json.Marshal([]map[string]string{{"url": url}})
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	out.WriteByte('{')
	for dec.More() {
		key, err := dec.Token()
		if err != nil {
			return nil, err
		}
		var value json.RawMessage
		if err := dec.Decode(&value); err != nil {
			return nil, err
		}
		if out.Len() > 1 {
			out.WriteByte(',')
		}
		name, _ := json.Marshal(key)
		out.Write(name)
		out.WriteByte(':')
		if key == "servers" {
			value = servers
		}
		if err := json.Compact(&out, value); err != nil {
			return nil, err
		}
	}
	out.WriteByte('}')
	return out.Bytes(), nil
}

// apiPage handles "GET /{lang}/api": the API explained to people who would use it, its examples
// asking for a city that is published.
func (s *Server) apiPage(w http.ResponseWriter, r *http.Request) error {
	var d templates.APIData
	cities, err := store.ListCities(r.Context(), s.db, store.CityQuery{Kind: content.Twin, Filter: store.Public})
	if err != nil {
		return err
	}
	if len(cities) > 0 {
		d.ExampleCity = cityAPIPath(cities[0])
	}
	title := i18n.For(langOf(r)).APITitle
	p := s.page(r, title, "", crumb(r, title, "/api"))
	s.render(w, r, http.StatusOK, templates.APIPage(p, d))
	return nil
}
