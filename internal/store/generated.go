package store

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
)

// GeneratedNote is the staff note every entry of the generated test data carries: how the
// generator recognises its own rows, and how staff and a query tell them from real content.
const GeneratedNote = "[test data] made by twincities seed --generated; not real content"

// GeneratorActor is the author, in the change log, of the generated test data.
var GeneratorActor = Actor{Name: "test data generator"}

// Census is what the content tables hold, as far as the test-data generator needs to know before
// it adds anything: whether the database holds anything beyond the standard initial data.
type Census struct {
	Generated     int      // entries carrying GeneratedNote
	StaffChanges  int      // rows of the change log written by a member of staff
	CityKeys      []string // "kind/slug" of every city
	Organizations []string // slug of every organisation
	Events        int
	Awards        int
	News          int
}

// TakeCensus counts what the generator's refusal rule looks at, in one statement.
func TakeCensus(ctx context.Context, db DBTX) (Census, error) {
	var c Census
	err := db.QueryRow(ctx, `SELECT
		(SELECT count(*) FROM cities WHERE editor_note = @note) + (SELECT count(*) FROM events WHERE editor_note = @note)
		  + (SELECT count(*) FROM organizations WHERE editor_note = @note) + (SELECT count(*) FROM awards WHERE editor_note = @note)
		  + (SELECT count(*) FROM news WHERE editor_note = @note),
		(SELECT count(*) FROM audit_log WHERE user_id IS NOT NULL AND entity <> 'user'),
		coalesce((SELECT array_agg(kind || '/' || slug ORDER BY id) FROM cities), '{}'),
		coalesce((SELECT array_agg(slug ORDER BY id) FROM organizations), '{}'),
		(SELECT count(*) FROM events), (SELECT count(*) FROM awards), (SELECT count(*) FROM news)`,
		pgx.StrictNamedArgs{"note": GeneratedNote}).Scan(
		&c.Generated, &c.StaffChanges, &c.CityKeys, &c.Organizations, &c.Events, &c.Awards, &c.News)
	if err != nil {
		return Census{}, fmt.Errorf("store: census of the content: %w", err)
	}
	return c, nil
}
