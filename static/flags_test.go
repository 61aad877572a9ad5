package static_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"path"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"twincities/internal/content"
	"twincities/internal/i18n"
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
	total := 0
	for _, e := range entries {
		name := "flags/" + e.Name()
		if e.Name() == "LICENSE" {
			continue
		}
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
		checkSelfContained(t, name, body)
		total += len(body)
		if len(body) > maxFlag {
			t.Errorf("%s: %d bytes, more than %d", name, len(body), maxFlag)
		}
	}
	// Every flag is embedded in the binary and held in memory: the bound notices a regeneration
	// that stops minifying or takes a heavier set (flag-icons 7.5.0 minified: 1,598,508 bytes).
	if total > maxFlags {
		t.Errorf("the flags take %d bytes, more than %d", total, maxFlags)
	}
}

const (
	maxFlag  = 200 << 10 // the largest, Serbia's with its coat of arms, is 178 KiB
	maxFlags = 2 << 20
)

var (
	eventAttr = regexp.MustCompile(`(?i)\son[a-z]+\s*=`)
	reference = regexp.MustCompile(`(?i)href\s*=\s*["']\s*([^"'\s]?)|url\(\s*["']?\s*(.?)`)
)

// checkSelfContained refuses what could run code or load anything from elsewhere: an <img> would
// ignore both, but a flag opened at its own URL is a document of the site's origin. References
// inside the file (href="#a", url(#b)) are what flags are drawn with, and stay allowed.
func checkSelfContained(t *testing.T, name string, body []byte) {
	t.Helper()
	lower := strings.ToLower(string(body))
	for _, f := range []string{"<script", "<foreignobject", "javascript:", "@import", "<!entity", "<!doctype"} {
		if strings.Contains(lower, f) {
			t.Errorf("%s: contains %q", name, f)
		}
	}
	if eventAttr.Match(body) {
		t.Errorf("%s: has an event attribute", name)
	}
	for _, m := range reference.FindAllSubmatch(body, -1) {
		if string(m[1])+string(m[2]) != "#" {
			t.Errorf("%s: refers outside the file: %s", name, m[0])
		}
	}
}

// TestEveryCountryHasAFlag: staff may give a city any country of the admin's list, and its pages
// then show that country's flag.
func TestEveryCountryHasAFlag(t *testing.T) {
	t.Parallel()
	countries := i18n.Countries(content.EN)
	if len(countries) < 200 {
		t.Fatalf("only %d countries", len(countries))
	}
	for _, c := range countries {
		if name := "flags/" + strings.ToLower(c.Code) + ".svg"; !static.Exists(name) {
			t.Errorf("%s (%s) has no flag: run make flags", c.Code, c.Name)
		}
	}
}

// TestFlagsLicence: the flags are flag-icons' work under the MIT licence, which asks for its text to
// go with them, and the file names the version package.json pins, so a new pin without a new
// make flags is noticed.
func TestFlagsLicence(t *testing.T) {
	t.Parallel()
	body, err := os.ReadFile("flags/LICENSE")
	if err != nil {
		t.Fatal(err)
	}
	pkg, err := os.ReadFile("../package.json")
	if err != nil {
		t.Fatal(err)
	}
	var p struct {
		DevDependencies map[string]string `json:"devDependencies"`
	}
	if err := json.Unmarshal(pkg, &p); err != nil {
		t.Fatal(err)
	}
	version := p.DevDependencies["flag-icons"]
	if version == "" {
		t.Fatal("package.json does not pin flag-icons")
	}
	for _, want := range []string{"flag-icons " + version + "\n", "The MIT License", "Copyright (c) 2013 Panayiotis Lipiridis", "Permission is hereby granted"} {
		if !strings.Contains(string(body), want) {
			t.Errorf("flags/LICENSE lacks %q", want)
		}
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
