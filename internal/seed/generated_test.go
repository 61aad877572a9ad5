package seed_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"twincities/internal/content"
	"twincities/internal/postgres/pgtest"
	"twincities/internal/seed"
	"twincities/internal/store"
)

func TestGenerateMakesMarkedPublishedEntries(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), pgtest.SeededDB(t)
	before := rowCounts(t, db)
	g, err := seed.Generate(ctx, db, 3)
	if err != nil {
		t.Fatal(err)
	}
	if want := (seed.Generated{Cities: 3, Events: 30, News: 15, Awards: 3, Organizations: 3}); g != want {
		t.Errorf("Generate(3) made %+v, want %+v", g, want)
	}
	after := rowCounts(t, db)
	for table, n := range map[string]int{"cities": 3, "events": 30, "awards": 3, "organizations": 3} {
		if after[table]-before[table] != n {
			t.Errorf("%s grew by %d rows, want %d", table, after[table]-before[table], n)
		}
	}
	// Every generated row is published in both languages, carries the staff note, and says it
	// is test data in its public text, in each language.
	for table, text := range map[string]string{"cities": "summary", "events": "text", "news": "lead", "awards": "description", "organizations": "description"} {
		var rows, bad int
		err := db.QueryRow(ctx, `SELECT count(*), count(*) FILTER (WHERE NOT published OR `+text+`_ru NOT LIKE '[тестовые данные]%'
			OR `+text+`_en NOT LIKE '[test data]%') FROM `+table+` WHERE editor_note = $1`, store.GeneratedNote).Scan(&rows, &bad)
		if err != nil {
			t.Fatal(err)
		}
		if want := map[string]int{"events": 30, "news": 15}[table]; rows != max(want, 3) || bad != 0 {
			t.Errorf("%s: %d generated rows (%d not published or not marked), want %d", table, rows, bad, max(want, 3))
		}
	}
	c, err := store.CityBySlug(ctx, db, content.Partner, "test-city-0002", true)
	if err != nil {
		t.Fatal(err)
	}
	if c.Name.RU != "Тестовый город 0002" || c.Name.EN != "Test city 0002" || c.Country != "RU" {
		t.Errorf("the second generated city is %q / %q in %s", c.Name.RU, c.Name.EN, c.Country)
	}
	// The change log says who made them.
	var logged int
	if err := db.QueryRow(ctx, `SELECT count(*) FROM audit_log WHERE user_name = $1 AND action = 'create'`, store.GeneratorActor.Name).Scan(&logged); err != nil {
		t.Fatal(err)
	}
	if logged != 3+30+15+3+3 {
		t.Errorf("the change log holds %d creations by the generator, want %d", logged, 54)
	}
}

func TestGenerateRefusesASecondRun(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), pgtest.SeededDB(t)
	if _, err := seed.Generate(ctx, db, 1); err != nil {
		t.Fatal(err)
	}
	before := checksums(t, db)
	if _, err := seed.Generate(ctx, db, 1); !errors.Is(err, seed.ErrAlreadyGenerated) {
		t.Fatalf("the second Generate returned %v, want ErrAlreadyGenerated", err)
	}
	for table, sum := range checksums(t, db) {
		if sum != before[table] {
			t.Errorf("the refused second run changed %s", table)
		}
	}
}

func TestGenerateOnAnEmptyDatabase(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), pgtest.EmptyDB(t)
	if _, err := seed.Generate(ctx, db, 1); err != nil {
		t.Fatalf("Generate on an empty database: %v", err)
	}
}

func TestGenerateRefusesRealContent(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	for name, add := range map[string]func(t *testing.T, db store.TxBeginner){
		"a city of its own": func(t *testing.T, db store.TxBeginner) {
			c := content.City{Kind: content.Partner, Slug: "kungur", Country: "RU", Status: content.Active,
				Name: content.Text{RU: "Кунгур", EN: "Kungur"}}
			if err := store.Cities.Create(ctx, db, &c, store.SystemActor); err != nil {
				t.Fatal(err)
			}
		},
		"a news item": func(t *testing.T, db store.TxBeginner) {
			n := content.News{Slug: "staff-news", Date: content.YearDate(2025), Title: content.Text{RU: "Новость", EN: "News"}}
			if err := store.News.Create(ctx, db, &n, store.SystemActor); err != nil {
				t.Fatal(err)
			}
		},
		"an organisation of its own": func(t *testing.T, db store.TxBeginner) {
			o := content.Organization{Slug: "staff-union", Kind: content.Union, Scope: content.National,
				Name: content.Text{RU: "Союз", EN: "Union"}}
			if err := store.Organizations.Create(ctx, db, &o, store.SystemActor); err != nil {
				t.Fatal(err)
			}
		},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			db := pgtest.SeededDB(t)
			add(t, db)
			before := rowCounts(t, db)
			if _, err := seed.Generate(ctx, db, 1); !errors.Is(err, seed.ErrRealContent) {
				t.Fatalf("Generate returned %v, want ErrRealContent", err)
			}
			if after := rowCounts(t, db); after["cities"] != before["cities"] || after["events"] != before["events"] {
				t.Error("the refused run changed the content")
			}
		})
	}
}

func TestGenerateRefusesAStaffChange(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), pgtest.SeededDB(t)
	var userID int64
	if err := db.QueryRow(ctx, `INSERT INTO users (email, name, role, password_hash) VALUES ('editor@example.org', 'Editor', 'editor', '$argon2id$x') RETURNING id`).Scan(&userID); err != nil {
		t.Fatal(err)
	}
	c, err := store.CityBySlug(ctx, db, content.Twin, "duisburg", false)
	if err != nil {
		t.Fatal(err)
	}
	c.Summary.EN += " Edited."
	if err := store.Cities.Update(ctx, db, &c, c.Version, store.Actor{ID: userID, Name: "Editor"}); err != nil {
		t.Fatal(err)
	}
	_, err = seed.Generate(ctx, db, 1)
	if !errors.Is(err, seed.ErrRealContent) {
		t.Fatalf("Generate after a staff edit returned %v, want ErrRealContent", err)
	}
	if !strings.Contains(err.Error(), "refused") {
		t.Errorf("the refusal says %q", err)
	}
}

func TestGenerateRefusesABadScale(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	for _, n := range []int{0, -1, seed.MaxGenerated + 1} {
		if _, err := seed.Generate(context.Background(), db, n); err == nil {
			t.Errorf("Generate(%d) succeeded", n)
		}
	}
}
