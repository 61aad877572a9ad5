package static

import (
	"bytes"
	"compress/gzip"
	"strconv"
	"strings"
	"sync"

	"github.com/andybalholm/brotli"
)

// encoding is one stored form of a file: its Content-Encoding ("" for the file as it is) and
// the ETag suffix that tells the forms apart, since each form is a different sequence of bytes.
type encoding struct {
	name   string
	suffix string
}

// The forms a text file is kept in, in the order preferred when a client accepts them equally:
// brotli is the smallest, then gzip, then the file as it is.
var (
	brotliEnc   = encoding{name: "br", suffix: "-br"}
	gzipEnc     = encoding{name: "gzip", suffix: "-gz"}
	identityEnc = encoding{}
)

// encoded holds a file's compressed forms, made once, at the first request for the file:
// compressing all the flags with brotli at its best level takes about 20 s of a core, too much
// for every start of the server (and of each test binary), while a file asked for is compressed
// in a fraction of a second and kept as long as the process runs.
type encoded struct {
	once sync.Once
	br   []byte // nil when brotli did not make the file smaller
	gz   []byte // nil when gzip did not make the file smaller
}

// bestBrotliUpTo is the largest file compressed at brotli's best level (11): about 80 KB a second
// in Go, so a large flag would keep its first visitor waiting for seconds; larger files get
// level 6, which is fast and close in size for these SVG files.
const bestBrotliUpTo = 64 << 10

// forms returns the compressed forms of body, making them on the first call.
func (e *encoded) forms(body []byte) (br, gz []byte) {
	e.once.Do(func() {
		level := brotli.BestCompression
		if len(body) > bestBrotliUpTo {
			level = 6
		}
		var b bytes.Buffer
		bw := brotli.NewWriterLevel(&b, level)
		bw.Write(body) // writes to a bytes.Buffer cannot fail
		bw.Close()
		if b.Len() < len(body) {
			e.br = b.Bytes()
		}
		var g bytes.Buffer
		gw, _ := gzip.NewWriterLevel(&g, gzip.BestCompression) // a valid level: no error
		gw.Write(body)
		gw.Close()
		if g.Len() < len(body) {
			e.gz = g.Bytes()
		}
	})
	return e.br, e.gz
}

// compressible reports whether files of content type ctype are text, which compression shrinks;
// images other than SVG are compressed already.
func compressible(ctype string) bool {
	media, _, _ := strings.Cut(ctype, ";")
	switch strings.TrimSpace(media) {
	case "text/css", "text/javascript", "application/javascript", "image/svg+xml", "text/plain",
		"application/json", "application/manifest+json", "application/xml", "text/xml":
		return true
	}
	return false
}

// Accepted returns the quality a request's Accept-Encoding header gives each of the codings the
// site makes: br, gzip and identity, for the static files and the pages alike. Without the
// header, only identity is acceptable (RFC 9110, 12.5.3); an unlisted coding takes the quality of
// "*"; identity is acceptable unless refused, but when unlisted it comes last: a client that
// names a coding wants it. A coding named twice takes the lower quality: a refusal stands.
func Accepted(header string) (br, gz, identity float64) {
	br, gz, identity = -1, -1, -1
	star := -1.0
	for part := range strings.SplitSeq(header, ",") {
		name, params, _ := strings.Cut(part, ";")
		name = strings.ToLower(strings.TrimSpace(name))
		q := 1.0
		for param := range strings.SplitSeq(params, ";") {
			k, v, ok := strings.Cut(strings.TrimSpace(param), "=")
			if ok && strings.EqualFold(strings.TrimSpace(k), "q") {
				if f, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err == nil && f >= 0 && f <= 1 {
					q = f
				} else {
					q = 0 // a malformed quality is no consent
				}
			}
		}
		switch name {
		case "br":
			br = lower(br, q)
		case "gzip", "x-gzip":
			gz = lower(gz, q)
		case "identity":
			identity = lower(identity, q)
		case "*":
			star = lower(star, q)
		}
	}
	if br < 0 {
		br = max(star, 0)
	}
	if gz < 0 {
		gz = max(star, 0)
	}
	if identity < 0 {
		identity = 0.001 // the lowest quality there is
		if star == 0 {
			identity = 0
		}
	}
	return br, gz, identity
}

// lower is q for a coding not yet named (had < 0), else the lower of the two.
func lower(had, q float64) float64 {
	if had < 0 {
		return q
	}
	return min(had, q)
}

// choose picks the form of a file to send for the Accept-Encoding header: the coding of highest
// quality among those we have, brotli before gzip before identity on a tie. The file as it is
// goes out when the client accepts none of them: better than no answer (RFC 9110 allows either).
func choose(header string, br, gz []byte, body []byte) (encoding, []byte) {
	qbr, qgz, qid := Accepted(header)
	best, out, bestQ := identityEnc, body, qid
	if gz != nil && qgz > 0 && qgz >= bestQ {
		best, out, bestQ = gzipEnc, gz, qgz
	}
	if br != nil && qbr > 0 && qbr >= bestQ {
		best, out = brotliEnc, br
	}
	return best, out
}
