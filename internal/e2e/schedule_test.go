package e2e_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"twincities/internal/content"
	"twincities/internal/postgres/pgtest"
	"twincities/internal/store"
	"twincities/internal/web"
)

// testClock is the site's clock, which the test moves forward instead of waiting.
type testClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *testClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *testClock) advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// TestScheduledEntryGoesLiveByItself: staff set a draft to be published in ten minutes, in Perm
// time, through the edit page; when that time comes (the site's clock moved on), the scheduler
// publishes it with nobody doing anything more, and the public sees it.
func TestScheduledEntryGoesLiveByItself(t *testing.T) {
	t.Parallel()
	clock := &testClock{t: time.Now()}
	db := pgtest.SeededDB(t)
	srv := web.New(web.Deps{DB: db, Log: slog.New(slog.NewTextHandler(io.Discard, nil)), Hasher: hasher,
		Now: clock.Now, ScheduleEvery: 50 * time.Millisecond})
	ts := httptest.NewServer(srv.Routes())
	t.Cleanup(func() { ts.Close(); srv.Close() })
	s := site{URL: ts.URL, DB: db}
	password := s.addStaff(t, "editor@example.org", "Анна Смирнова", content.Editor)
	bg := context.Background()
	city, err := store.CityBySlug(bg, db, content.Twin, "agrigento", false)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := store.Cities.SetPublished(bg, db, city.ID, city.Version, false, store.SystemActor); err != nil {
		t.Fatal(err)
	}
	public := s.URL + "/en/twin-cities/agrigento"

	ctx := tab(t, 1280)
	if st := open(t, ctx, public); st != 404 {
		t.Fatalf("the draft's public page: %d, want 404", st)
	}
	signIn(t, ctx, s, "editor@example.org", password)
	edit := fmt.Sprintf("/admin/twin-cities/%d", city.ID)
	open(t, ctx, s.URL+edit)
	at := clock.Now().In(content.PermZone()).Add(10 * time.Minute)
	eval[bool](t, ctx, fmt.Sprintf(`document.getElementById("schedule-date").value = %q;
		document.getElementById("schedule-time").value = %q; true`, at.Format(time.DateOnly), at.Format("15:04")))
	if st := submit(t, ctx, edit+"/schedule"); st != 200 {
		t.Fatalf("scheduling: %d, want 200 after the redirect", st)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll(".schedule-pending li").length`); n != 1 {
		t.Fatalf("the edit page lists %d scheduled actions, want 1", n)
	}
	checkAxe(t, ctx, "edit page with a scheduled publication")
	if st := open(t, ctx, public); st != 404 {
		t.Fatalf("before its time, the public page: %d, want 404", st)
	}

	// The time comes: the entry goes live by itself.
	clock.advance(11 * time.Minute)
	deadline := time.Now().Add(30 * time.Second)
	for open(t, ctx, public) != 200 {
		if time.Now().After(deadline) {
			t.Fatal("the scheduled entry was not published within 30 s of its time")
		}
		time.Sleep(100 * time.Millisecond)
	}
	log, err := store.ListAudit(bg, db, store.AuditQuery{Entity: content.EntityCity, EntityID: fmt.Sprint(city.ID), Action: store.ActionPublish})
	if err != nil {
		t.Fatal(err)
	}
	if len(log) != 1 || log[0].UserName != store.SchedulerActor.Name {
		t.Errorf("publish lines %+v, want one by the scheduler", log)
	}
	open(t, ctx, s.URL+edit+"/history")
	if got := text(t, ctx, "main"); !strings.Contains(got, "по расписанию") && !strings.Contains(got, "the scheduler") {
		t.Errorf("the history does not name the scheduler: %q", got)
	}
}
