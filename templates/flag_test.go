package templates

import (
	"strings"
	"testing"

	"twincities/internal/content"
	"twincities/internal/i18n"
	"twincities/static"
)

// TestFlagPathFindsEveryCountry: a city of any country staff can choose shows its flag, under the
// hashed name browsers may keep for a year.
func TestFlagPathFindsEveryCountry(t *testing.T) {
	for _, c := range i18n.Countries(content.EN) {
		lower := strings.ToLower(c.Code)
		got := flagPath(c.Code)
		if !strings.HasPrefix(got, static.Prefix+"flags/"+lower+".") || !strings.HasSuffix(got, ".svg") ||
			got == static.Prefix+"flags/"+lower+".svg" {
			t.Errorf("flagPath(%s) = %q, want the hashed name of flags/%s.svg", c.Code, got, lower)
		}
	}
	if got := flagPath("ZZ"); got != "" {
		t.Errorf("flagPath(ZZ) = %q, want none", got)
	}
}
