package content_test

import (
	"errors"
	"testing"
	"time"

	"twincities/internal/content"
)

func TestParseDateForms(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want content.Date
	}{
		{"1994", content.YearDate(1994)},
		{"2006-11", content.MonthDate(2006, time.November)},
		{"2007-10-15", content.DayDate(2007, time.October, 15)},
		{"2024-02-29", content.DayDate(2024, time.February, 29)},
		{"2000-02-29", content.DayDate(2000, time.February, 29)},
		{"1000", content.YearDate(1000)},
		{"2006-01", content.MonthDate(2006, time.January)},
		{"2006-12-31", content.DayDate(2006, time.December, 31)},
		// Form fields arrive with stray spaces around them.
		{"  1994\t", content.YearDate(1994)},
		{"", content.Date{}},
		{"   ", content.Date{}},
		// The way dates are written in Russia, pasted into one box.
		{"15.10.2007", content.DayDate(2007, time.October, 15)},
		{"5.1.2007", content.DayDate(2007, time.January, 5)},
		{"10.2007", content.MonthDate(2007, time.October)},
		{"01.2007", content.MonthDate(2007, time.January)},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			t.Parallel()
			got, err := content.ParseDate(tt.in)
			if err != nil {
				t.Fatalf("ParseDate(%q): %v", tt.in, err)
			}
			if got.Precision != tt.want.Precision || !got.Time.Equal(tt.want.Time) {
				t.Errorf("ParseDate(%q) = %#v (%v), want %#v (%v)", tt.in, got, got.Time, tt.want, tt.want.Time)
			}
		})
	}
}

func TestParseDateRejects(t *testing.T) {
	t.Parallel()
	for _, in := range []string{
		"94", "994", "0994", "19940", "abcd", "19a4",
		"2006-13", "2006-00", "2006-1", "2006-011", "2006-1a",
		"2007-02-30", "2023-02-29", "1900-02-29", "2007-04-31", "2007-10-00", "2007-10-32",
		"2007-1-5", "2007-10-5", "2007-1-05",
		"2007-10-15-1", "2007-10-15T00:00:00Z", "2007/10/15", "31.02.2007", "15.13.2007", "15.10.07", ".10.2007", "15..2007",
		"1.15.10.2007", "2007.10.15", "+5.10.2007", "15.10.2007.",
		"2007-", "-2007", "2007--10", "2007-10-",
		// Signs are digits to strconv but not in a date someone types.
		"+1994", "2007-+1", "2007-+1-05", "2007-10-+5", "2007--1-05",
		"２００７", // full-width digits
		"2007 10 15",
	} {
		t.Run(in, func(t *testing.T) {
			t.Parallel()
			got, err := content.ParseDate(in)
			if !errors.Is(err, content.ErrBadDate) {
				t.Errorf("ParseDate(%q) = %#v, %v; want ErrBadDate", in, got, err)
			}
			if !got.IsZero() {
				t.Errorf("ParseDate(%q) returned a non-zero date %#v with its error", in, got)
			}
		})
	}
}

func TestDateStringRoundTrip(t *testing.T) {
	t.Parallel()
	for _, s := range []string{"1994", "2006-11", "2007-10-15", "2024-02-29", "1000", "9999-12-31", "2001-01", "2001-01-01"} {
		d, err := content.ParseDate(s)
		if err != nil {
			t.Fatalf("ParseDate(%q): %v", s, err)
		}
		if got := d.String(); got != s {
			t.Errorf("ParseDate(%q).String() = %q", s, got)
		}
	}
	for _, d := range []content.Date{
		content.YearDate(1994),
		content.MonthDate(2006, time.November),
		content.DayDate(2007, time.October, 15),
		// A month or year date is stored as its first day; that must not turn it into a day date.
		content.MonthDate(2001, time.January),
		content.YearDate(2001),
	} {
		back, err := content.ParseDate(d.String())
		if err != nil {
			t.Fatalf("ParseDate(%q): %v", d.String(), err)
		}
		if back.Precision != d.Precision || !back.Time.Equal(d.Time) {
			t.Errorf("%#v did not survive String/ParseDate: got %#v", d, back)
		}
	}
	if s := (content.Date{}).String(); s != "" {
		t.Errorf("zero Date prints %q, want empty", s)
	}
}

func TestDateConstructors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		d    content.Date
		prec content.Precision
		want time.Time
		str  string
	}{
		{"day", content.DayDate(2007, time.October, 15), content.Day, time.Date(2007, 10, 15, 0, 0, 0, 0, time.UTC), "2007-10-15"},
		{"month", content.MonthDate(2006, time.November), content.Month, time.Date(2006, 11, 1, 0, 0, 0, 0, time.UTC), "2006-11"},
		{"year", content.YearDate(1994), content.Year, time.Date(1994, 1, 1, 0, 0, 0, 0, time.UTC), "1994"},
	}
	for _, tt := range tests {
		if tt.d.Precision != tt.prec {
			t.Errorf("%s: precision %q, want %q", tt.name, tt.d.Precision, tt.prec)
		}
		if !tt.d.Time.Equal(tt.want) || tt.d.Time.Location() != time.UTC {
			t.Errorf("%s: time %v, want %v in UTC", tt.name, tt.d.Time, tt.want)
		}
		if tt.d.IsZero() {
			t.Errorf("%s: IsZero() = true for a known date", tt.name)
		}
		if tt.d.String() != tt.str {
			t.Errorf("%s: String() = %q, want %q", tt.name, tt.d.String(), tt.str)
		}
		if tt.d.Year() != tt.want.Year() {
			t.Errorf("%s: Year() = %d, want %d", tt.name, tt.d.Year(), tt.want.Year())
		}
	}
	if !(content.Date{}).IsZero() {
		t.Error("zero Date: IsZero() = false")
	}
}

func TestDateBefore(t *testing.T) {
	t.Parallel()
	// A year date starts on 1 January, so it sorts before any later day of that year.
	if !content.YearDate(2007).Before(content.DayDate(2007, time.October, 15)) {
		t.Error("YearDate(2007) should be before 15 October 2007")
	}
	if content.DayDate(2007, time.October, 15).Before(content.MonthDate(2007, time.October)) {
		t.Error("15 October 2007 should not be before October 2007")
	}
	if content.YearDate(1994).Before(content.YearDate(1994)) {
		t.Error("a date is not before itself")
	}
}

func TestDateFromParts(t *testing.T) {
	t.Parallel()
	tests := []struct {
		day, month, year string
		want             content.Date
		part             string
	}{
		{"", "", "", content.Date{}, ""},
		{"", "", "2007", content.YearDate(2007), ""},
		{"", "10", "2007", content.MonthDate(2007, time.October), ""},
		{"15", "10", "2007", content.DayDate(2007, time.October, 15), ""},
		{" 05 ", "1", "2007", content.DayDate(2007, time.January, 5), ""},
		{"15", "", "2007", content.Date{}, content.PartMonth},
		{"15", "10", "", content.Date{}, content.PartYear},
		{"", "", "07", content.Date{}, content.PartYear},
		{"", "13", "2007", content.Date{}, content.PartMonth},
		{"", "0", "2007", content.Date{}, content.PartMonth},
		{"32", "10", "2007", content.Date{}, content.PartDay},
		{"+1", "10", "2007", content.Date{}, content.PartDay},
		{"31", "2", "2007", content.Date{}, content.PartReal},
		{"29", "2", "2023", content.Date{}, content.PartReal},
		{"29", "2", "2024", content.DayDate(2024, time.February, 29), ""},
	}
	for _, tt := range tests {
		got, part := content.DateFromParts(tt.day, tt.month, tt.year)
		if got != tt.want || part != tt.part {
			t.Errorf("DateFromParts(%q, %q, %q) = %#v, %q; want %#v, %q", tt.day, tt.month, tt.year, got, part, tt.want, tt.part)
		}
		if part == "" {
			d, m, y := got.Parts()
			if back, _ := content.DateFromParts(d, m, y); back != got {
				t.Errorf("%#v shown as %q %q %q reads back as %#v", got, d, m, y, back)
			}
		}
	}
}
