package i18n

import (
	"fmt"
	"strconv"
	"time"

	"twincities/internal/content"
)

// DistanceFromPerm is the city's distance from Perm with its unit, "3 180 км" (a no-break space
// between the groups of digits, as Russian typography wants, and before the unit) or
// "3,180 km"; "" when the city has no coordinates.
func DistanceFromPerm(c content.City, l content.Lang) string {
	km, ok := c.DistanceFromPerm()
	if !ok {
		return ""
	}
	return fmt.Sprintf(For(l).Kilometres, groupDigits(km, l))
}

// groupDigits writes n with its thousands apart: "3 180" (no-break space) in Russian, "3,180" in
// English.
func groupDigits(n int, l content.Lang) string {
	sep := ","
	if l == content.RU {
		sep = "\u00a0"
	}
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + sep + s[i:]
	}
	return s
}

// TimeDifferenceWithPerm says how the city's clocks stand against Perm's at the instant at, in
// words that leave no doubt of the direction: "на 4 часа меньше, чем в Перми" / "4 hours behind
// Perm", with an example of the clocks, "когда в Перми 12:00, там 8:00", empty in Perm's own zone.
// ok is false when the city has no time zone.
func TimeDifferenceWithPerm(c content.City, at time.Time, l content.Lang) (text, example string, ok bool) {
	diff, ok := c.TimeDifferenceWithPerm(at)
	if !ok {
		return "", "", false
	}
	m := For(l)
	switch {
	case diff == 0:
		return m.SameTimeAsPerm, "", true
	case diff > 0:
		text = fmt.Sprintf(m.AheadOfPerm, hoursAndMinutes(diff, l))
	default:
		text = fmt.Sprintf(m.BehindPerm, hoursAndMinutes(-diff, l))
	}
	const noon = 12 * time.Hour
	there := ((noon+diff)%(24*time.Hour) + 24*time.Hour) % (24 * time.Hour)
	return text, fmt.Sprintf(m.ClockExample, clock(noon), clock(there)), true
}

// hoursAndMinutes counts a positive difference: "4 часа", "30 минут", "5 hours 30 minutes".
func hoursAndMinutes(d time.Duration, l content.Lang) string {
	m := For(l)
	h, min := int(d/time.Hour), int(d%time.Hour/time.Minute)
	s := ""
	if h > 0 {
		s = countNB(l, h, m.Hours)
	}
	if min > 0 {
		if s != "" {
			s += " "
		}
		s += countNB(l, min, m.Minutes)
	}
	return s
}

// countNB is Count with a no-break space, so that a number never ends a line without its noun.
func countNB(l content.Lang, n int, f Forms) string {
	return strconv.Itoa(n) + "\u00a0" + pluralForm(l, n, f)
}

// clock writes a time of day on the 24-hour clock: "8:00", "17:30".
func clock(d time.Duration) string {
	return fmt.Sprintf("%d:%02d", int(d/time.Hour), int(d%time.Hour/time.Minute))
}

// AwayFromPerm is a distance DistanceFromPerm wrote, for a city's card: "3 180 км от Перми".
func AwayFromPerm(distance string, l content.Lang) string {
	return fmt.Sprintf(For(l).KilometresAway, distance)
}
