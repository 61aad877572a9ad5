package seed

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5"

	"twincities/internal/content"
	"twincities/internal/store"
)

// MaxGenerated is the largest scale Generate accepts: ten times the size the site is measured at.
const MaxGenerated = 10000

// Per generated city, how many events and news items the generated data has; organisations and
// awards are one per city.
const (
	generatedEventsPerCity = 10
	generatedNewsPerCity   = 5
)

// ErrRealContent is Generate's refusal on a database holding content beyond the standard initial
// data: generated entries would mix with real ones on the public site.
var ErrRealContent = errors.New("seed: refused: the database holds content beyond the standard initial data (staff changes or entries of its own); generate test data only into a fresh database")

// ErrAlreadyGenerated is Generate's refusal on a database that already holds generated data.
var ErrAlreadyGenerated = errors.New("seed: refused: the database already holds generated test data; start from a fresh database to generate again")

// Generated says how many entries of each kind Generate made.
type Generated struct {
	Cities, Events, News, Awards, Organizations int
}

// Generate adds test data of scale n (1 to MaxGenerated) for measuring the site at size: n cities
// (half twin, half partner), 10n events, 5n news items, n awards and n organisations, all
// published in both languages, in one transaction, each through the store's workflow so that the
// history and the change log grow as they would with real work. Every entry is clearly fake
// ("Тестовый город 0001" / "Test city 0001", slug test-city-0001), says "[тестовые данные]" /
// "[test data]" in its public text and carries store.GeneratedNote as its staff note.
//
// It refuses (ErrRealContent) unless the database holds nothing but the standard initial data (or
// nothing at all): no change by a member of staff in the change log, no city or organisation the
// initial data lacks, no more events or awards than it has, and no news. It refuses a second run
// (ErrAlreadyGenerated).
func Generate(ctx context.Context, db TxBeginner, n int) (Generated, error) {
	if n < 1 || n > MaxGenerated {
		return Generated{}, fmt.Errorf("seed: the scale of generated data must be from 1 to %d, not %d", MaxGenerated, n)
	}
	var g Generated
	err := pgx.BeginFunc(ctx, db, func(tx pgx.Tx) error {
		if err := store.LockForSeeding(ctx, tx); err != nil {
			return err
		}
		c, err := store.TakeCensus(ctx, tx)
		if err != nil {
			return err
		}
		if c.Generated > 0 {
			return ErrAlreadyGenerated
		}
		if !onlyInitialData(c) {
			return ErrRealContent
		}
		// One transaction of many thousand statements: nothing is lost if it stops half way, so
		// its commit need not wait for the disk at each of the savepoints it does not have.
		if _, err := tx.Exec(ctx, "SET LOCAL synchronous_commit = off"); err != nil {
			return fmt.Errorf("seed: %w", err)
		}
		g, err = generate(ctx, flatTx{tx}, n)
		return err
	})
	if err != nil {
		return Generated{}, err
	}
	return g, nil
}

// onlyInitialData reports whether c describes a database holding the standard initial data, part
// of it, or nothing.
func onlyInitialData(c store.Census) bool {
	if c.StaffChanges > 0 || c.News > 0 || c.Events > len(events) || c.Awards > len(awards) {
		return false
	}
	cities := Cities()
	for _, key := range c.CityKeys {
		if !slices.ContainsFunc(cities, func(x content.City) bool { return string(x.Kind)+"/"+x.Slug == key }) {
			return false
		}
	}
	for _, slug := range c.Organizations {
		if !slices.ContainsFunc(organizations, func(x content.Organization) bool { return x.Slug == slug }) {
			return false
		}
	}
	return true
}

// twinCountries are the countries the generated twin cities take in turn; partner cities are
// Russian, as real ones are.
var twinCountries = []string{"DE", "FR", "IT", "GB", "US", "CN", "BG", "IL", "ES", "FI", "JP", "KZ"}

// The marks every generated entry's public text begins with.
const (
	markRU = "[тестовые данные]"
	markEN = "[test data]"
)

// flatTx is the generator's transaction as each store workflow sees it: the workflow's own
// transaction for one entry becomes the whole run's, with no savepoint, which would cost two more
// round trips an entry for nothing: any error ends the whole run, which rolls back as one.
type flatTx struct{ pgx.Tx }

// Begin returns the same transaction, not a savepoint.
func (t flatTx) Begin(context.Context) (pgx.Tx, error) { return t, nil }

// Commit leaves committing to the run.
func (flatTx) Commit(context.Context) error { return nil }

// Rollback leaves rolling back to the run, which does when an entry fails.
func (flatTx) Rollback(context.Context) error { return nil }

func generate(ctx context.Context, tx flatTx, n int) (Generated, error) {
	var g Generated
	width := max(4, len(strconv.Itoa(n)))
	num := func(i int) string { return fmt.Sprintf("%0*d", width, i) }
	fail := func(what string, err error) (Generated, error) {
		return Generated{}, fmt.Errorf("seed: generate %s: %w", what, err)
	}
	for i := 1; i <= n; i++ {
		c := generatedCity(i, num(i))
		if err := store.Cities.Create(ctx, tx, &c, store.GeneratorActor); err != nil {
			return fail("city "+c.Slug, err)
		}
		g.Cities++
		for j := 1; j <= generatedEventsPerCity; j++ {
			e := generatedEvent(c, num(i), j)
			if err := store.Events.Create(ctx, tx, &e, store.GeneratorActor); err != nil {
				return fail("event of "+c.Slug, err)
			}
			g.Events++
		}
		for j := 1; j <= generatedNewsPerCity; j++ {
			item := generatedNews(c, num(i), j)
			if err := store.News.Create(ctx, tx, &item, store.GeneratorActor); err != nil {
				return fail("news item "+item.Slug, err)
			}
			g.News++
		}
		a := generatedAward(c, num(i))
		if err := store.Awards.Create(ctx, tx, &a, store.GeneratorActor); err != nil {
			return fail("award of "+c.Slug, err)
		}
		g.Awards++
		o := generatedOrganization(i, num(i))
		if err := store.Organizations.Create(ctx, tx, &o, store.GeneratorActor); err != nil {
			return fail("organisation "+o.Slug, err)
		}
		g.Organizations++
	}
	return g, nil
}

// generatedCity is the i-th generated city: odd ones twin cities abroad, even ones partner cities
// in Russia, spread over the map.
func generatedCity(i int, num string) content.City {
	c := content.City{
		Kind: content.Twin, Slug: "test-city-" + num, Country: twinCountries[i%len(twinCountries)],
		Name:      content.Text{RU: "Тестовый город " + num, EN: "Test city " + num},
		Region:    content.Text{RU: "Тестовый регион", EN: "Test region"},
		Location:  &content.GeoPoint{Lat: float64(i*37%120) - 50, Lon: float64(i*73%340) - 170},
		Since:     content.YearDate(1990 + i%35),
		Status:    content.Active,
		Summary:   content.Text{RU: markRU + " Сгенерированный город для проверки скорости сайта.", EN: markEN + " A generated city for testing the site’s speed."},
		Body:      content.Text{RU: markRU + " Этого города нет: запись создана генератором тестовых данных.", EN: markEN + " This city does not exist: the entry was made by the test data generator."},
		Published: true, EditorNote: store.GeneratedNote,
	}
	if i%2 == 0 {
		c.Kind, c.Country = content.Partner, "RU"
	}
	return c
}

// generatedEvent is the j-th generated event of city c.
func generatedEvent(c content.City, num string, j int) content.Event {
	id := c.ID
	return content.Event{
		CityID: &id, Date: content.DayDate(2000+j, time.Month(1+j%12), 1+j),
		Title:     content.Text{RU: "Тестовое событие " + strconv.Itoa(j) + " города " + num, EN: "Test event " + strconv.Itoa(j) + " of city " + num},
		Text:      content.Text{RU: markRU + " Этого события не было.", EN: markEN + " This event never happened."},
		Published: true, EditorNote: store.GeneratedNote,
	}
}

// generatedNews is the j-th generated news item about city c.
func generatedNews(c content.City, num string, j int) content.News {
	return content.News{
		Slug: "test-news-" + num + "-" + strconv.Itoa(j), Date: content.DayDate(2020+j, time.Month(1+j), 10+j),
		Title:     content.Text{RU: "Тестовая новость " + strconv.Itoa(j) + " о городе " + num, EN: "Test news item " + strconv.Itoa(j) + " about city " + num},
		Lead:      content.Text{RU: markRU + " Сгенерированная новость для проверки скорости сайта.", EN: markEN + " A generated news item for testing the site’s speed."},
		Body:      content.Text{RU: markRU + " Этой новости не было.", EN: markEN + " This never happened."},
		CityIDs:   []int64{c.ID},
		Published: true, EditorNote: store.GeneratedNote,
	}
}

// generatedAward is the generated award about city c.
func generatedAward(c content.City, num string) content.Award {
	id := c.ID
	return content.Award{
		Date: content.YearDate(2000 + c.Since.Year()%25), CityID: &id,
		Title:       content.Text{RU: "Тестовая награда " + num, EN: "Test award " + num},
		AwardedBy:   content.Text{RU: "Тестовый город " + num, EN: "Test city " + num},
		Description: content.Text{RU: markRU + " Этой награды нет.", EN: markEN + " This award does not exist."},
		Published:   true, EditorNote: store.GeneratedNote,
	}
}

// generatedOrganization is the i-th generated organisation.
func generatedOrganization(i int, num string) content.Organization {
	o := content.Organization{
		Slug: "test-organisation-" + num, Kind: content.Association, Scope: content.International,
		Name:        content.Text{RU: "Тестовая ассоциация " + num, EN: "Test association " + num},
		Description: content.Text{RU: markRU + " Этой организации нет.", EN: markEN + " This organisation does not exist."},
		Published:   true, EditorNote: store.GeneratedNote,
	}
	if i%2 == 0 {
		o.Kind, o.Scope = content.Union, content.National
	}
	return o
}
