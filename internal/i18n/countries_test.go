package i18n_test

import (
	"testing"

	"twincities/internal/content"
	"twincities/internal/i18n"
)

func TestCountryName(t *testing.T) {
	t.Parallel()
	tests := []struct {
		code   string
		ru, en string
	}{
		{"DE", "Германия", "Germany"},
		{"US", "США", "United States"},
		{"GB", "Великобритания", "United Kingdom"},
		{"FR", "Франция", "France"},
		{"IT", "Италия", "Italy"},
		{"CN", "Китай", "China"},
		{"RU", "Россия", "Russia"},
		// Codes the tables cannot name come back as they are rather than as "".
		{"XX", "XX", "XX"},
		{"Q1", "Q1", "Q1"},
		{"", "", ""},
	}
	for _, tt := range tests {
		if got := i18n.CountryName(tt.code, content.RU); got != tt.ru {
			t.Errorf("CountryName(%q, ru) = %q, want %q", tt.code, got, tt.ru)
		}
		if got := i18n.CountryName(tt.code, content.EN); got != tt.en {
			t.Errorf("CountryName(%q, en) = %q, want %q", tt.code, got, tt.en)
		}
	}
}

// Whatever Validate lets staff save, the site must be able to name in both languages.
func TestCountryNameForEveryValidCode(t *testing.T) {
	t.Parallel()
	n := 0
	for a := 'A'; a <= 'Z'; a++ {
		for b := 'A'; b <= 'Z'; b++ {
			code := string([]rune{a, b})
			if !content.IsCountryCode(code) {
				continue
			}
			n++
			for _, l := range content.Langs {
				if name := i18n.CountryName(code, l); name == "" || name == code {
					t.Errorf("CountryName(%q, %s) = %q", code, l, name)
				}
			}
		}
	}
	// ISO 3166-1 assigns 249 codes; far fewer means IsCountryCode rejects real countries.
	if n < 249 {
		t.Errorf("only %d codes accepted as countries", n)
	}
}
