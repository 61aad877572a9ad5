package main

import (
	"strings"
	"testing"
)

func TestMinify(t *testing.T) {
	in := `<?xml version="1.0"?>
<!-- drawn by hand -->
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" id="flag-icons-xx" viewBox="0 0 640 480">
  <metadata><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/></metadata>
  <defs>
    <clipPath id="a"><path d="M0 0h640v480H0z"/></clipPath>
  </defs>
  <g clip-path="url(#a)">
    <path   fill="#fc0"
      d="M0 320h640v160H0z" />
    <use xlink:href="#b" />
  </g>
</svg>
`
	want := `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 640 480">` +
		`<defs><clipPath id="a"><path d="M0 0h640v480H0z"/></clipPath></defs>` +
		`<g clip-path="url(#a)"><path fill="#fc0" d="M0 320h640v160H0z"/><use xlink:href="#b"/></g></svg>`
	got, err := minify([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want {
		t.Errorf("minify =\n%s\nwant\n%s", got, want)
	}
}

// TestMinifyRefuses: a flag that could run a script or load anything is not written at all.
func TestMinifyRefuses(t *testing.T) {
	const head = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 3">`
	tests := map[string]string{
		"script":         head + `<SCRIPT>alert(1)</SCRIPT></svg>`,
		"event":          head + `<path onclick="alert(1)" d="M0 0h4v3H0z"/></svg>`,
		"href":           head + `<image href="http://example.org/a.png"/></svg>`,
		"xlink":          head + `<use xlink:href="https://example.org/a.svg#b"/></svg>`,
		"relative href":  head + `<use href="other.svg#b"/></svg>`,
		"import":         head + `<style>@import "x.css";</style></svg>`,
		"url":            head + `<path style="fill:url(http://example.org/a.svg#p)" d="M0 0h4v3H0z"/></svg>`,
		"quoted url":     head + `<path fill="url('https://example.org/a.svg#p')" d="M0 0h4v3H0z"/></svg>`,
		"foreign object": head + `<foreignObject><p>x</p></foreignObject></svg>`,
		"no viewBox":     `<svg xmlns="http://www.w3.org/2000/svg"><path d="M0 0h4v3H0z"/></svg>`,
		"not svg":        `<html xmlns="http://www.w3.org/1999/xhtml" viewBox="0 0 4 3"/>`,
		"broken":         head + `<path d="M0 0h4v3H0z"></svg>`,
		"text":           head + `<text>Perm  2026</text></svg>`,
	}
	for name, in := range tests {
		if out, err := minify([]byte(in)); err == nil {
			t.Errorf("%s: accepted as %s", name, out)
		} else if strings.Contains(err.Error(), "%!") {
			t.Errorf("%s: %v", name, err)
		}
	}
}
