package content_test

import (
	"testing"
	"time"

	"twincities/internal/content"
)

func TestValidTimeZone(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"Europe/Berlin", "Asia/Yekaterinburg", "America/Kentucky/Louisville", "Asia/Kolkata", "UTC", "Etc/GMT+5", content.PermTimeZone} {
		if !content.ValidTimeZone(name) {
			t.Errorf("%q refused", name)
		}
	}
	for _, name := range []string{"", "Mars/Olympus", "Local", "europe/berlin ", "Europe/Berlin ", "../../etc/passwd", "/etc/localtime",
		"Europe//Berlin", "Europe/Berlin/", "+05:00", "Europe/" + string(make([]byte, 70))} {
		if content.ValidTimeZone(name) {
			t.Errorf("%q accepted", name)
		}
	}
}

func TestCityTimeZoneValidation(t *testing.T) {
	t.Parallel()
	c := validCity()
	c.TimeZone = "Mars/Olympus"
	if got := problemOf(c.Validate(), "time_zone"); got != content.ProblemTimeZone {
		t.Errorf("Mars/Olympus: problem %q, want %q", got, content.ProblemTimeZone)
	}
	// Optional, in a draft and in a published city alike, as the coordinates are.
	for _, published := range []bool{false, true} {
		c.Published, c.TimeZone = published, ""
		if err := c.Validate(); err != nil {
			t.Errorf("no time zone, published %v: %v", published, err)
		}
		c.TimeZone = "Europe/London"
		if err := c.Validate(); err != nil {
			t.Errorf("Europe/London, published %v: %v", published, err)
		}
	}
	c.TimeZone = "  Europe/London "
	c.Normalize()
	if c.TimeZone != "Europe/London" {
		t.Errorf("Normalize left %q", c.TimeZone)
	}
}

func problemOf(err error, field string) content.Problem {
	if v, ok := err.(*content.ValidationError); ok {
		return v.For(field)
	}
	return ""
}

func TestTimeDifferenceWithPerm(t *testing.T) {
	t.Parallel()
	winter := time.Date(2026, time.January, 15, 12, 0, 0, 0, time.UTC)
	summer := time.Date(2026, time.July, 15, 12, 0, 0, 0, time.UTC)
	// The evening Europe moves its clocks back: 01:00 UTC on the last Sunday of October.
	beforeChange := time.Date(2026, time.October, 25, 0, 59, 0, 0, time.UTC)
	afterChange := time.Date(2026, time.October, 25, 1, 0, 0, 0, time.UTC)
	tests := []struct {
		zone string
		at   time.Time
		want time.Duration
	}{
		{"Europe/Berlin", winter, -4 * time.Hour},
		{"Europe/Berlin", summer, -3 * time.Hour},
		{"Europe/Berlin", beforeChange, -3 * time.Hour},
		{"Europe/Berlin", afterChange, -4 * time.Hour},
		{"Europe/Moscow", winter, -2 * time.Hour},
		{"Europe/Moscow", summer, -2 * time.Hour},
		{"Asia/Yekaterinburg", summer, 0},
		{"Asia/Shanghai", winter, 3 * time.Hour},
		{"Asia/Kolkata", winter, 30 * time.Minute},
		{"Asia/Kathmandu", winter, 45 * time.Minute},
		{"America/Kentucky/Louisville", winter, -10 * time.Hour},
		{"America/Kentucky/Louisville", summer, -9 * time.Hour},
	}
	for _, tt := range tests {
		c := content.City{TimeZone: tt.zone}
		if got, ok := c.TimeDifferenceWithPerm(tt.at); !ok || got != tt.want {
			t.Errorf("%s at %s: %v (%v), want %v", tt.zone, tt.at.Format(time.RFC3339), got, ok, tt.want)
		}
	}
	for _, zone := range []string{"", "Mars/Olympus"} {
		if d, ok := (content.City{TimeZone: zone}).TimeDifferenceWithPerm(winter); ok {
			t.Errorf("%q: a difference of %v", zone, d)
		}
	}
}

// BenchmarkTimeDifferenceWithPerm is the cost of one city's time difference, asked once per city
// on every list and city page.
func BenchmarkTimeDifferenceWithPerm(b *testing.B) {
	c := content.City{TimeZone: "Europe/Berlin"}
	at := time.Date(2026, time.January, 15, 12, 0, 0, 0, time.UTC)
	b.ReportAllocs()
	for b.Loop() {
		if _, ok := c.TimeDifferenceWithPerm(at); !ok {
			b.Fatal("no difference")
		}
	}
}
