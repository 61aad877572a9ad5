package markdown_test

import (
	"regexp"
	"strings"
	"testing"

	"twincities/internal/markdown"
)

func TestRenderFormatting(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, src string
		want      []string // fragments the HTML must contain
	}{
		{"paragraphs", "First paragraph.\n\nSecond paragraph.", []string{"<p>First paragraph.</p>", "<p>Second paragraph.</p>"}},
		{"emphasis", "Perm is *on the Kama* and **in the Urals**.", []string{"<em>on the Kama</em>", "<strong>in the Urals</strong>"}},
		{"Cyrillic", "Пермь — *город* на Каме.", []string{"<p>Пермь — <em>город</em> на Каме.</p>"}},
		{"list", "- Oxford\n- Louisville", []string{"<ul>", "<li>Oxford</li>", "<li>Louisville</li>"}},
		{"strikethrough", "~~Tallinn~~", []string{"<del>Tallinn</del>"}},
		{"table", "| City | Since |\n|---|---|\n| Oxford | 1995 |", []string{"<table>", "<td>Oxford</td>"}},
		{"link", "See [the city site](https://www.gorodperm.ru/).", []string{`href="https://www.gorodperm.ru/"`, ">the city site</a>"}},
		{"bare address becomes a link", "See https://www.gorodperm.ru for more.", []string{`href="https://www.gorodperm.ru"`}},
		{"mailto link", "[Write to us](mailto:info@example.org)", []string{`href="mailto:info@example.org"`}},
		{"text is escaped", "a < b & c > d", []string{"a &lt; b &amp; c &gt; d"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := markdown.Render(tt.src)
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("Render(%q) = %q, missing %q", tt.src, got, w)
				}
			}
		})
	}
}

func TestRenderRemovesDangerousMarkup(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, src string
		keep      string // harmless text that must survive
	}{
		{"script block", "Before\n\n<script>alert(1)</script>\n\nAfter", "After"},
		{"inline script", "Hello <script>alert(1)</script> world", "Hello"},
		{"image with onerror", `Hi <img src=x onerror="alert(1)">`, "Hi"},
		{"onerror in a block", "<div><img src=x onerror=alert(1)></div>\n\nText", "Text"},
		{"javascript link", "[click me](javascript:alert(1))", "click me"},
		{"javascript link in capitals", "[click me](JaVaScRiPt:alert(1))", "click me"},
		{"javascript link with entity", "[click me](jav&#x09;ascript:alert(1))", "click me"},
		{"raw anchor with handler", `<a href="https://example.org" onclick="steal()">x</a> text`, "text"},
		{"raw html block", "<div class=\"x\">raw</div>\n\nparagraph", "paragraph"},
		{"iframe", `<iframe src="https://evil.example"></iframe>` + "\n\nok", "ok"},
		{"style", "<style>body{display:none}</style>\n\nok", "ok"},
		{"data image", "![x](data:text/html;base64,PHNjcmlwdD4=) ok", "ok"},
		{"reference link to javascript", "[x][1] ok\n\n[1]: javascript:alert(1)", "ok"},
	}
	forbidden := regexp.MustCompile(`(?i)<script|<iframe|<style|<div|<img[^>]*onerror|\son[a-z]+=|javascript:|data:text`)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := markdown.Render(tt.src)
			if m := forbidden.FindString(got); m != "" {
				t.Errorf("Render(%q) = %q, still contains %q", tt.src, got, m)
			}
			if !strings.Contains(got, tt.keep) {
				t.Errorf("Render(%q) = %q, lost the text %q", tt.src, got, tt.keep)
			}
		})
	}
}

var anchor = regexp.MustCompile(`<a\s[^>]*>`)

// Staff link to foreign city halls; those sites need not learn which page of ours sent the visitor.
func TestRenderLinksSendNoReferrer(t *testing.T) {
	t.Parallel()
	src := "[Oxford](https://www.oxford.gov.uk/) and [Louisville](http://louisvilleky.gov) and https://www.gorodperm.ru"
	got := markdown.Render(src)
	tags := anchor.FindAllString(got, -1)
	if len(tags) != 3 {
		t.Fatalf("Render(%q) = %q: want 3 links", src, got)
	}
	rel := regexp.MustCompile(`rel="([^"]*)"`)
	for _, tag := range tags {
		m := rel.FindStringSubmatch(tag)
		if m == nil || !strings.Contains(" "+m[1]+" ", " noreferrer ") {
			t.Errorf("link %s has no rel=noreferrer", tag)
		}
	}
}

func TestRenderEmpty(t *testing.T) {
	t.Parallel()
	if got := markdown.Render(""); got != "" {
		t.Errorf("Render(\"\") = %q", got)
	}
}
