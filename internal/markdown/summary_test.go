package markdown_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"twincities/internal/markdown"
)

func TestSummaryPlainText(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, src, want string
	}{
		{"markup stripped", "Perm is *twinned* with [Oxford](https://www.oxford.gov.uk/).", "Perm is twinned with Oxford."},
		{"whitespace collapsed", "First  line\nsecond\tline\n\n\nthird   paragraph", "First line second line third paragraph"},
		// The result goes into a meta attribute that the template escapes itself: no double escaping.
		{"entities unescaped", "Tom & Jerry < \"Oxford\"", `Tom & Jerry < "Oxford"`},
		{"raw html dropped", "<b>Bold</b> text <script>x()</script>", "Bold text x()"},
		{"headings and lists", "# Title\n\n- one\n- two", "Title one two"},
		{"empty", "", ""},
		{"short text untouched", "Пермь", "Пермь"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := markdown.Summary(tt.src, 200); got != tt.want {
				t.Errorf("Summary(%q) = %q, want %q", tt.src, got, tt.want)
			}
		})
	}
}

func TestSummaryCut(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		src  string
		max  int
		want string
	}{
		{"fits exactly", "The quick brown fox", 19, "The quick brown fox"},
		{"cut at a word", "The quick brown fox jumps over the lazy dog", 20, "The quick brown fox…"},
		{"cut earlier at a word", "The quick brown fox jumps over the lazy dog", 12, "The quick…"},
		{"punctuation before the cut dropped", "Perm, Oxford, Louisville, Duisburg", 15, "Perm, Oxford…"},
		// A word boundary in the first half would throw away too much: cut inside the word instead.
		{"long word", "Perm Supercalifragilisticexpialidocious", 16, "Perm Supercalif…"},
		{"no space at all", "Supercalifragilisticexpialidocious", 10, "Supercali…"},
		{"Cyrillic cut at a word", "Пермь — административный центр Пермского края", 32, "Пермь — административный центр…"},
		// The same shape as "long word": runes count, not bytes, or Russian would be cut at "Пермь".
		{"Cyrillic long word", "Пермь Достопримечательность", 16, "Пермь Достоприм…"},
		{"Cyrillic no space", "Достопримечательность", 10, "Достоприм…"},
		{"no room at all", "Пермь", 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := markdown.Summary(tt.src, tt.max)
			if got != tt.want {
				t.Errorf("Summary(%q, %d) = %q, want %q", tt.src, tt.max, got, tt.want)
			}
		})
	}
}

// Whatever the text, the summary keeps the promised length, ellipsis included, and is the start of
// the text.
func TestSummaryLimit(t *testing.T) {
	t.Parallel()
	texts := []string{
		"Пермь — административный центр Пермского края, крупный промышленный, научный и культурный центр на Урале.",
		"Perm is the administrative centre of Perm Krai, a large industrial, scientific and cultural centre in the Urals.",
		"Пермь Достопримечательность Достопримечательность",
		"Города-побратимы: Оксфорд, Луисвилл, Дуйсбург, Агридженто, Цзыбо.",
	}
	for _, text := range texts {
		for max := 1; max <= utf8.RuneCountInString(text)+1; max++ {
			got := markdown.Summary(text, max)
			if n := utf8.RuneCountInString(got); n > max {
				t.Errorf("Summary(%q, %d) = %q has %d characters", text, max, got, n)
			}
			if !utf8.ValidString(got) {
				t.Errorf("Summary(%q, %d) = %q is not valid UTF-8", text, max, got)
			}
			if !strings.HasPrefix(text, strings.TrimSuffix(got, "…")) {
				t.Errorf("Summary(%q, %d) = %q is not a prefix of the text", text, max, got)
			}
			if utf8.RuneCountInString(text) > max && !strings.HasSuffix(got, "…") {
				t.Errorf("Summary(%q, %d) = %q: a cut text must end with an ellipsis", text, max, got)
			}
		}
	}
}
