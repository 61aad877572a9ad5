package seed_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"twincities/internal/content"
	"twincities/internal/postgres/pgtest"
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

// TestMigrationSetsTimeZonesOfAnExistingSite runs the UPDATE of migration 00007 on a site whose
// cities were loaded before the field existed: each seeded city gets its zone, a zone staff have
// already set stays, and a city staff added is left alone.
func TestMigrationSetsTimeZonesOfAnExistingSite(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), pgtest.SeededDB(t)
	sql, err := migrations.FS.ReadFile("00007_city_time_zone.sql")
	if err != nil {
		t.Fatal(err)
	}
	up, _, _ := strings.Cut(string(sql), "-- +goose Down")
	_, update, ok := strings.Cut(up, "\nUPDATE cities ")
	if !ok {
		t.Fatal("migration 00007 has no UPDATE of cities")
	}
	if _, err := db.Exec(ctx, `UPDATE cities SET time_zone = ''`); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(ctx, `UPDATE cities SET time_zone = 'Europe/Dublin' WHERE slug = 'oxford';
		UPDATE cities SET slug = 'kazan-staff', kind = 'partner' WHERE slug = 'kazan'`); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(ctx, "UPDATE cities "+update); err != nil {
		t.Fatalf("the migration's UPDATE: %v", err)
	}
	rows, err := db.Query(ctx, `SELECT name_en, slug, time_zone FROM cities`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var name, slug, zone string
		if err := rows.Scan(&name, &slug, &zone); err != nil {
			t.Fatal(err)
		}
		want := timeZones[name]
		switch slug {
		case "oxford":
			want = "Europe/Dublin"
		case "kazan-staff":
			want = ""
		}
		if zone != want {
			t.Errorf("%s (%s): time zone %q after the migration, want %q", name, slug, zone, want)
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
}
