package web

import (
	"bytes"
	"compress/gzip"
	"net/http"
	"sync"

	"github.com/andybalholm/brotli"

	"twincities/static"
)

// encoding is a representation of a page: as rendered, gzipped or compressed with brotli.
type encoding int

const (
	identity encoding = iota
	gzipped
	brotlied
	encodingCount
)

// contentCoding is each encoding's name in Content-Encoding, and suffix its ETag's ending: the
// representations differ in bytes, so each has its own strong ETag (RFC 9110, 8.8.3).
var (
	contentCoding = [encodingCount]string{"", "gzip", "br"}
	etagSuffix    = [encodingCount]string{"", "-gz", "-br"}
)

// The compression levels, measured by BenchmarkPageCompression on the home page (72 KB): brotli
// at 5 makes it 14 % smaller than gzip at any level, and takes a few milliseconds, paid once per
// change of the content, so only pages being stored are compressed with it; a page rendered for
// one request alone (the cache off, or a key not kept) is gzipped at the default level, as cheap
// as chi's compressor was, and the same bytes as the cached gzip, so one ETag names one body.
const (
	gzipLevel   = gzip.DefaultCompression
	brotliLevel = 5
)

// gzipWriters are reused: a new one allocates about a megabyte, and pages rendered for one
// request alone are gzipped on every request.
var gzipWriters = sync.Pool{New: func() any {
	zw, _ := gzip.NewWriterLevel(nil, gzipLevel) // the level is valid
	return zw
}}

// cachedPage is a rendered page: its status, the headers to replay, and its bytes in each
// encoding made, with their ETags.
type cachedPage struct {
	key    string
	status int
	header http.Header
	bodies [encodingCount][]byte
	etags  [encodingCount]string
	// size is what the page takes from the budget: its bodies and, roughly, the rest.
	size int64
}

// pageHeaders are the headers the page cache sets itself when it answers, so not kept from the
// handler's answer.
var pageHeaders = []string{"Cache-Control", "Content-Encoding", "Content-Length", "ETag", "Vary"}

// newCachedPage makes a page of a handler's answer, in the encodings asked for (identity always).
func newCachedPage(status int, header http.Header, body []byte, encs ...encoding) *cachedPage {
	p := &cachedPage{status: status, header: header.Clone()}
	for _, name := range pageHeaders {
		p.header.Del(name)
	}
	p.bodies[identity] = body
	tag := bodyETag(body)
	for e := range encodingCount {
		p.etags[e] = tag[:len(tag)-1] + etagSuffix[e] + `"`
	}
	for _, e := range encs {
		if e != identity && p.bodies[e] == nil {
			p.bodies[e] = compressed(body, e)
		}
	}
	// What the bodies hold, not only what they say: a body's array may be larger than its bytes.
	p.size = 512
	for _, b := range p.bodies {
		p.size += int64(cap(b))
	}
	return p
}

// compressed is body in encoding e.
func compressed(body []byte, e encoding) []byte {
	var buf bytes.Buffer
	buf.Grow(len(body) / 3)
	switch e {
	case gzipped:
		zw := gzipWriters.Get().(*gzip.Writer)
		zw.Reset(&buf)
		zw.Write(body)
		zw.Close()
		gzipWriters.Put(zw)
	case brotlied:
		bw := brotli.NewWriterLevel(&buf, brotliLevel)
		bw.Write(body)
		bw.Close()
	}
	return buf.Bytes()
}

// acceptedEncodings reads Accept-Encoding with its weights, as the static files do
// (static.Accepted): whether brotli and gzip are acceptable.
func acceptedEncodings(header string) (br, gz bool) {
	qbr, qgz, _ := static.Accepted(header)
	return qbr > 0, qgz > 0
}

// encodingFor is the encoding of p to answer r in: brotli, then gzip, of those r accepts and p
// has, else as rendered.
func (p *cachedPage) encodingFor(r *http.Request) encoding {
	br, gz := acceptedEncodings(r.Header.Get("Accept-Encoding"))
	switch {
	case br && p.bodies[brotlied] != nil:
		return brotlied
	case gz && p.bodies[gzipped] != nil:
		return gzipped
	}
	return identity
}

// oneOffEncoding is the encoding of a page rendered for r alone: gzip when r accepts it, since
// brotli costs too much to pay on every request.
func oneOffEncoding(r *http.Request) encoding {
	if _, gz := acceptedEncodings(r.Header.Get("Accept-Encoding")); gz {
		return gzipped
	}
	return identity
}
