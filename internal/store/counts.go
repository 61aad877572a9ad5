package store

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
)

// Counts are the numbers the home page shows, always computed from the published data. Cities
// are counted apart by whether the relationship is current: saying "six twin cities" when two of
// them have ended would misrepresent Perm's relations. A suspended relationship counts as former,
// as on the map's legend: it is not a current one, and a third group would say little more.
type Counts struct {
	TwinCities          int // current (active) twin cities
	FormerTwinCities    int // twin cities whose relationship has ended or is suspended
	PartnerCities       int // current (active) partner cities
	FormerPartnerCities int // partner cities whose relationship has ended or is suspended
	Memberships         int
	Awards              int
}

// PublicCounts counts the published entries in one round trip.
func PublicCounts(ctx context.Context, db DBTX) (Counts, error) {
	var c Counts
	err := publicCounts(&c).run(ctx, db)
	return c, err
}

// PublicCounts queues store.PublicCounts into out.
func (rs *Reads) PublicCounts(out *Counts) { rs.queue(publicCounts(out)) }

func publicCounts(out *Counts) read {
	// The cities are read once for their four counts: each count alone would read them again.
	return read{"count public entries", `SELECT
			count(*) FILTER (WHERE kind = 'twin' AND status = 'active'),
			count(*) FILTER (WHERE kind = 'twin' AND status <> 'active'),
			count(*) FILTER (WHERE kind = 'partner' AND status = 'active'),
			count(*) FILTER (WHERE kind = 'partner' AND status <> 'active'),
			(SELECT count(*) FROM organizations WHERE published AND deleted_at IS NULL),
			(SELECT count(*) FROM awards WHERE published AND deleted_at IS NULL)
		FROM cities WHERE published AND deleted_at IS NULL`, nil,
		func(rows pgx.Rows) error {
			c, err := pgx.CollectExactlyOneRow(rows, func(row pgx.CollectableRow) (Counts, error) {
				var c Counts
				err := row.Scan(&c.TwinCities, &c.FormerTwinCities, &c.PartnerCities, &c.FormerPartnerCities, &c.Memberships, &c.Awards)
				return c, err
			})
			*out = c
			return err
		}}
}

// HasContent reports whether the database holds any content yet; an empty one gets the initial data.
func HasContent(ctx context.Context, db DBTX) (bool, error) {
	var has bool
	err := db.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM cities) OR EXISTS (SELECT 1 FROM organizations)
		OR EXISTS (SELECT 1 FROM awards) OR EXISTS (SELECT 1 FROM events) OR EXISTS (SELECT 1 FROM pages)`).Scan(&has)
	if err != nil {
		return false, fmt.Errorf("store: look for content: %w", err)
	}
	return has, nil
}
