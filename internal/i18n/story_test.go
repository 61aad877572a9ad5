package i18n_test

import (
	"testing"

	"twincities/internal/content"
	"twincities/internal/i18n"
)

// The home page's lead agrees with its numbers in both languages, and says nothing of partner
// cities when there are none.
func TestHomeLeadAgreesWithItsNumbers(t *testing.T) {
	t.Parallel()
	tie := func(s string) string {
		out := []rune{}
		for _, r := range s {
			if r == '~' {
				r = '\u00a0'
			}
			out = append(out, r)
		}
		return string(out)
	}
	cases := []struct {
		l                       content.Lang
		twins, former, partners int
		want                    string
	}{
		{content.EN, 1, 0, 1, "Perm has 1 twin city, and cooperation agreements with 1 Russian city."},
		{content.EN, 4, 2, 21, "Perm has 4 twin cities and 2 former ones, and cooperation agreements with 21 Russian cities."},
		{content.EN, 6, 0, 0, "Perm has 6 twin cities."},
		{content.RU, 1, 1, 2, tie("У~Перми 1~город-побратим и~1~бывший, а~также соглашения о~сотрудничестве с~2~российскими городами.")},
		{content.RU, 5, 0, 21, tie("У~Перми 5~городов-побратимов, а~также соглашения о~сотрудничестве с~21~российским городом.")},
		{content.RU, 2, 0, 0, tie("У~Перми 2~города-побратима.")},
	}
	for _, c := range cases {
		if got := i18n.HomeLead(c.l, c.twins, c.former, c.partners); got != c.want {
			t.Errorf("%s %d/%d/%d: %q, want %q", c.l, c.twins, c.former, c.partners, got, c.want)
		}
	}
}
