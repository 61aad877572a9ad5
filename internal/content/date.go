package content

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Precision says how much of a Date is known.
type Precision string

// The precisions a date may have.
const (
	Day   Precision = "day"
	Month Precision = "month"
	Year  Precision = "year"
)

// Date is a calendar date known to the day, the month or only the year. A month or year date is
// kept as its first day; the precision stops it being printed as "1 January 1994". The zero Date
// means "not known".
type Date struct {
	Time      time.Time `json:"date"`
	Precision Precision `json:"precision"`
}

// ErrBadDate is returned by ParseDate for text that is not a date in one of its three forms.
var ErrBadDate = errors.New("content: not a date of the form YYYY, YYYY-MM, YYYY-MM-DD, MM.YYYY or DD.MM.YYYY")

// DayDate is a date known to the day.
func DayDate(year int, month time.Month, day int) Date {
	return Date{Time: time.Date(year, month, day, 0, 0, 0, 0, time.UTC), Precision: Day}
}

// MonthDate is a date known to the month.
func MonthDate(year int, month time.Month) Date {
	return Date{Time: time.Date(year, month, 1, 0, 0, 0, 0, time.UTC), Precision: Month}
}

// YearDate is a date known only to the year.
func YearDate(year int) Date {
	return Date{Time: time.Date(year, time.January, 1, 0, 0, 0, 0, time.UTC), Precision: Year}
}

// IsZero reports whether the date is unknown.
func (d Date) IsZero() bool { return d.Precision == "" }

// Year is the date's year.
func (d Date) Year() int { return d.Time.Year() }

// String writes the date in the form ParseDate reads and the database keeps: "1994", "2006-11"
// or "2007-10-15".
func (d Date) String() string {
	switch d.Precision {
	case Day:
		return d.Time.Format("2006-01-02")
	case Month:
		return d.Time.Format("2006-01")
	case Year:
		return d.Time.Format("2006")
	}
	return ""
}

// ParseDate reads a date typed as one text, as precisely as it is known: "1994", "2006-11",
// "2007-10-15", or the way people in Russia write dates, "10.2006" and "15.10.2007" (the day and
// month may have one digit). The form sets the precision. Empty text is the zero (unknown) Date.
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Date{}, nil
	}
	var year, month, day string
	switch {
	case strings.Contains(s, "."):
		parts := strings.Split(s, ".")
		if len(parts) > 3 {
			return Date{}, ErrBadDate
		}
		year = parts[len(parts)-1]
		if len(parts) > 1 {
			month = parts[len(parts)-2]
		}
		if len(parts) == 3 {
			day = parts[0]
		}
		if len(year) != 4 || month != "" && len(month) > 2 || day != "" && len(day) > 2 {
			return Date{}, ErrBadDate
		}
		if month == "" && len(parts) > 1 || day == "" && len(parts) == 3 {
			return Date{}, ErrBadDate
		}
	default:
		parts := strings.Split(s, "-")
		if len(parts) > 3 || len(parts[0]) != 4 {
			return Date{}, ErrBadDate
		}
		for i, p := range parts[1:] {
			if len(p) != 2 {
				return Date{}, ErrBadDate
			}
			if i == 0 {
				month = p
			} else {
				day = p
			}
		}
		year = parts[0]
	}
	d, part := DateFromParts(day, month, year)
	if part != "" {
		return Date{}, ErrBadDate
	}
	return d, nil
}

// The parts of a date typed in three boxes, as DateFromParts names the one at fault.
const (
	PartDay   = "day"
	PartMonth = "month"
	PartYear  = "year"
	// PartReal marks a day and month that each could be, but not together: 31 February.
	PartReal = "real"
)

// DateFromParts reads a date typed in three boxes, day, month and year; what is filled sets the
// precision: the year alone, the month and year, or all three. All empty is the zero Date. When
// the boxes do not make a date, part names the one at fault (PartDay, PartMonth, PartYear) or
// PartReal for a day the month does not have; the date is then zero.
func DateFromParts(day, month, year string) (d Date, part string) {
	day, month, year = strings.TrimSpace(day), strings.TrimSpace(month), strings.TrimSpace(year)
	if day == "" && month == "" && year == "" {
		return Date{}, ""
	}
	y, ok := digits(year, 4)
	if !ok || len(year) != 4 || y < 1000 {
		return Date{}, PartYear
	}
	if month == "" {
		if day != "" {
			return Date{}, PartMonth // a day without its month is no date
		}
		return YearDate(y), ""
	}
	m, ok := digits(month, 2)
	if !ok || m < 1 || m > 12 {
		return Date{}, PartMonth
	}
	if day == "" {
		return MonthDate(y, time.Month(m)), ""
	}
	n, ok := digits(day, 2)
	if !ok || n < 1 || n > 31 {
		return Date{}, PartDay
	}
	d = DayDate(y, time.Month(m), n)
	// time.Date normalises 31 February into March; a real date survives the round trip.
	if d.Time.Month() != time.Month(m) || d.Time.Day() != n {
		return Date{}, PartReal
	}
	return d, ""
}

// digits reads s as at most max decimal digits. Atoi alone would also take a sign ("+1"); a part
// of a date is digits only.
func digits(s string, max int) (int, bool) {
	if s == "" || len(s) > max || strings.Trim(s, "0123456789") != "" {
		return 0, false
	}
	n, err := strconv.Atoi(s)
	return n, err == nil
}

// Parts is the date as its three boxes show it, day, month and year; the boxes beyond its
// precision are empty.
func (d Date) Parts() (day, month, year string) {
	switch d.Precision {
	case Day:
		return strconv.Itoa(d.Time.Day()), strconv.Itoa(int(d.Time.Month())), d.Time.Format("2006")
	case Month:
		return "", strconv.Itoa(int(d.Time.Month())), d.Time.Format("2006")
	case Year:
		return "", "", d.Time.Format("2006")
	}
	return "", "", ""
}

// Before reports whether d starts before e.
func (d Date) Before(e Date) bool { return d.Time.Before(e.Time) }

// GoString helps test failures read well.
func (d Date) GoString() string { return fmt.Sprintf("content.Date(%q)", d.String()) }
