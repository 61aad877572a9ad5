package store

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"twincities/internal/content"
)

// purgeCityDependents settles, before a city is deleted for good, what the database would
// otherwise change silently: the city's timeline events go with it, each with its own line in the
// audit log, and its awards and news items stay, unlinked from it, each as a new version.
func purgeCityDependents(ctx context.Context, tx pgx.Tx, cityID int64, actor Actor) error {
	cityEvents, err := events.collect(tx.Query(ctx, events.selectSQL()+` WHERE e.city_id = @city_id FOR UPDATE OF e`,
		pgx.StrictNamedArgs{"city_id": cityID}))
	if err != nil {
		return fmt.Errorf("store: events of city %d: %w", cityID, err)
	}
	for _, e := range cityEvents {
		if _, err := tx.Exec(ctx, `DELETE FROM events WHERE id = @id`, pgx.StrictNamedArgs{"id": e.ID}); err != nil {
			return fmt.Errorf("store: purge event %d: %w", e.ID, err)
		}
		if _, err := tx.Exec(ctx, `DELETE FROM revisions WHERE entity = @entity AND entity_id = @entity_id`,
			pgx.StrictNamedArgs{"entity": string(content.EntityEvent), "entity_id": fmt.Sprint(e.ID)}); err != nil {
			return fmt.Errorf("store: purge revisions of event %d: %w", e.ID, err)
		}
		if err := WriteAudit(ctx, tx, AuditRecord{Actor: actor, Action: ActionPurge, Entity: content.EntityEvent,
			EntityID: fmt.Sprint(e.ID), Label: label(e), Detail: fmt.Sprintf("city %d", cityID)}); err != nil {
			return err
		}
	}
	cityAwards, err := awards.collect(tx.Query(ctx, awards.selectSQL()+` WHERE a.city_id = @city_id FOR UPDATE OF a`,
		pgx.StrictNamedArgs{"city_id": cityID}))
	if err != nil {
		return fmt.Errorf("store: awards of city %d: %w", cityID, err)
	}
	for _, before := range cityAwards {
		after := before
		after.CityID = nil
		if err := updateAward(ctx, tx, &after); err != nil {
			return err
		}
		if err := record(ctx, tx, ActionUpdate, &before, after, actor, ""); err != nil {
			return err
		}
	}
	return unlinkCityNews(ctx, tx, cityID, actor)
}
