package store_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"twincities/internal/content"
	"twincities/internal/postgres/pgtest"
	"twincities/internal/store"
)

// publishCity is the dispatch the web layer gives the runner, for cities only.
func publishCity(ctx context.Context, tx pgx.Tx, entity content.Entity, id int64, on bool) error {
	return store.Cities.SetPublishedNow(ctx, tx, id, on, store.SchedulerActor)
}

// TestScheduledPublicationHappensOnceUnderConcurrentRunners starts several runners at the same
// moment against one database: the entry is published once, with one revision and one audit line
// by the scheduler, and the schedule is marked done.
func TestScheduledPublicationHappensOnceUnderConcurrentRunners(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), pgtest.EmptyDB(t)
	c := newCity(content.Twin, "duisburg", false)
	if err := store.Cities.Create(ctx, db, &c, store.SystemActor); err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	s := store.Schedule{Entity: c.Entity(), EntryID: c.ID, Action: store.SchedulePublish, RunAt: now.Add(-time.Second)}
	if err := store.AddSchedule(ctx, db, &s, store.SystemActor, "test"); err != nil {
		t.Fatal(err)
	}
	later := store.Schedule{Entity: c.Entity(), EntryID: c.ID, Action: store.ScheduleUnpublish, RunAt: now.Add(time.Hour)}
	if err := store.AddSchedule(ctx, db, &later, store.SystemActor, "test"); err != nil {
		t.Fatal(err)
	}
	const runners = 8
	var wg sync.WaitGroup
	settled := make(chan int, runners)
	start := make(chan struct{})
	for range runners {
		wg.Go(func() {
			<-start
			n, err := store.RunDueSchedules(ctx, db, now, publishCity)
			if err != nil {
				t.Error(err)
			}
			settled <- n
		})
	}
	close(start)
	wg.Wait()
	close(settled)
	total := 0
	for n := range settled {
		total += n
	}
	if total != 1 {
		t.Errorf("the runners settled %d schedules together, want 1", total)
	}
	got, err := store.Cities.Get(ctx, db, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !got.Published || got.Version != 2 {
		t.Errorf("the city is published %v at version %d, want published at version 2", got.Published, got.Version)
	}
	log, err := store.ListAudit(ctx, db, store.AuditQuery{Entity: c.Entity(), Action: store.ActionPublish})
	if err != nil {
		t.Fatal(err)
	}
	if len(log) != 1 || log[0].UserName != store.SchedulerActor.Name || log[0].UserID != nil {
		t.Errorf("publish lines %+v, want one by the scheduler", log)
	}
	pending, err := store.ListSchedules(ctx, db, store.ScheduleQuery{Pending: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(pending) != 1 || pending[0].ID != later.ID {
		t.Errorf("pending schedules %+v, want only the withdrawal to come", pending)
	}
}

// TestScheduledPublicationOfAnIncompleteEntryIsRecorded: an entry missing English stays a draft,
// and the schedule keeps why; a schedule of an entry in the trash is settled as gone.
func TestScheduledPublicationOfAnIncompleteEntryIsRecorded(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), pgtest.EmptyDB(t)
	c := newCity(content.Twin, "oxford", false)
	c.Name.EN = ""
	if err := store.Cities.Create(ctx, db, &c, store.SystemActor); err != nil {
		t.Fatal(err)
	}
	gone := newCity(content.Twin, "louisville", false)
	if err := store.Cities.Create(ctx, db, &gone, store.SystemActor); err != nil {
		t.Fatal(err)
	}
	if err := store.Cities.Delete(ctx, db, gone.ID, store.SystemActor); err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	for _, id := range []int64{c.ID, gone.ID} {
		s := store.Schedule{Entity: content.EntityCity, EntryID: id, Action: store.SchedulePublish, RunAt: now.Add(-time.Minute)}
		if err := store.AddSchedule(ctx, db, &s, store.SystemActor, "test"); err != nil {
			t.Fatal(err)
		}
	}
	if n, err := store.RunDueSchedules(ctx, db, now, publishCity); err != nil || n != 2 {
		t.Fatalf("settled %d, %v; want 2", n, err)
	}
	got, err := store.Cities.Get(ctx, db, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Published || got.Version != 1 {
		t.Errorf("the incomplete city is published %v at version %d, want a draft at version 1", got.Published, got.Version)
	}
	failed, err := store.ListSchedules(ctx, db, store.ScheduleQuery{Failed: true})
	if err != nil {
		t.Fatal(err)
	}
	reasons := map[int64]store.Schedule{}
	for _, s := range failed {
		reasons[s.EntryID] = s
	}
	if s := reasons[c.ID]; s.Error != store.ScheduleIncomplete || s.Detail != "name_en" || s.DoneAt == nil {
		t.Errorf("the incomplete city's schedule %+v, want incomplete, missing name_en", s)
	}
	if s := reasons[gone.ID]; s.Error != store.ScheduleGone {
		t.Errorf("the trashed city's schedule %+v, want gone", s)
	}
}

// TestCancelSchedule removes a pending schedule once, and only the entry's own.
func TestCancelSchedule(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), pgtest.EmptyDB(t)
	s := store.Schedule{Entity: content.EntityCity, EntryID: 7, Action: store.SchedulePublish, RunAt: time.Now().Add(time.Hour)}
	if err := store.AddSchedule(ctx, db, &s, store.SystemActor, "test"); err != nil {
		t.Fatal(err)
	}
	if err := store.CancelSchedule(ctx, db, content.EntityCity, 8, s.ID, store.SystemActor, "test"); err == nil {
		t.Error("another entry cancelled the schedule")
	}
	if err := store.CancelSchedule(ctx, db, content.EntityCity, 7, s.ID, store.SystemActor, "test"); err != nil {
		t.Fatal(err)
	}
	if err := store.CancelSchedule(ctx, db, content.EntityCity, 7, s.ID, store.SystemActor, "test"); err == nil {
		t.Error("a schedule was cancelled twice")
	}
}

// TestScheduleThatFailsDoesNotHoldUpOthers: a publication that fails for another reason is kept
// as failed, with what went wrong, and the schedules behind it are still carried out.
func TestScheduleThatFailsDoesNotHoldUpOthers(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), pgtest.EmptyDB(t)
	broken := newCity(content.Twin, "broken", false)
	fine := newCity(content.Twin, "fine", false)
	for _, c := range []*content.City{&broken, &fine} {
		if err := store.Cities.Create(ctx, db, c, store.SystemActor); err != nil {
			t.Fatal(err)
		}
	}
	now := time.Now()
	for i, id := range []int64{broken.ID, fine.ID} {
		s := store.Schedule{Entity: content.EntityCity, EntryID: id, Action: store.SchedulePublish,
			RunAt: now.Add(time.Duration(i-5) * time.Minute)}
		if err := store.AddSchedule(ctx, db, &s, store.SystemActor, "test"); err != nil {
			t.Fatal(err)
		}
	}
	publish := func(ctx context.Context, tx pgx.Tx, entity content.Entity, id int64, on bool) error {
		if id == broken.ID {
			return errors.New("the disk is full")
		}
		return publishCity(ctx, tx, entity, id, on)
	}
	if n, err := store.RunDueSchedules(ctx, db, now, publish); err != nil || n != 2 {
		t.Fatalf("settled %d, %v; want 2", n, err)
	}
	if got, _ := store.Cities.Get(ctx, db, fine.ID); !got.Published {
		t.Error("the schedule behind the failed one was not carried out")
	}
	failed, err := store.ListSchedules(ctx, db, store.ScheduleQuery{Failed: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(failed) != 1 || failed[0].EntryID != broken.ID || failed[0].Error != store.ScheduleFailed ||
		failed[0].Detail != "the disk is full" {
		t.Errorf("failed schedules %+v, want the broken city's, saying why", failed)
	}
}
