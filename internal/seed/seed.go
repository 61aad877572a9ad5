// Package seed holds Perm's initial data, the checked facts of ../shared/facts/perm.md, and loads
// it into an empty database.
package seed

import (
	"context"
	"fmt"
	"slices"

	"github.com/jackc/pgx/v5"

	"twincities/internal/content"
	"twincities/internal/store"
)

// TxBeginner is a database handle that can start a transaction: a pool or a connection.
type TxBeginner interface {
	Begin(ctx context.Context) (pgx.Tx, error)
}

// Load writes the initial data, with its history (version 1 of every entry, by "initial data"), in
// one transaction if the database holds no content yet, and
// reports whether it did. On a database with content it changes nothing, so running it twice, or
// after staff have edited the site, is safe; it only adds a text page that a later version of the
// site brought and the database lacks (addMissingPages).
func Load(ctx context.Context, db TxBeginner) (loaded bool, err error) {
	err = pgx.BeginFunc(ctx, db, func(tx pgx.Tx) error {
		if err := store.LockForSeeding(ctx, tx); err != nil {
			return err
		}
		has, err := store.HasContent(ctx, tx)
		if err != nil {
			return err
		}
		if has {
			return addMissingPages(ctx, tx)
		}
		loaded = true
		return insertAll(ctx, tx)
	})
	if err != nil {
		return false, err
	}
	return loaded, nil
}

func insertAll(ctx context.Context, tx pgx.Tx) (err error) {
	cityIDs := map[string]int64{}
	for _, c := range Cities() {
		if err := store.Cities.Create(ctx, tx, &c, store.SystemActor); err != nil {
			return fmt.Errorf("seed: %w", err)
		}
		if c.Kind == content.Twin {
			cityIDs[c.Slug] = c.ID
		}
	}
	for _, o := range Organizations() {
		if err := store.Organizations.Create(ctx, tx, &o, store.SystemActor); err != nil {
			return fmt.Errorf("seed: %w", err)
		}
	}
	for _, a := range awards {
		if a.CityID, err = cityRef(cityIDs, a.citySlug); err != nil {
			return err
		}
		if err := store.Awards.Create(ctx, tx, &a.Award, store.SystemActor); err != nil {
			return fmt.Errorf("seed: %w", err)
		}
	}
	for _, e := range events {
		if e.CityID, err = cityRef(cityIDs, e.citySlug); err != nil {
			return err
		}
		if err := store.Events.Create(ctx, tx, &e.Event, store.SystemActor); err != nil {
			return fmt.Errorf("seed: %w", err)
		}
	}
	for _, p := range Pages() {
		if err := store.Pages.Create(ctx, tx, &p, store.SystemActor); err != nil {
			return fmt.Errorf("seed: %w", err)
		}
	}
	for _, p := range Places() {
		if err := store.Places.Create(ctx, tx, &p, store.SystemActor); err != nil {
			return fmt.Errorf("seed: %w", err)
		}
	}
	return nil
}

// addMissingPages creates, with its initial text, each text page a later version of the site
// added (the privacy page, the lists' notes), on a database loaded before it: the site links to every page, and
// pages can be neither created nor deleted by staff. A page that exists is left as it is, and a
// database without any page was not loaded from here: it is left alone.
func addMissingPages(ctx context.Context, tx pgx.Tx) error {
	have, err := store.ListPages(ctx, tx)
	if err != nil || len(have) == 0 {
		return err
	}
	for _, p := range Pages() {
		if !slices.ContainsFunc(have, func(h content.Page) bool { return h.Key == p.Key }) {
			if err := store.Pages.Create(ctx, tx, &p, store.SystemActor); err != nil {
				return fmt.Errorf("seed: %w", err)
			}
		}
	}
	return nil
}

func cityRef(ids map[string]int64, slug string) (*int64, error) {
	if slug == "" {
		return nil, nil
	}
	id, ok := ids[slug]
	if !ok {
		return nil, fmt.Errorf("seed: no twin city %q", slug)
	}
	return &id, nil
}

// Cities returns a copy of the initial twin and partner cities.
func Cities() []content.City {
	return append(append([]content.City(nil), twinCities...), partnerCities...)
}

// Organizations returns a copy of the initial memberships.
func Organizations() []content.Organization {
	return append([]content.Organization(nil), organizations...)
}

// Awards returns a copy of the initial awards (without city references).
func Awards() []content.Award {
	out := make([]content.Award, len(awards))
	for i, a := range awards {
		out[i] = a.Award
	}
	return out
}

// Events returns a copy of the initial timeline events (without city references).
func Events() []content.Event {
	out := make([]content.Event, len(events))
	for i, e := range events {
		out[i] = e.Event
	}
	return out
}

// Pages returns a copy of the initial text pages.
func Pages() []content.Page { return append([]content.Page(nil), pages...) }
