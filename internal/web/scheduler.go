package web

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"twincities/internal/content"
	"twincities/internal/store"
)

// DefaultScheduleEvery is how often the server looks for the publications and withdrawals that
// are due, when Deps.ScheduleEvery is zero: twice a minute, so that each is carried out within a
// minute of the time staff set.
const DefaultScheduleEvery = 30 * time.Second

// runSchedules carries out the due schedules every `every` until Close. Every instance runs it:
// store.RunDueSchedules lets each schedule be claimed by one of them only.
func (s *Server) runSchedules(every time.Duration) {
	defer close(s.schedulerDone)
	ticker := time.NewTicker(every)
	defer ticker.Stop()
	for {
		select {
		case <-s.stopCleanup:
			return
		case <-ticker.C:
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			if n, err := store.RunDueSchedules(ctx, s.db, s.now(), publishScheduled); err != nil {
				s.log.Warn("could not carry out the scheduled publications", "err", err)
			} else if n > 0 {
				s.log.Info("scheduled publications carried out", "count", n)
				s.pages.drop() // here at once; other instances when the database tells them
			}
			cancel()
		}
	}
}

// publishScheduled publishes or withdraws an entry for the scheduler through its kind in the
// registry (kinds.go), so a kind added there is scheduled with no change here.
func publishScheduled(ctx context.Context, tx pgx.Tx, entity content.Entity, id int64, on bool) error {
	k, ok := kindOf(entity)
	if !ok || k.setPublished == nil {
		return fmt.Errorf("web: %s cannot be published: %w", entity, store.ErrNotFound)
	}
	return k.setPublished(ctx, tx, id, on, store.SchedulerActor)
}
