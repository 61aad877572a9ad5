// Package static serves the site's own CSS, flags and icons from files embedded in the binary.
// Each file is addressed by a name carrying a hash of its content, so browsers may keep it for a
// year and still never see a stale copy after a release.
package static

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"
	"sync"
	"time"
)

//go:embed css flags img js
var files embed.FS

// Prefix is where the files are served.
const Prefix = "/static/"

type asset struct {
	name   string // path inside the embedded tree: "css/site.css"
	hashed string // "css/site.3f2a1b9c0d.css"
	body   []byte
	ctype  string
	// enc keeps the compressed forms of a text file (encoded.go); nil for other files.
	enc *encoded
}

type manifest struct {
	byName   map[string]*asset
	byHashed map[string]*asset
}

var load = sync.OnceValue(func() *manifest {
	m := &manifest{byName: map[string]*asset{}, byHashed: map[string]*asset{}}
	err := fs.WalkDir(files, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		body, err := files.ReadFile(p)
		if err != nil {
			return err
		}
		m.add(p, body)
		return nil
	})
	if err != nil {
		panic("static: embedded files unreadable: " + err.Error()) // cannot happen with a built binary
	}
	for _, size := range IconSizes {
		m.add(iconName(size), drawIcon(size))
	}
	return m
})

// add puts a file made in code among the served files, under a content-hashed name.
func (m *manifest) add(name string, body []byte) {
	sum := sha256.Sum256(body)
	ext := path.Ext(name)
	a := &asset{name: name, hashed: strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:5]) + ext,
		body: body, ctype: mime.TypeByExtension(ext)}
	if compressible(a.ctype) {
		a.enc = &encoded{}
	}
	m.byName[name], m.byHashed[a.hashed] = a, a
}

// Path returns the URL of the embedded file name ("css/site.css"), with its content hash. An
// unknown name is a programming error; it returns a path that answers 404, so a page still renders.
func Path(name string) string {
	if a, ok := load().byName[name]; ok {
		return Prefix + a.hashed
	}
	return Prefix + name
}

// Exists reports whether name is an embedded file, such as the flag of a country.
func Exists(name string) bool {
	_, ok := load().byName[name]
	return ok
}

// Handler serves the files under Prefix. A hashed name is cached for a year as immutable; a plain
// name (an old link, a hand-typed URL) is served too, but revalidated every time. A text file
// goes out in the best form the client accepts (brotli, gzip or as it is), each form with its
// own ETag and length; the site's compress middleware leaves these answers alone.
func Handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := strings.TrimPrefix(r.URL.Path, Prefix)
		m := load()
		a, hashed := m.byHashed[name]
		if !hashed {
			a = m.byName[name]
		}
		if a == nil {
			http.NotFound(w, r)
			return
		}
		h := w.Header()
		if hashed {
			h.Set("Cache-Control", "public, max-age=31536000, immutable")
		} else {
			h.Set("Cache-Control", "no-cache")
		}
		if a.ctype != "" {
			h.Set("Content-Type", a.ctype)
		}
		tag := strings.TrimSuffix(path.Base(a.hashed), path.Ext(a.hashed))
		body := a.body
		if a.enc != nil {
			// Caches must keep each form apart, the file as it is included.
			h.Add("Vary", "Accept-Encoding")
			br, gz := a.enc.forms(a.body)
			var e encoding
			e, body = choose(r.Header.Get("Accept-Encoding"), br, gz, a.body)
			tag += e.suffix
			if e.name != "" {
				// http.ServeContent leaves the length of an encoded answer to the caller; and a
				// range of the compressed bytes is of no use to anyone, so the whole form goes.
				h.Set("Content-Encoding", e.name)
				h.Set("Content-Length", strconv.Itoa(len(body)))
				r = r.Clone(r.Context())
				r.Header.Del("Range")
			}
		}
		h.Set("ETag", `"`+tag+`"`)
		http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(body))
	})
}

// File returns the contents of the embedded file name, for the few files served at fixed
// addresses (favicon.ico, the web app manifest).
func File(name string) ([]byte, bool) {
	a, ok := load().byName[name]
	if !ok {
		return nil, false
	}
	return a.body, true
}
