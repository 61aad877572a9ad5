package store_test

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"twincities/internal/postgres/pgtest"
)

// These tests write raw SQL, past every Go check, to show that the database keeps its own rules
// (migrations/00001_content.sql) whatever code path writes to it.

// The SQLSTATEs of the rules; "" means the row must be accepted.
const (
	accepted   = ""
	notNull    = "23502"
	foreignKey = "23503"
	unique     = "23505"
	check      = "23514"
)

// row is a row to insert: column name -> SQL expression ("NULL", "DEFAULT", "'text'").
type row map[string]string

// with returns a copy of r with changes applied.
func (r row) with(changes row) row {
	out := maps.Clone(r)
	maps.Copy(out, changes)
	return out
}

func insertRow(ctx context.Context, db *pgxpool.Pool, table string, r row) error {
	cols := slices.Sorted(maps.Keys(r))
	vals := make([]string, len(cols))
	for i, c := range cols {
		vals[i] = r[c]
	}
	_, err := db.Exec(ctx, fmt.Sprintf("INSERT INTO %s (%s) VALUES (%s)", table,
		strings.Join(cols, ", "), strings.Join(vals, ", ")))
	return err
}

type ruleCase struct {
	name    string
	changes row
	want    string // SQLSTATE, or accepted
}

// checkRules inserts valid (which must be accepted), then valid with each case's changes, and
// checks each is accepted or rejected with the expected SQLSTATE. When the table has a slug and a
// case does not set one, the case gets its own, so that only the rule under test can fail.
func checkRules(t *testing.T, db *pgxpool.Pool, table string, valid row, cases []ruleCase) {
	t.Helper()
	ctx := context.Background()
	if err := insertRow(ctx, db, table, valid); err != nil {
		t.Fatalf("a valid %s row was rejected: %v", table, err)
	}
	for i, tc := range cases {
		r := valid.with(tc.changes)
		if _, ok := valid["slug"]; ok {
			if _, set := tc.changes["slug"]; !set {
				r["slug"] = fmt.Sprintf("'case-%d'", i)
			}
		}
		err := insertRow(ctx, db, table, r)
		var pgErr *pgconn.PgError
		switch {
		case tc.want == accepted && err != nil:
			t.Errorf("%s: %s: a valid row was rejected: %v", table, tc.name, err)
		case tc.want == accepted:
		case !errors.As(err, &pgErr):
			t.Errorf("%s: %s: err = %v, want SQLSTATE %s", table, tc.name, err, tc.want)
		case pgErr.Code != tc.want:
			t.Errorf("%s: %s: SQLSTATE %s (%s), want %s", table, tc.name, pgErr.Code, pgErr.Message, tc.want)
		}
	}
}

// badSources are source lists the database must refuse in any table.
var badSources = []ruleCase{
	{"sources not an array", row{"sources": `'{"title": "t"}'`}, check},
	{"sources a string", row{"sources": `'"t"'`}, check},
	{"source not an object", row{"sources": `'["t"]'`}, check},
	{"source without title", row{"sources": `'[{"url": "https://example.org"}]'`}, check},
	{"source with blank title", row{"sources": `'[{"title": "  "}]'`}, check},
	{"source with a number for title", row{"sources": `'[{"title": 5}]'`}, check},
	{"source url not http(s)", row{"sources": `'[{"title": "t", "url": "ftp://example.org/x"}]'`}, check},
	{"source url not a url", row{"sources": `'[{"title": "t", "url": "not a url"}]'`}, check},
	{"source url a number", row{"sources": `'[{"title": "t", "url": 5}]'`}, check},
	{"second source bad", row{"sources": `'[{"title": "t"}, {"url": "https://example.org"}]'`}, check},
	{"sources null", row{"sources": "NULL"}, notNull},
	{"no sources", row{"sources": `'[]'`}, accepted},
	{"source without url", row{"sources": `'[{"title": "A newspaper in print"}]'`}, accepted},
	{"source with empty url", row{"sources": `'[{"title": "t", "url": ""}]'`}, accepted},
	{"source with http url", row{"sources": `'[{"title": "t", "url": "http://example.org/a?b=c#d"}]'`}, accepted},
}

func TestCityRules(t *testing.T) {
	t.Parallel()
	db := pgtest.EmptyDB(t)
	valid := row{
		"kind": "'twin'", "slug": "'duisburg'", "name_ru": "'Дуйсбург'", "name_en": "'Duisburg'",
		"country": "'DE'", "latitude": "51.43", "longitude": "6.76",
		"since_date": "'2007-10-15'", "since_precision": "'day'", "status": "'active'",
		"website":   "'https://www.duisburg.de'",
		"sources":   `'[{"title": "duisburg.de", "url": "https://www.duisburg.de/perm"}]'`,
		"published": "true",
	}
	cases := []ruleCase{
		{"month date on the 1st", row{"since_date": "'2006-11-01'", "since_precision": "'month'"}, accepted},
		{"month date not on the 1st", row{"since_date": "'2006-11-15'", "since_precision": "'month'"}, check},
		{"year date on 1 January", row{"since_date": "'1994-01-01'", "since_precision": "'year'"}, accepted},
		{"year date in June", row{"since_date": "'1994-06-01'", "since_precision": "'year'"}, check},
		{"year date on the 15th", row{"since_date": "'1994-01-15'", "since_precision": "'year'"}, check},
		{"unknown precision", row{"since_precision": "'week'"}, check},
		{"date without precision", row{"since_precision": "NULL"}, check},
		{"precision without date", row{"since_date": "NULL"}, check},
		{"no date at all", row{"since_date": "NULL", "since_precision": "NULL"}, accepted},
		{"published without name_en", row{"name_en": "''"}, check},
		{"published without name_ru", row{"name_ru": "''"}, check},
		{"draft without name_en", row{"name_en": "''", "published": "false"}, accepted},
		{"slug with a space and capitals", row{"slug": "'Bad Slug'"}, check},
		{"slug starting with a hyphen", row{"slug": "'-x'"}, check},
		{"slug ending with a hyphen", row{"slug": "'x-'"}, check},
		{"slug with a double hyphen", row{"slug": "'a--b'"}, check},
		{"slug longer than 80", row{"slug": "'" + strings.Repeat("a", 81) + "'"}, check},
		{"slug of 80", row{"slug": "'" + strings.Repeat("a", 80) + "'"}, accepted},
		{"slug with hyphens and digits", row{"slug": "'amneville-les-thermes-2'"}, accepted},
		{"taken slug", row{"slug": "'duisburg'"}, unique},
		{"taken slug, other kind", row{"slug": "'duisburg'", "kind": "'partner'"}, accepted},
		{"lower-case country", row{"country": "'de'"}, check},
		{"three-letter country", row{"country": "'DEU'"}, check},
		{"one-letter country", row{"country": "'D'"}, check},
		{"latitude without longitude", row{"longitude": "NULL"}, check},
		{"longitude without latitude", row{"latitude": "NULL"}, check},
		{"no location", row{"latitude": "NULL", "longitude": "NULL"}, accepted},
		{"latitude 91", row{"latitude": "91"}, check},
		{"latitude -91", row{"latitude": "-91"}, check},
		{"longitude 181", row{"longitude": "181"}, check},
		{"the poles and the date line", row{"latitude": "-90", "longitude": "180"}, accepted},
		{"active with a status date", row{"status_date": "'2022-01-01'", "status_precision": "'year'"}, check},
		{"ended in a month", row{"status": "'ended'", "status_date": "'2022-06-01'", "status_precision": "'month'"}, accepted},
		{"ended, month date not on the 1st", row{"status": "'ended'", "status_date": "'2022-06-10'", "status_precision": "'month'"}, check},
		{"ended, status date without precision", row{"status": "'ended'", "status_date": "'2022-06-10'"}, check},
		{"suspended without a date", row{"status": "'suspended'"}, accepted},
		{"unknown status", row{"status": "'paused'"}, check},
		{"unknown kind", row{"kind": "'sister'"}, check},
		{"website ftp", row{"website": "'ftp://x'"}, check},
		{"website not a url", row{"website": "'not a url'"}, check},
		{"website with a space", row{"website": "'https://www.duis burg.de'"}, check},
		{"website without host", row{"website": "'https:///perm'"}, check},
		{"no website", row{"website": "''"}, accepted},
		{"kind null", row{"kind": "NULL"}, notNull},
		{"slug null", row{"slug": "NULL"}, notNull},
		{"country null", row{"country": "NULL"}, notNull},
		{"status null", row{"status": "NULL"}, notNull},
		{"name_en null", row{"name_en": "NULL"}, notNull},
		{"published null", row{"published": "NULL"}, notNull},
	}
	checkRules(t, db, "cities", valid, append(cases, badSources...))
}

func TestEventRules(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), pgtest.EmptyDB(t)
	if err := insertRow(ctx, db, "cities", row{"kind": "'twin'", "slug": "'duisburg'", "country": "'DE'", "name_en": "'Duisburg'"}); err != nil {
		t.Fatal(err)
	}
	valid := row{
		"city_id":    "(SELECT id FROM cities WHERE slug = 'duisburg')",
		"event_date": "'2017-01-01'", "date_precision": "'year'",
		"title_ru": "'Проект'", "title_en": "'Project'", "text_ru": "'Текст'", "text_en": "'Text'",
		"link": "'https://example.org/project'", "sources": `'[{"title": "Perm city portal"}]'`,
		"published": "true",
	}
	cases := []ruleCase{
		{"no city", row{"city_id": "NULL"}, accepted},
		{"missing city", row{"city_id": "999999"}, foreignKey},
		{"day date", row{"event_date": "'2021-06-18'", "date_precision": "'day'"}, accepted},
		{"month date not on the 1st", row{"event_date": "'2019-06-18'", "date_precision": "'month'"}, check},
		{"year date not on 1 January", row{"event_date": "'2017-03-01'", "date_precision": "'year'"}, check},
		{"unknown precision", row{"date_precision": "'decade'"}, check},
		{"date without precision", row{"date_precision": "NULL"}, notNull},
		{"no date", row{"event_date": "NULL"}, notNull},
		{"published without title_en", row{"title_en": "''"}, check},
		{"draft without title_en", row{"title_en": "''", "published": "false"}, accepted},
		{"link ftp", row{"link": "'ftp://x'"}, check},
		{"link not a url", row{"link": "'not a url'"}, check},
		{"no link", row{"link": "''"}, accepted},
	}
	checkRules(t, db, "events", valid, append(cases, badSources...))
}

func TestOrganizationRules(t *testing.T) {
	t.Parallel()
	db := pgtest.EmptyDB(t)
	valid := row{
		"slug": "'uclg-eurasia'", "kind": "'union'", "scope": "'international'",
		"name_ru": "'ОГМВ-Евразия'", "name_en": "'UCLG-Eurasia'",
		"since_date": "'2011-09-01'", "since_precision": "'month'",
		"website": "'https://euroasia-uclg.ru'", "sources": `'[{"title": "Perm city portal"}]'`,
		"published": "true",
	}
	cases := []ruleCase{
		{"association, interregional", row{"kind": "'association'", "scope": "'interregional'"}, accepted},
		{"national", row{"scope": "'national'"}, accepted},
		{"unknown kind", row{"kind": "'federation'"}, check},
		{"unknown scope", row{"scope": "'global'"}, check},
		{"taken slug", row{"slug": "'uclg-eurasia'"}, unique},
		{"bad slug", row{"slug": "'Bad Slug'"}, check},
		{"slug starting with a hyphen", row{"slug": "'-x'"}, check},
		{"month date not on the 1st", row{"since_date": "'2011-09-15'"}, check},
		{"year date not on 1 January", row{"since_date": "'2011-09-01'", "since_precision": "'year'"}, check},
		{"unknown precision", row{"since_precision": "'week'"}, check},
		{"date without precision", row{"since_precision": "NULL"}, check},
		{"no date", row{"since_date": "NULL", "since_precision": "NULL"}, accepted},
		{"published without name_en", row{"name_en": "''"}, check},
		{"draft without name_en", row{"name_en": "''", "published": "false"}, accepted},
		{"website ftp", row{"website": "'ftp://x'"}, check},
		{"website not a url", row{"website": "'not a url'"}, check},
		{"kind null", row{"kind": "NULL"}, notNull},
		{"scope null", row{"scope": "NULL"}, notNull},
	}
	checkRules(t, db, "organizations", valid, append(cases, badSources...))
}

func TestAwardRules(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), pgtest.EmptyDB(t)
	if err := insertRow(ctx, db, "cities", row{"kind": "'twin'", "slug": "'duisburg'", "country": "'DE'", "name_en": "'Duisburg'"}); err != nil {
		t.Fatal(err)
	}
	valid := row{
		"award_date": "'2018-09-14'", "date_precision": "'day'",
		"title_ru": "'Почётная грамота'", "title_en": "'Certificate of Merit'",
		"awarded_by_ru": "'МИД России'", "awarded_by_en": "'Ministry of Foreign Affairs'",
		"city_id":   "(SELECT id FROM cities WHERE slug = 'duisburg')",
		"sources":   `'[{"title": "Perm city portal", "url": "http://gp-static.wdepo.ru/x"}]'`,
		"published": "true",
	}
	cases := []ruleCase{
		{"no city", row{"city_id": "NULL"}, accepted},
		{"missing city", row{"city_id": "999999"}, foreignKey},
		{"month date on the 1st", row{"award_date": "'2018-04-01'", "date_precision": "'month'"}, accepted},
		{"month date not on the 1st", row{"award_date": "'2018-04-02'", "date_precision": "'month'"}, check},
		{"year date on 1 January", row{"award_date": "'2017-01-01'", "date_precision": "'year'"}, accepted},
		{"year date not on 1 January", row{"award_date": "'2017-12-01'", "date_precision": "'year'"}, check},
		{"unknown precision", row{"date_precision": "'week'"}, check},
		{"no precision", row{"date_precision": "NULL"}, notNull},
		{"no date", row{"award_date": "NULL"}, notNull},
		{"published without title_en", row{"title_en": "''"}, check},
		{"published without awarded_by_en", row{"awarded_by_en": "''"}, check},
		{"published without awarded_by_ru", row{"awarded_by_ru": "''"}, check},
		{"draft without awarded_by", row{"awarded_by_ru": "''", "awarded_by_en": "''", "published": "false"}, accepted},
	}
	checkRules(t, db, "awards", valid, append(cases, badSources...))
}

func TestPageRules(t *testing.T) {
	t.Parallel()
	db := pgtest.EmptyDB(t)
	valid := row{"key": "'about'", "title_ru": "'О сайте'", "title_en": "'About'", "body_ru": "'Текст'", "body_en": "'Text'"}
	checkRules(t, db, "pages", valid, []ruleCase{
		{"contacts", row{"key": "'contacts'"}, accepted},
		{"unknown key", row{"key": "'home'"}, check},
		{"taken key", row{"key": "'about'"}, unique},
		{"no key", row{"key": "NULL"}, notNull},
		{"no title_ru", row{"key": "'contacts'", "title_ru": "NULL"}, notNull},
		{"no title_en", row{"key": "'contacts'", "title_en": "NULL"}, notNull},
	})
}

// Deleting a city takes its timeline with it but keeps the awards, which are Perm's, unlinked.
func TestDeletingACityCascadesToEventsAndUnlinksAwards(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), pgtest.EmptyDB(t)
	for _, slug := range []string{"duisburg", "qingdao"} {
		if err := insertRow(ctx, db, "cities", row{"kind": "'twin'", "slug": "'" + slug + "'", "country": "'DE'"}); err != nil {
			t.Fatal(err)
		}
	}
	for _, slug := range []string{"duisburg", "qingdao"} {
		city := "(SELECT id FROM cities WHERE slug = '" + slug + "')"
		if err := insertRow(ctx, db, "events", row{"city_id": city, "event_date": "'2017-01-01'", "date_precision": "'year'"}); err != nil {
			t.Fatal(err)
		}
		if err := insertRow(ctx, db, "awards", row{"city_id": city, "award_date": "'2018-09-14'", "date_precision": "'day'"}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := db.Exec(ctx, "DELETE FROM cities WHERE slug = 'duisburg'"); err != nil {
		t.Fatal(err)
	}
	var events, awards, linkedAwards int
	err := db.QueryRow(ctx, `SELECT (SELECT count(*) FROM events), (SELECT count(*) FROM awards),
		(SELECT count(*) FROM awards WHERE city_id IS NOT NULL)`).Scan(&events, &awards, &linkedAwards)
	if err != nil {
		t.Fatal(err)
	}
	if events != 1 || awards != 2 || linkedAwards != 1 {
		t.Errorf("after deleting a city: %d events, %d awards of which %d linked; want 1, 2, 1", events, awards, linkedAwards)
	}
}
