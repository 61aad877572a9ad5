package content_test

import (
	"testing"

	"twincities/internal/content"
)

func TestIsCountryCode(t *testing.T) {
	t.Parallel()
	tests := []struct {
		code string
		want bool
	}{
		{"DE", true},
		{"RU", true},
		{"GB", true},
		{"US", true},
		{"CN", true},
		{"FR", true},
		{"IT", true},
		{"AQ", true},
		{"", false},
		{"de", false}, // Normalize upper-cases; Validate must not accept the raw form.
		{"De", false},
		{"D", false},
		{"DEU", false},
		{"276", false},
		{"ZZ", false}, // "unknown region"
		{"XX", false}, // private use
		{"AA", false}, // private use
		{"EU", false}, // a union, not a country
		{"QO", false}, // CLDR's "Outlying Oceania"
		{"UN", false}, // the United Nations
		// An alias, not the code: "UK" has no flag file and sorts apart from "GB".
		{"UK", false},
		// Withdrawn from ISO 3166-1: the site has no name to show for them.
		{"SU", false},
		{"YU", false},
		{"DD", false},
		{"ZR", false},
		{"D1", false},
		{"ÄÖ", false},
	}
	for _, tt := range tests {
		if got := content.IsCountryCode(tt.code); got != tt.want {
			t.Errorf("IsCountryCode(%q) = %v, want %v", tt.code, got, tt.want)
		}
	}
}
