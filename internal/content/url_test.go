package content_test

import (
	"testing"

	"twincities/internal/content"
)

func TestIsWebURL(t *testing.T) {
	t.Parallel()
	tests := []struct {
		url  string
		want bool
	}{
		{"https://www.gorodperm.ru/", true},
		{"http://example.org", true},
		{"https://example.org/path?q=1#frag", true},
		{"https://пермь.рф/", true},
		{"HTTPS://EXAMPLE.ORG", false}, // the database accepts lower case only; Normalize lowers it
		{"https://example.org/\u00a0x", false},
		{"https://example.org:8443/x", true},
		{"", false},
		{"www.gorodperm.ru", false},
		{"//example.org", false},
		{"/ru/about", false},
		{"ftp://example.org/file", false},
		{"mailto:info@example.org", false},
		{"javascript:alert(1)", false},
		{"data:text/html,<b>x</b>", false},
		{"https://", false},
		{"http:///path", false},
		{"https:example.org", false},
		{"https://exa mple.org", false},
		{"https://example.org/a b", false},
		{" https://example.org", false},
		{"https://example.org\n", false},
		{"https://example.org\t", false},
		{"https://[::1", false},
	}
	for _, tt := range tests {
		if got := content.IsWebURL(tt.url); got != tt.want {
			t.Errorf("IsWebURL(%q) = %v, want %v", tt.url, got, tt.want)
		}
	}
}

func TestNormalizeLowersTheURLScheme(t *testing.T) {
	t.Parallel()
	c := content.City{Website: " HTTPS://Example.org/Path ", Sources: []content.Source{{Title: "x", URL: "Http://a.example/B"}}}
	c.Normalize()
	if c.Website != "https://Example.org/Path" || c.Sources[0].URL != "http://a.example/B" {
		t.Errorf("after Normalize: website %q, source %q", c.Website, c.Sources[0].URL)
	}
	if !content.IsWebURL(c.Website) {
		t.Errorf("normalized %q is still not a web URL", c.Website)
	}
}
