package store

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"twincities/internal/content"
)

// purgeCityDependents settles, before a city is deleted for good, what the database would
// otherwise change silently: the city's timeline events go with it, each with its own line in the
// audit log, and its awards stay, unlinked from it, each as a new version.
func purgeCityDependents(ctx context.Context, tx pgx.Tx, cityID int64, actor Actor) error {
	events, err := collectEvents(tx.Query(ctx, `SELECT `+eventColumns+` FROM events e WHERE e.city_id = $1 FOR UPDATE`, cityID))
	if err != nil {
		return fmt.Errorf("store: events of city %d: %w", cityID, err)
	}
	for _, e := range events {
		if _, err := tx.Exec(ctx, `DELETE FROM events WHERE id = $1`, e.ID); err != nil {
			return fmt.Errorf("store: purge event %d: %w", e.ID, err)
		}
		if _, err := tx.Exec(ctx, `DELETE FROM revisions WHERE entity = $1 AND entity_id = $2`,
			string(content.EntityEvent), fmt.Sprint(e.ID)); err != nil {
			return fmt.Errorf("store: purge revisions of event %d: %w", e.ID, err)
		}
		if err := WriteAudit(ctx, tx, AuditRecord{Actor: actor, Action: ActionPurge, Entity: content.EntityEvent,
			EntityID: fmt.Sprint(e.ID), Label: label(e), Detail: fmt.Sprintf("city %d", cityID)}); err != nil {
			return err
		}
	}
	awards, err := collectAwards(tx.Query(ctx, `SELECT `+awardColumns+` FROM `+awardFrom+` WHERE a.city_id = $1 FOR UPDATE OF a`, cityID))
	if err != nil {
		return fmt.Errorf("store: awards of city %d: %w", cityID, err)
	}
	for _, before := range awards {
		after := before
		after.CityID = nil
		if err := updateAward(ctx, tx, &after); err != nil {
			return err
		}
		if err := record(ctx, tx, ActionUpdate, &before, after, actor, ""); err != nil {
			return err
		}
	}
	return nil
}
