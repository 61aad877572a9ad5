package i18n

import (
	"time"

	"twincities/internal/content"
)

// PermZoneName names the zone the admin's times are in: "пермское время, UTC+5" / "Perm time, UTC+5".
func PermZoneName(l content.Lang) string {
	if l == content.EN {
		return "Perm time, UTC+5"
	}
	return "пермское время, UTC+5"
}

// FormatPermTime writes a moment in Perm time with the zone named: "15 октября 2007 г., 14:05
// (пермское время, UTC+5)" / "15 October 2007, 14:05 (Perm time, UTC+5)".
func FormatPermTime(t time.Time, l content.Lang) string {
	return FormatPermTimeShort(t, l) + " (" + PermZoneName(l) + ")"
}

// FormatPermTimeShort writes a moment in Perm time without naming the zone, for a table whose
// column heading names it once: "15 октября 2007 г., 14:05" / "15 October 2007, 14:05".
func FormatPermTimeShort(t time.Time, l content.Lang) string {
	p := t.In(content.PermZone()) // Asia/Yekaterinburg, embedded in the binary (content/timezone.go)
	return FormatDate(content.DayDate(p.Year(), p.Month(), p.Day()), l) + ", " + p.Format("15:04")
}
