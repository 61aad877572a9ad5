package i18n_test

import (
	"strings"
	"testing"

	"twincities/internal/content"
	"twincities/internal/i18n"
)

func TestTypesetRussian(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"15 октября 2007 г.", "15~октября 2007~г."},
		{"20 лет", "20~лет"},
		{"%d лет", "%d~лет"},
		{"3 180 км", "3~180~км"},
		{"1 000 000 жителей", "1~000~000~жителей"},
		{"Пермь — город на Каме", "Пермь~— город на~Каме"},
		{"1994 – 2022", "1994~– 2022"},
		{"1994–2022", "1994–2022"}, // a dash between numbers has no spaces to tie
		{"побратимы в Европе и в Азии", "побратимы в~Европе и~в~Азии"},
		{"В Перми и Дуйсбурге", "В~Перми и~Дуйсбурге"},
		{"(и Дуйсбург)", "(и~Дуйсбург)"},
		{"не более %s", "не~более %s"},
		{"UCLG и ОГМВ", "UCLG и~ОГМВ"},
		{"go to it", "go to it"}, // Latin short words are English's business
		{"", ""},
	}
	// The second pass gets what Typeset remembered of the first.
	for pass := range 2 {
		for _, tt := range tests {
			want := strings.ReplaceAll(tt.want, "~", i18n.NBSP)
			if got := i18n.Typeset(content.RU, tt.in); got != want {
				t.Errorf("pass %d: Typeset(ru, %q) = %q, want %q", pass+1, tt.in, got, want)
			}
		}
	}
}

func TestTypesetLeavesEnglish(t *testing.T) {
	t.Parallel()
	for _, s := range []string{"15 October 2007", "20 years", "Perm — a city on the Kama", "в Перми"} {
		if got := i18n.Typeset(content.EN, s); got != s {
			t.Errorf("Typeset(en, %q) = %q, want it unchanged", s, got)
		}
	}
}

// The Russian catalogue reaches templates with its ties already in place, maps and counted
// nouns included; the English one is untouched.
func TestRussianCatalogueIsTypeset(t *testing.T) {
	t.Parallel()
	ru, en := i18n.For(content.RU), i18n.For(content.EN)
	checks := []struct{ got, want string }{
		{ru.MembershipsIntro, "Союзы, организации и~ассоциации местного самоуправления, в~которые входит Пермь."},
		{ru.CountMemberships.One, "союз или ассоциация"},
		{ru.CountMemberships.Few, "союза и~ассоциации"},
		{ru.OrgKindNames[content.Union], "Союзы и~организации местного самоуправления"},
	}
	for _, c := range checks {
		if want := strings.ReplaceAll(c.want, "~", i18n.NBSP); c.got != want {
			t.Errorf("got %q, want %q", c.got, want)
		}
	}
	if strings.Contains(en.MembershipsIntro, i18n.NBSP) {
		t.Errorf("English catalogue typeset: %q", en.MembershipsIntro)
	}
}
