package i18n_test

import (
	"strings"
	"testing"

	"twincities/internal/content"
	"twincities/internal/i18n"
)

// The former part agrees with its number in Russian and is left out when there are none.
func TestCountWithFormer(t *testing.T) {
	t.Parallel()
	ru, en := i18n.For(content.RU), i18n.For(content.EN)
	tests := []struct {
		l               content.Lang
		current, former int
		noun            i18n.Forms
		want            string
	}{
		{content.RU, 4, 2, ru.CountTwinCities, "4 города-побратима и 2 бывших"},
		{content.RU, 5, 1, ru.CountTwinCities, "5 городов-побратимов и 1 бывший"},
		{content.RU, 21, 11, ru.CountPartnerCities, "21 город-партнёр и 11 бывших"},
		{content.RU, 3, 21, ru.CountPartnerCities, "3 города-партнёра и 21 бывший"},
		{content.RU, 4, 0, ru.CountTwinCities, "4 города-побратима"},
		{content.RU, 0, 2, ru.CountTwinCities, "0 городов-побратимов и 2 бывших"},
		{content.EN, 4, 2, en.CountTwinCities, "4 twin cities and 2 former ones"},
		{content.EN, 1, 1, en.CountPartnerCities, "1 partner city and 1 former one"},
		{content.EN, 4, 0, en.CountTwinCities, "4 twin cities"},
	}
	for _, tt := range tests {
		got := i18n.CountWithFormer(tt.l, tt.current, tt.former, tt.noun)
		// The Russian text is typeset: its non-breaking spaces are compared as spaces.
		if plain := strings.ReplaceAll(got, i18n.NBSP, " "); plain != tt.want {
			t.Errorf("CountWithFormer(%s, %d, %d) = %q, want %q", tt.l, tt.current, tt.former, plain, tt.want)
		}
		if tt.l == content.RU && !strings.Contains(got, i18n.NBSP) {
			t.Errorf("CountWithFormer(%s, %d, %d) = %q is not typeset", tt.l, tt.current, tt.former, got)
		}
	}
}
