package i18n_test

import (
	"testing"
	"time"

	"twincities/internal/content"
	"twincities/internal/i18n"
)

func TestStatusLine(t *testing.T) {
	t.Parallel()
	june := content.MonthDate(2022, time.June)
	tests := []struct {
		s      content.Status
		d      content.Date
		ru, en string
	}{
		{content.Active, content.Date{}, "Отношения действуют", "Active"},
		// An active relationship has no status date; a stray one must not leak into the line.
		{content.Active, june, "Отношения действуют", "Active"},
		{content.Ended, june, tie("Отношения прекращены в~июне 2022~г."), "Relationship ended in June 2022"},
		{content.Ended, content.YearDate(2014), tie("Отношения прекращены в~2014~г."), "Relationship ended in 2014"},
		{content.Ended, content.DayDate(2022, time.March, 4), tie("Отношения прекращены 4~марта 2022~г."), "Relationship ended on 4 March 2022"},
		{content.Ended, content.Date{}, "Отношения прекращены", "Relationship ended"},
		{content.Suspended, june, tie("Отношения приостановлены в~июне 2022~г."), "Relationship suspended in June 2022"},
		{content.Suspended, content.Date{}, "Отношения приостановлены", "Relationship suspended"},
	}
	for _, tt := range tests {
		if got := i18n.StatusLine(tt.s, tt.d, content.RU); got != tt.ru {
			t.Errorf("StatusLine(%s, %#v, ru) = %q, want %q", tt.s, tt.d, got, tt.ru)
		}
		if got := i18n.StatusLine(tt.s, tt.d, content.EN); got != tt.en {
			t.Errorf("StatusLine(%s, %#v, en) = %q, want %q", tt.s, tt.d, got, tt.en)
		}
	}
}
