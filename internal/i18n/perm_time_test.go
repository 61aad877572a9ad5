package i18n_test

import (
	"testing"
	"time"

	"twincities/internal/content"
	"twincities/internal/i18n"
)

// The admin's times are Perm's, five hours ahead of UTC, with the zone named, whatever the
// server's own zone: 09:05 UTC is 14:05 in Perm, and 21:30 UTC already the next day there (the site records only times after 2014, since when Perm keeps UTC+5 all year).
func TestFormatPermTime(t *testing.T) {
	t.Parallel()
	at := time.Date(2025, time.October, 15, 9, 5, 0, 0, time.UTC)
	tests := []struct {
		got, want string
	}{
		{i18n.FormatPermTime(at, content.RU), "15\u00a0октября 2025\u00a0г., 14:05 (пермское время, UTC+5)"},
		{i18n.FormatPermTime(at, content.EN), "15 October 2025, 14:05 (Perm time, UTC+5)"},
		{i18n.FormatPermTimeShort(at.In(time.FixedZone("X", -7*3600)), content.EN), "15 October 2025, 14:05"},
		{i18n.FormatPermTimeShort(time.Date(2025, time.October, 15, 21, 30, 0, 0, time.UTC), content.RU), "16\u00a0октября 2025\u00a0г., 02:30"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}
