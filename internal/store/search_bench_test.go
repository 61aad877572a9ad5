package store_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"twincities/internal/content"
	"twincities/internal/postgres/pgtest"
	"twincities/internal/store"
)

// searchBenchEntries fills db with 10,000 generated entries, nine in ten published: 2,000 cities,
// 1,000 unions, 2,000 awards and 5,000 events, named and described with generated Russian and
// Latin words and some common ones, so the indexes hold many distinct words and trigrams, as a
// real site's would, and a common word ("выставка") is in about a tenth of the entries. One of
// the cities is Duisburg.
func searchBenchEntries(tb testing.TB, db store.DBTX) {
	tb.Helper()
	ctx := context.Background()
	// words(n) is n random words of the vocabulary; the reference to g makes PostgreSQL draw them
	// for every row instead of once.
	const vocabulary = `ARRAY['дружба','выставка','город','партнёр','визит','делегация','культура','музей','театр',
		'оркестр','фестиваль','школа','университет','спорт','молодёжь','экономика','соглашение','побратим',
		'ярмарка','концерт','Кама','Урал','мост','река','завод','friendship','exhibition','city','partner',
		'visit','delegation','culture','museum','theatre','orchestra','festival','school','university','sport',
		'youth','economy','agreement','twin','fair','concert','bridge','river','plant','library','opera']`
	// Most words are made of three random syllables (some 27,000 of them, as rare as a real
	// text's words); one in twenty is a common word of the vocabulary.
	const syllables = `ARRAY['ка','ро','ми','не','ту','ла','со','ви','де','па','го','ри','ба','зо','лю',
		'ka','ro','mi','ne','tu','la','so','vi','de','pa','go','ri','ba','zo','lu']`
	words := func(n string) string {
		return `(SELECT string_agg(CASE WHEN random() < 0.05 THEN (` + vocabulary + `)[1 + floor(random() * 50)::int]
			ELSE (` + syllables + `)[1 + floor(random() * 30)::int] || (` + syllables + `)[1 + floor(random() * 30)::int]
				|| (` + syllables + `)[1 + floor(random() * 30)::int] END, ' ') FROM generate_series(1, ` + n + `) WHERE g > 0)`
	}
	name := `(SELECT string_agg(substr('бвгдклмнпрстфхаеиоуыэюя', 1 + floor(random() * 24)::int, 1), '') FROM generate_series(1, 7) WHERE g > 0)`
	latin := `(SELECT string_agg(substr('bcdfgklmnprstvzaeiouy', 1 + floor(random() * 21)::int, 1), '') FROM generate_series(1, 7) WHERE g > 0)`
	for _, sql := range []string{
		`INSERT INTO cities (kind, slug, name_ru, name_en, country, summary_ru, summary_en, body_ru, body_en, published)
			SELECT CASE WHEN g % 2 = 0 THEN 'twin' ELSE 'partner' END, 'city-' || g, initcap(` + name + `), initcap(` + latin + `), 'DE',
				` + words("12") + `, ` + words("12") + `, ` + words("120") + `, ` + words("120") + `, g % 10 <> 0
			FROM generate_series(1, 1999) g`,
		`INSERT INTO cities (kind, slug, name_ru, name_en, country, summary_ru, summary_en, published)
			VALUES ('twin', 'duisburg', 'Дуйсбург', 'Duisburg', 'DE', 'Город на Рейне', 'A city on the Rhine', true)`,
		`INSERT INTO organizations (slug, kind, scope, name_ru, name_en, role_ru, role_en, description_ru, description_en, published)
			SELECT 'org-' || g, 'union', 'national', ` + words("4") + `, ` + words("4") + `, ` + words("8") + `, ` + words("8") + `,
				` + words("60") + `, ` + words("60") + `, g % 10 <> 0
			FROM generate_series(1, 1000) g`,
		`INSERT INTO awards (award_date, date_precision, title_ru, title_en, awarded_by_ru, awarded_by_en, description_ru, description_en, published)
			SELECT make_date(1990 + g % 35, 1, 1), 'year', ` + words("6") + `, ` + words("6") + `, ` + words("4") + `, ` + words("4") + `,
				` + words("40") + `, ` + words("40") + `, g % 10 <> 0
			FROM generate_series(1, 2000) g`,
		`INSERT INTO events (city_id, event_date, date_precision, title_ru, title_en, text_ru, text_en, published)
			SELECT (SELECT min(id) FROM cities) + g % 2000, make_date(1990 + g % 35, 1, 1), 'year', ` + words("6") + `, ` + words("6") + `,
				` + words("50") + `, ` + words("50") + `, g % 10 <> 0
			FROM generate_series(1, 5000) g`,
		`ANALYZE`,
	} {
		if _, err := db.Exec(ctx, sql); err != nil {
			tb.Fatal(err)
		}
	}
}

// BenchmarkSearch measures the public's search over 10,000 entries, query by query, with the
// queries a visitor types: a name, a misspelt one, a Russian fragment, common words, a phrase,
// an exclusion. It reports the 95th percentile of the latencies (p95-ms); the target is 20 ms.
func BenchmarkSearch(b *testing.B) {
	ctx, db := context.Background(), pgtest.EmptyDB(b)
	searchBenchEntries(b, db)
	queries := []string{"Duisburg", "Duisberg", "дуйсбур", "выставка", "friendship exhibition", `"city partner"`,
		"concert -opera", "музей театр", "Рейн", "zzzz nothing"}
	var took []time.Duration
	i := 0
	for b.Loop() {
		q := queries[i%len(queries)]
		i++
		start := time.Now()
		if _, err := store.Search(ctx, db, store.SearchQuery{Text: q, Lang: content.RU, Limit: 20}); err != nil {
			b.Fatal(err)
		}
		took = append(took, time.Since(start))
	}
	slices.Sort(took)
	if len(took) > 0 {
		p95 := took[min(len(took)-1, len(took)*95/100)]
		b.ReportMetric(float64(p95.Microseconds())/1000, "p95-ms")
	}
}
