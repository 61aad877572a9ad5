package i18n_test

import (
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
		{day, "15 октября 2007", "15 October 2007"},
		{month, "ноябрь 2006", "November 2006"},
		{year, "1994", "1994"},
		// A day date keeps its day even on the first of the month; month and year dates never show it.
		{content.DayDate(2001, time.January, 1), "1 января 2001", "1 January 2001"},
		{content.MonthDate(2001, time.January), "январь 2001", "January 2001"},
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
		{year, "с 1994 года", "since 1994"},
		{month, "с ноября 2006 года", "since November 2006"},
		{day, "с 15 октября 2007 года", "since 15 October 2007"},
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
		{content.MonthDate(2022, time.March), "в марте 2022 года", "in March 2022"},
		{content.YearDate(2022), "в 2022 году", "in 2022"},
		{day, "15 октября 2007 года", "on 15 October 2007"},
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
// month ("май 2010"), the genitive after a day or "с" ("с мая 2010 года"), the prepositional after
// "в" ("в мае 2010 года").
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
			{i18n.FormatDate(md, content.RU), nom[i] + " 2010"},
			{i18n.FormatDate(dd, content.RU), "3 " + gen[i] + " 2010"},
			{i18n.FormatSince(md, content.RU), "с " + gen[i] + " 2010 года"},
			{i18n.FormatSince(dd, content.RU), "с 3 " + gen[i] + " 2010 года"},
			{i18n.FormatWhen(md, content.RU), "в " + prep[i] + " 2010 года"},
			{i18n.FormatWhen(dd, content.RU), "3 " + gen[i] + " 2010 года"},
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
