package i18n_test

import (
	"testing"
	"time"

	"twincities/internal/content"
	"twincities/internal/i18n"
)

func TestDistanceFromPerm(t *testing.T) {
	t.Parallel()
	at := func(lat, lon float64) content.City {
		return content.City{Location: &content.GeoPoint{Lat: lat, Lon: lon}}
	}
	tests := []struct {
		city   content.City
		ru, en string
	}{
		{at(51.43, 6.76), "3\u00a0180\u00a0км", "3,180\u00a0km"},       // Duisburg
		{at(55.79, 49.12), "500\u00a0км", "500\u00a0km"},               // Kazan
		{at(38.25, -85.76), "8\u00a0740\u00a0км", "8,740\u00a0km"},     // Louisville
		{at(-58.01, -123.75), "20\u00a0020\u00a0км", "20,020\u00a0km"}, // Perm's antipode: half the Earth
		{content.City{}, "", ""},
	}
	for _, tt := range tests {
		if got := i18n.DistanceFromPerm(tt.city, content.RU); got != tt.ru {
			t.Errorf("%v: %q, want %q", tt.city.Location, got, tt.ru)
		}
		if got := i18n.DistanceFromPerm(tt.city, content.EN); got != tt.en {
			t.Errorf("%v: %q, want %q", tt.city.Location, got, tt.en)
		}
	}
}

func TestTimeDifferenceWithPerm(t *testing.T) {
	t.Parallel()
	winter := time.Date(2026, time.January, 15, 12, 0, 0, 0, time.UTC)
	summer := time.Date(2026, time.July, 15, 12, 0, 0, 0, time.UTC)
	const nb = "\u00a0"
	tests := []struct {
		zone          string
		at            time.Time
		ru, ruExample string
		en, enExample string
	}{
		{"Europe/Berlin", winter,
			"на" + nb + "4" + nb + "часа меньше, чем в" + nb + "Перми", "когда в" + nb + "Перми 12:00, там 8:00",
			"4" + nb + "hours behind Perm", "when it is 12:00 in Perm, it is 8:00 there"},
		{"Europe/Berlin", summer,
			"на" + nb + "3" + nb + "часа меньше, чем в" + nb + "Перми", "когда в" + nb + "Перми 12:00, там 9:00",
			"3" + nb + "hours behind Perm", "when it is 12:00 in Perm, it is 9:00 there"},
		{"Europe/Moscow", summer,
			"на" + nb + "2" + nb + "часа меньше, чем в" + nb + "Перми", "когда в" + nb + "Перми 12:00, там 10:00",
			"2" + nb + "hours behind Perm", "when it is 12:00 in Perm, it is 10:00 there"},
		{"Asia/Shanghai", winter,
			"на" + nb + "3" + nb + "часа больше, чем в" + nb + "Перми", "когда в" + nb + "Перми 12:00, там 15:00",
			"3" + nb + "hours ahead of Perm", "when it is 12:00 in Perm, it is 15:00 there"},
		{"Asia/Kolkata", winter,
			"на" + nb + "30" + nb + "минут больше, чем в" + nb + "Перми", "когда в" + nb + "Перми 12:00, там 12:30",
			"30" + nb + "minutes ahead of Perm", "when it is 12:00 in Perm, it is 12:30 there"},
		{"Asia/Dhaka", winter, // UTC+6
			"на" + nb + "1" + nb + "час больше, чем в" + nb + "Перми", "когда в" + nb + "Перми 12:00, там 13:00",
			"1" + nb + "hour ahead of Perm", "when it is 12:00 in Perm, it is 13:00 there"},
		{"Asia/Kabul", winter, // UTC+4:30
			"на" + nb + "30" + nb + "минут меньше, чем в" + nb + "Перми", "когда в" + nb + "Перми 12:00, там 11:30",
			"30" + nb + "minutes behind Perm", "when it is 12:00 in Perm, it is 11:30 there"},
		{"America/St_Johns", winter, // UTC-3:30
			"на" + nb + "8" + nb + "часов 30" + nb + "минут меньше, чем в" + nb + "Перми", "когда в" + nb + "Перми 12:00, там 3:30",
			"8" + nb + "hours 30" + nb + "minutes behind Perm", "when it is 12:00 in Perm, it is 3:30 there"},
		{"America/Kentucky/Louisville", winter,
			"на" + nb + "10" + nb + "часов меньше, чем в" + nb + "Перми", "когда в" + nb + "Перми 12:00, там 2:00",
			"10" + nb + "hours behind Perm", "when it is 12:00 in Perm, it is 2:00 there"},
		{"Pacific/Kiritimati", winter, // UTC+14: the clocks there are in the next day
			"на" + nb + "9" + nb + "часов больше, чем в" + nb + "Перми", "когда в" + nb + "Перми 12:00, там 21:00",
			"9" + nb + "hours ahead of Perm", "when it is 12:00 in Perm, it is 21:00 there"},
		{"Pacific/Pago_Pago", winter, // UTC-11: the day before
			"на" + nb + "16" + nb + "часов меньше, чем в" + nb + "Перми", "когда в" + nb + "Перми 12:00, там 20:00",
			"16" + nb + "hours behind Perm", "when it is 12:00 in Perm, it is 20:00 there"},
		{"Asia/Yekaterinburg", summer, "нет, время такое же, как в" + nb + "Перми", "", "none: the same time as in Perm", ""},
	}
	for _, tt := range tests {
		c := content.City{TimeZone: tt.zone}
		text, example, ok := i18n.TimeDifferenceWithPerm(c, tt.at, content.RU)
		if !ok || text != tt.ru || example != tt.ruExample {
			t.Errorf("%s, ru: %q, %q, %v; want %q, %q", tt.zone, text, example, ok, tt.ru, tt.ruExample)
		}
		text, example, ok = i18n.TimeDifferenceWithPerm(c, tt.at, content.EN)
		if !ok || text != tt.en || example != tt.enExample {
			t.Errorf("%s, en: %q, %q, %v; want %q, %q", tt.zone, text, example, ok, tt.en, tt.enExample)
		}
	}
	if text, _, ok := i18n.TimeDifferenceWithPerm(content.City{}, winter, content.RU); ok || text != "" {
		t.Errorf("a city without a time zone: %q", text)
	}
}
