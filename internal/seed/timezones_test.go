package seed_test

import (
	"fmt"
	"strings"
	"testing"

	"twincities/internal/content"
	"twincities/internal/seed"
	"twincities/migrations"
)

// timeZones are the zones of ../shared/facts/perm.md, "Time zones", by English name.
var timeZones = map[string]string{
	"Amnéville-les-Thermes": "Europe/Paris",
	"Louisville":            "America/Kentucky/Louisville",
	"Oxford":                "Europe/London",
	"Agrigento":             "Europe/Rome",
	"Qingdao":               "Asia/Shanghai",
	"Duisburg":              "Europe/Berlin",
	"Yekaterinburg":         "Asia/Yekaterinburg",
	"Tyumen":                "Asia/Yekaterinburg",
	"Ufa":                   "Asia/Yekaterinburg",
	"Kazan":                 "Europe/Moscow",
}

// TestCitiesHaveTheFactsTimeZones checks every city of the initial data has its zone, and that
// migration 00007 gives the same zone to the same city on a site loaded before the field existed.
func TestCitiesHaveTheFactsTimeZones(t *testing.T) {
	t.Parallel()
	sql, err := migrations.FS.ReadFile("00007_city_time_zone.sql")
	if err != nil {
		t.Fatal(err)
	}
	cities := seed.Cities()
	if len(cities) != len(timeZones) {
		t.Errorf("%d cities in the initial data, %d time zones in the facts", len(cities), len(timeZones))
	}
	for _, c := range cities {
		want, ok := timeZones[c.Name.EN]
		if !ok {
			t.Errorf("%s: no time zone in the facts", c.Name.EN)
			continue
		}
		if c.TimeZone != want {
			t.Errorf("%s: time zone %q, want %q", c.Name.EN, c.TimeZone, want)
		}
		if !content.ValidTimeZone(c.TimeZone) {
			t.Errorf("%s: Go does not know the time zone %q", c.Name.EN, c.TimeZone)
		}
		if row := fmt.Sprintf("('%s', '%s', '%s')", c.Kind, c.Slug, want); !strings.Contains(string(sql), row) {
			t.Errorf("migration 00007 does not set %s", row)
		}
	}
}
