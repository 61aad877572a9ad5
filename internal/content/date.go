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
var ErrBadDate = errors.New("content: not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")

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

// String writes the date in the form ParseDate reads: "1994", "2006-11" or "2007-10-15".
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

// ParseDate reads "1994", "2006-11" or "2007-10-15"; the form sets the precision. Empty text is the
// zero (unknown) Date.
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Date{}, nil
	}
	parts := strings.Split(s, "-")
	nums := make([]int, len(parts))
	for i, p := range parts {
		// Atoi would also take a sign ("2007-+1"); a date is digits only.
		n, err := strconv.Atoi(p)
		if err != nil || strings.Trim(p, "0123456789") != "" || (i == 0 && len(p) != 4) || (i > 0 && len(p) != 2) {
			return Date{}, ErrBadDate
		}
		nums[i] = n
	}
	if nums[0] < 1000 {
		return Date{}, ErrBadDate
	}
	switch len(nums) {
	case 1:
		return YearDate(nums[0]), nil
	case 2:
		if nums[1] < 1 || nums[1] > 12 {
			return Date{}, ErrBadDate
		}
		return MonthDate(nums[0], time.Month(nums[1])), nil
	case 3:
		d := DayDate(nums[0], time.Month(nums[1]), nums[2])
		// time.Date normalises 31 February into March; a real date survives the round trip.
		if d.Time.Month() != time.Month(nums[1]) || d.Time.Day() != nums[2] {
			return Date{}, ErrBadDate
		}
		return d, nil
	}
	return Date{}, ErrBadDate
}

// Before reports whether d starts before e.
func (d Date) Before(e Date) bool { return d.Time.Before(e.Time) }

// GoString helps test failures read well.
func (d Date) GoString() string { return fmt.Sprintf("content.Date(%q)", d.String()) }
