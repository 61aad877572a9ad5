package i18n

import (
	"time"

	"twincities/internal/content"
)

// PermZone is Perm's time, in which the department's staff work: UTC+5 (Asia/Yekaterinburg).
// It is a fixed zone, not time.LoadLocation, so that the binary needs no time zone database on the
// server: Perm has kept UTC+5 without summer time since 26 October 2014, and every time the admin
// shows was recorded by this site, long after.
var PermZone = time.FixedZone("UTC+5", 5*60*60)

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
	p := t.In(PermZone)
	return FormatDate(content.DayDate(p.Year(), p.Month(), p.Day()), l) + ", " + p.Format("15:04")
}
