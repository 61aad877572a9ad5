package i18n_test

import (
	"strings"
	"testing"
	"time"

	"twincities/internal/content"
	"twincities/internal/i18n"
)

var (
	day   = content.DayDate(2007, time.October, 15)
	month = content.MonthDate(2006, time.November)
	year  = content.YearDate(1994)
)

func TestFormatDate(t *testing.T) {
	t.Parallel()
	tests := []struct {
		d      content.Date
		ru, en string
	}{
		{day, tie("15~октября 2007~г."), "15 October 2007"},
		{month, tie("ноябрь 2006~г."), "November 2006"},
		{year, tie("1994~г."), "1994"},
		// A day date keeps its day even on the first of the month; month and year dates never show it.
		{content.DayDate(2001, time.January, 1), tie("1~января 2001~г."), "1 January 2001"},
		{content.MonthDate(2001, time.January), tie("январь 2001~г."), "January 2001"},
		{content.Date{}, "", ""},
	}
	for _, tt := range tests {
		if got := i18n.FormatDate(tt.d, content.RU); got != tt.ru {
			t.Errorf("FormatDate(%#v, ru) = %q, want %q", tt.d, got, tt.ru)
		}
		if got := i18n.FormatDate(tt.d, content.EN); got != tt.en {
			t.Errorf("FormatDate(%#v, en) = %q, want %q", tt.d, got, tt.en)
		}
	}
}

func TestFormatSince(t *testing.T) {
	t.Parallel()
	tests := []struct {
		d      content.Date
		ru, en string
	}{
		{year, tie("с~1994~г."), "since 1994"},
		{month, tie("с~ноября 2006~г."), "since November 2006"},
		{day, tie("с~15~октября 2007~г."), "since 15 October 2007"},
		{content.Date{}, "", ""},
	}
	for _, tt := range tests {
		if got := i18n.FormatSince(tt.d, content.RU); got != tt.ru {
			t.Errorf("FormatSince(%#v, ru) = %q, want %q", tt.d, got, tt.ru)
		}
		if got := i18n.FormatSince(tt.d, content.EN); got != tt.en {
			t.Errorf("FormatSince(%#v, en) = %q, want %q", tt.d, got, tt.en)
		}
	}
}

func TestFormatWhen(t *testing.T) {
	t.Parallel()
	tests := []struct {
		d      content.Date
		ru, en string
	}{
		{content.MonthDate(2022, time.March), tie("в~марте 2022~г."), "in March 2022"},
		{content.YearDate(2022), tie("в~2022~г."), "in 2022"},
		{day, tie("15~октября 2007~г."), "on 15 October 2007"},
		{content.Date{}, "", ""},
	}
	for _, tt := range tests {
		if got := i18n.FormatWhen(tt.d, content.RU); got != tt.ru {
			t.Errorf("FormatWhen(%#v, ru) = %q, want %q", tt.d, got, tt.ru)
		}
		if got := i18n.FormatWhen(tt.d, content.EN); got != tt.en {
			t.Errorf("FormatWhen(%#v, en) = %q, want %q", tt.d, got, tt.en)
		}
	}
}

// Each Russian case is reached through the one format that needs it: the nominative in a bare
// month ("май 2010 г."), the genitive after a day or "с" ("с мая 2010 г."), the prepositional after
// "в" ("в мае 2010 г.").
func TestRussianMonthCases(t *testing.T) {
	t.Parallel()
	nom := []string{"январь", "февраль", "март", "апрель", "май", "июнь",
		"июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь"}
	gen := []string{"января", "февраля", "марта", "апреля", "мая", "июня",
		"июля", "августа", "сентября", "октября", "ноября", "декабря"}
	prep := []string{"январе", "феврале", "марте", "апреле", "мае", "июне",
		"июле", "августе", "сентябре", "октябре", "ноябре", "декабре"}
	for i := range 12 {
		m := time.Month(i + 1)
		md := content.MonthDate(2010, m)
		dd := content.DayDate(2010, m, 3)
		checks := []struct{ got, want string }{
			{i18n.FormatDate(md, content.RU), nom[i] + tie(" 2010~г.")},
			{i18n.FormatDate(dd, content.RU), tie("3~") + gen[i] + tie(" 2010~г.")},
			{i18n.FormatSince(md, content.RU), tie("с~") + gen[i] + tie(" 2010~г.")},
			{i18n.FormatSince(dd, content.RU), tie("с~3~") + gen[i] + tie(" 2010~г.")},
			{i18n.FormatWhen(md, content.RU), tie("в~") + prep[i] + tie(" 2010~г.")},
			{i18n.FormatWhen(dd, content.RU), tie("3~") + gen[i] + tie(" 2010~г.")},
			{i18n.FormatDate(md, content.EN), m.String() + " 2010"},
			{i18n.FormatWhen(md, content.EN), "in " + m.String() + " 2010"},
		}
		for _, c := range checks {
			if c.got != c.want {
				t.Errorf("%s: got %q, want %q", m, c.got, c.want)
			}
		}
	}
}

func TestISODate(t *testing.T) {
	t.Parallel()
	for _, s := range []string{"2007-10-15", "2006-11", "1994"} {
		d, err := content.ParseDate(s)
		if err != nil {
			t.Fatal(err)
		}
		if got := i18n.ISODate(d); got != s {
			t.Errorf("ISODate(%s) = %q", s, got)
		}
	}
}

// tie writes an expected Russian text with "~" for each non-breaking space, as TeX does: the
// space is invisible in the source, the tilde is not.
func tie(s string) string { return strings.ReplaceAll(s, "~", i18n.NBSP) }

func TestFormatSpan(t *testing.T) {
	t.Parallel()
	tests := []struct {
		from, to content.Date
		ru, en   string
	}{
		{year, content.YearDate(2022), tie("1994–2022~гг."), "1994–2022"},
		// The precision of either end does not matter: a span is in years.
		{day, content.MonthDate(2022, time.March), tie("2007–2022~гг."), "2007–2022"},
		{content.YearDate(2022), content.DayDate(2022, time.June, 1), tie("2022~г."), "2022"},
		{year, content.Date{}, "", ""},
		{content.Date{}, year, "", ""},
	}
	for _, tt := range tests {
		if got := i18n.FormatSpan(tt.from, tt.to, content.RU); got != tt.ru {
			t.Errorf("FormatSpan(%s, %s, ru) = %q, want %q", tt.from, tt.to, got, tt.ru)
		}
		if got := i18n.FormatSpan(tt.from, tt.to, content.EN); got != tt.en {
			t.Errorf("FormatSpan(%s, %s, en) = %q, want %q", tt.from, tt.to, got, tt.en)
		}
	}
}
