package i18n_test

import (
	"strings"
	"testing"

	"twincities/internal/content"
	"twincities/internal/i18n"
)

func TestCountRussian(t *testing.T) {
	t.Parallel()
	f := i18n.Forms{One: "город", Few: "города", Many: "городов"}
	tests := []struct {
		n    int
		want string
	}{
		{0, "0 городов"},
		{1, "1 город"},
		{2, "2 города"},
		{3, "3 города"},
		{4, "4 города"},
		{5, "5 городов"},
		{10, "10 городов"},
		{11, "11 городов"},
		{12, "12 городов"},
		{13, "13 городов"},
		{14, "14 городов"},
		{15, "15 городов"},
		{20, "20 городов"},
		{21, "21 город"},
		{22, "22 города"},
		{24, "24 города"},
		{25, "25 городов"},
		{100, "100 городов"},
		{101, "101 город"},
		{102, "102 города"},
		{111, "111 городов"},
		{112, "112 городов"},
		{114, "114 городов"},
		{121, "121 город"},
		{1001, "1001 город"},
	}
	for _, tt := range tests {
		// The number and its noun are joined by a non-breaking space.
		want := strings.Replace(tt.want, " ", i18n.NBSP, 1)
		if got := i18n.Count(content.RU, tt.n, f); got != want {
			t.Errorf("Count(ru, %d) = %q, want %q", tt.n, got, want)
		}
	}
}

func TestCountEnglish(t *testing.T) {
	t.Parallel()
	// English has no "few": a Few form must never be picked, even where Russian would.
	f := i18n.Forms{One: "award", Few: "WRONG", Many: "awards"}
	tests := []struct {
		n    int
		want string
	}{
		{0, "0 awards"},
		{1, "1 award"},
		{2, "2 awards"},
		{4, "4 awards"},
		{11, "11 awards"},
		{21, "21 awards"},
		{22, "22 awards"},
		{101, "101 awards"},
	}
	for _, tt := range tests {
		if got := i18n.Count(content.EN, tt.n, f); got != tt.want {
			t.Errorf("Count(en, %d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}

func TestCountCatalogueForms(t *testing.T) {
	t.Parallel()
	ru, en := i18n.For(content.RU), i18n.For(content.EN)
	checks := []struct{ got, want string }{
		{i18n.Count(content.RU, 6, ru.CountTwinCities), tie("6~городов-побратимов")},
		{i18n.Count(content.RU, 3, ru.CountPartnerCities), tie("3~города-партнёра")},
		{i18n.Count(content.RU, 1, ru.CountAwards), tie("1~награда")},
		{i18n.Count(content.EN, 1, en.CountTwinCities), "1 twin city"},
		{i18n.Count(content.EN, 6, en.CountTwinCities), "6 twin cities"},
		{i18n.Count(content.EN, 3, en.CountAwards), "3 awards"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

func TestShownGroupsThousands(t *testing.T) {
	for _, c := range []struct {
		l               content.Lang
		from, to, total int
		want            string
	}{
		{content.RU, 1, 50, 1000, "Показано 1–50 из\u00a01\u00a0000"},
		{content.EN, 951, 1000, 1000, "Showing 951–1,000 of 1,000"},
		{content.EN, 1, 20, 35, "Showing 1–20 of 35"},
	} {
		if got := i18n.Shown(c.l, i18n.For(c.l).ListShown, c.from, c.to, c.total); got != c.want {
			t.Errorf("Shown(%s, %d, %d, %d) = %q, want %q", c.l, c.from, c.to, c.total, got, c.want)
		}
	}
}
