package main

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
)

// forbidden are what would let a flag run code or reach another server. Flags are shown with <img>,
// where browsers already refuse both, but a file opened at its own URL is a document of our origin.
var forbidden = []string{"<script", "href=\"http", "href='http", "xlink:href=\"http", "@import", "url(http",
	"<foreignobject", "javascript:", "<!entity"}

var (
	comment  = regexp.MustCompile(`(?s)<!--.*?-->`)
	prolog   = regexp.MustCompile(`(?s)<\?.*?\?>|<!DOCTYPE[^>]*>`)
	metadata = regexp.MustCompile(`(?s)<metadata\b.*?</metadata>|<metadata\b[^>]*/>`)
	space    = regexp.MustCompile(`\s+`)
	// An event attribute (onload=...) runs script; a reference (href, url()) must stay inside the file.
	handler   = regexp.MustCompile(`(?i)\son[a-z]+\s*=`)
	reference = regexp.MustCompile(`(?i)href\s*=\s*["']\s*([^"'\s]?)|url\(\s*["']?\s*(.?)`)
	rootID    = regexp.MustCompile(`^(<svg\b[^>]*?) id="flag-icons-[a-z-]+"`)
)

// minify removes what a browser does not draw: comments, the XML prolog, metadata, the unused id of
// the root and whitespace between and inside tags. Numbers are left as they are: flag-icons already
// rounds them. It refuses a file that could run a script or load anything, and checks that the
// result is well-formed SVG with a viewBox.
func minify(body []byte) ([]byte, error) {
	s := string(body)
	lower := strings.ToLower(s)
	for _, f := range forbidden {
		if strings.Contains(lower, f) {
			return nil, fmt.Errorf("contains %q", f)
		}
	}
	if handler.MatchString(s) {
		return nil, errors.New("has an event attribute")
	}
	for _, m := range reference.FindAllStringSubmatch(s, -1) {
		if m[1]+m[2] != "#" {
			return nil, fmt.Errorf("refers outside the file: %q", m[0])
		}
	}
	// Whitespace is collapsed everywhere, which only text content would notice.
	if strings.Contains(lower, "<text") || strings.Contains(lower, "<tspan") || strings.Contains(lower, "<textpath") {
		return nil, errors.New("has text, whose spaces the minifier would change")
	}
	s = comment.ReplaceAllString(s, "")
	s = prolog.ReplaceAllString(s, "")
	s = metadata.ReplaceAllString(s, "")
	s = space.ReplaceAllString(strings.TrimSpace(s), " ")
	s = strings.NewReplacer(" />", "/>", " >", ">", "< ", "<").Replace(s)
	s = strings.ReplaceAll(s, "> <", "><")
	if !strings.Contains(s, "#flag-icons-") {
		s = rootID.ReplaceAllString(s, "$1")
	}
	out := []byte(s)
	if err := checkSVG(out); err != nil {
		return nil, err
	}
	return out, nil
}

// checkSVG decodes the whole document and checks its root is an svg element with a viewBox: the
// pages give the flag its size, which only a viewBox lets it fill.
func checkSVG(body []byte) error {
	dec := xml.NewDecoder(bytes.NewReader(body))
	root := true
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("not well-formed after minifying: %w", err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok || !root {
			continue
		}
		root = false
		if se.Name.Space != "http://www.w3.org/2000/svg" || se.Name.Local != "svg" {
			return fmt.Errorf("root element is {%s}%s", se.Name.Space, se.Name.Local)
		}
		var viewBox bool
		for _, a := range se.Attr {
			viewBox = viewBox || a.Name.Local == "viewBox" && a.Value != ""
		}
		if !viewBox {
			return errors.New("the root has no viewBox")
		}
	}
}
