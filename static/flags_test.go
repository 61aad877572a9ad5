package static_test

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"path"
	"strconv"
	"strings"
	"testing"

	"twincities/internal/content"
	"twincities/static"
)

// checkSVG decodes the whole document, so a stray tag anywhere fails, and checks the root: a
// flag without a viewBox does not scale to the size the pages give it.
func checkSVG(t *testing.T, name string, body []byte) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(body))
	var root *xml.StartElement
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Errorf("%s: not well-formed XML: %v", name, err)
			return
		}
		if se, ok := tok.(xml.StartElement); ok && root == nil {
			se = se.Copy()
			root = &se
		}
	}
	if root == nil {
		t.Errorf("%s: no root element", name)
		return
	}
	if root.Name.Local != "svg" || root.Name.Space != "http://www.w3.org/2000/svg" {
		t.Errorf("%s: root element is {%s}%s, want an SVG svg element", name, root.Name.Space, root.Name.Local)
	}
	var viewBox string
	for _, a := range root.Attr {
		if a.Name.Local == "viewBox" {
			viewBox = a.Value
		}
	}
	nums := strings.Fields(strings.ReplaceAll(viewBox, ",", " "))
	if len(nums) != 4 {
		t.Errorf("%s: viewBox %q is not four numbers", name, viewBox)
		return
	}
	for i, n := range nums {
		v, err := strconv.ParseFloat(n, 64)
		if err != nil || (i >= 2 && v <= 0) {
			t.Errorf("%s: viewBox %q is not min-x min-y width height", name, viewBox)
		}
	}
}

func TestFlagsAreSVG(t *testing.T) {
	t.Parallel()
	entries, err := os.ReadDir("flags")
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) == 0 {
		t.Fatal("no flags")
	}
	for _, e := range entries {
		name := "flags/" + e.Name()
		if path.Ext(name) != ".svg" {
			t.Errorf("%s: only .svg files belong in flags/", name)
			continue
		}
		// Pages look a flag up by the city's country code, lower-cased.
		code := strings.TrimSuffix(e.Name(), ".svg")
		if code != strings.ToLower(code) || !content.IsCountryCode(strings.ToUpper(code)) {
			t.Errorf("%s: not named by a lower-case country code", name)
		}
		if !static.Exists(name) {
			t.Errorf("%s: on disk but not embedded", name)
		}
		body, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		checkSVG(t, name, body)
	}
}

func TestIconIsSVG(t *testing.T) {
	t.Parallel()
	body, ok := static.File("img/icon.svg")
	if !ok {
		t.Fatal("img/icon.svg not embedded")
	}
	checkSVG(t, "img/icon.svg", body)
}
