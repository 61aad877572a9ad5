package main

import (
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
)

// response is one answer of the site, kept to be handed out again byte for byte.
type response struct {
	Header http.Header
	Body   []byte
}

// fetch asks the site for path as wrk will: without Accept-Encoding (Go's client would add gzip
// on its own, and the site would compress), so the bytes kept are the bytes wrk receives.
func fetch(baseURL, path string) (response, error) {
	client := &http.Client{Transport: &http.Transport{DisableCompression: true}}
	res, err := client.Get(baseURL + path)
	if err != nil {
		return response{}, err
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		return response{}, fmt.Errorf("read %s: %w", path, err)
	}
	if res.StatusCode != http.StatusOK {
		return response{}, fmt.Errorf("%s answered %s", path, res.Status)
	}
	if enc := res.Header.Get("Content-Encoding"); enc != "" {
		return response{}, fmt.Errorf("%s came compressed (%s) although no encoding was accepted", path, enc)
	}
	return response{Header: res.Header.Clone(), Body: body}, nil
}

// replay is the minimal server: it knows nothing but the answers it was given and hands each
// out with the site's own headers, so the two differ only in the work behind the bytes.
type replay map[string]response

// ServeHTTP answers a known path with its bytes and anything else with 404.
func (rp replay) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	res, ok := rp[r.URL.Path]
	if !ok {
		http.NotFound(w, r)
		return
	}
	h := w.Header()
	for k, v := range res.Header {
		// The server writes its own Date; Content-Length is the body's, set below.
		if k != "Date" && k != "Content-Length" {
			h[k] = v
		}
	}
	h.Set("Content-Length", strconv.Itoa(len(res.Body)))
	w.WriteHeader(http.StatusOK)
	w.Write(res.Body)
}

// serveReplay starts the minimal server on a free port of the loopback and returns its address
// and the function that stops it.
func serveReplay(rp replay) (baseURL string, stop func(), err error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	srv := &http.Server{Handler: rp}
	go srv.Serve(ln)
	return "http://" + ln.Addr().String(), func() { srv.Close() }, nil
}
