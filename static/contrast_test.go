package static_test

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"twincities/static"
)

// colourVars reads the "--name: #rrggbb" custom properties of the CSS block that starts with
// selector in css.
func colourVars(t *testing.T, css, selector string) map[string]string {
	t.Helper()
	start := strings.Index(css, selector+" {")
	if start < 0 {
		t.Fatalf("site.css has no %q block", selector)
	}
	block := css[start : start+strings.Index(css[start:], "}")]
	vars := map[string]string{}
	for _, m := range regexp.MustCompile(`--([a-z-]+):\s*(#[0-9a-fA-F]{6})`).FindAllStringSubmatch(block, -1) {
		vars[m[1]] = m[2]
	}
	return vars
}

// luminance is the relative luminance of #rrggbb, as WCAG 2 defines it.
func luminance(t *testing.T, hex string) float64 {
	t.Helper()
	var c [3]float64
	for i := range c {
		v, err := strconv.ParseUint(hex[1+2*i:3+2*i], 16, 8)
		if err != nil {
			t.Fatalf("bad colour %q", hex)
		}
		s := float64(v) / 255
		if s <= 0.03928 {
			c[i] = s / 12.92
		} else {
			c[i] = math.Pow((s+0.055)/1.055, 2.4)
		}
	}
	return 0.2126*c[0] + 0.7152*c[1] + 0.0722*c[2]
}

func contrast(t *testing.T, a, b string) float64 {
	la, lb := luminance(t, a), luminance(t, b)
	return (math.Max(la, lb) + 0.05) / (math.Min(la, lb) + 0.05)
}

// TestEveryColourSchemeHasEnoughContrast checks every pair of text and background colours the
// pages use, in the ordinary scheme and in each scheme of the version for the visually impaired,
// against WCAG's 4.5:1 for text.
func TestEveryColourSchemeHasEnoughContrast(t *testing.T) {
	t.Parallel()
	body, ok := static.File("css/site.css")
	if !ok {
		t.Fatal("no css/site.css")
	}
	css := string(body)
	root := colourVars(t, css, ":root")
	pairs := [][2]string{
		{"text", "bg"}, {"text", "bg-alt"}, {"muted", "bg"}, {"muted", "bg-alt"},
		{"link", "bg"}, {"link", "bg-alt"}, {"link-visited", "bg"}, {"link-visited", "bg-alt"},
		{"link-hover", "bg"}, {"brand-text", "brand"}, {"error", "bg"}, {"text", "notice-bg"}, {"focus-text", "focus"},
	}
	for _, scheme := range []string{"", "html.scheme-black-on-white", "html.scheme-white-on-black", "html.scheme-blue"} {
		vars := map[string]string{}
		for k, v := range root {
			vars[k] = v
		}
		name := "ordinary"
		if scheme != "" {
			name = scheme
			for k, v := range colourVars(t, css, scheme) {
				vars[k] = v
			}
		}
		for _, p := range pairs {
			fg, bg := vars[p[0]], vars[p[1]]
			if fg == "" || bg == "" {
				t.Errorf("%s: --%s or --%s is not a #rrggbb colour", name, p[0], p[1])
				continue
			}
			if r := contrast(t, fg, bg); r < 4.5 {
				t.Errorf("%s: --%s %s on --%s %s is %.2f:1, below 4.5:1", name, p[0], fg, p[1], bg, r)
			}
		}
	}
}
