package store_test

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"twincities/internal/content"
	"twincities/internal/postgres/pgtest"
	"twincities/internal/store"
)

// reviewHash is the stored hash of a test token.
func reviewHash(token string) []byte {
	sum := sha256.Sum256([]byte(token))
	return sum[:]
}

// TestReviewLinkLifecycle makes a link, finds it by its hash, lists it while it works, revokes it
// once, and checks the audit lines and that neither the token nor anything but its hash is kept.
func TestReviewLinkLifecycle(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), pgtest.EmptyDB(t)
	c := newCity(content.Twin, "duisburg", false)
	if err := store.Cities.Create(ctx, db, &c, store.SystemActor); err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	actor := store.Actor{Name: "Анна"}
	l, err := store.CreateReviewLink(ctx, db, c, reviewHash("token-1"), now, 7*24*time.Hour, actor)
	if err != nil {
		t.Fatal(err)
	}
	if !l.ExpiresAt.Equal(now.Add(7*24*time.Hour)) || l.CreatedByName != "Анна" || l.Entity != c.Entity() || l.EntryID != c.ID {
		t.Errorf("made %+v", l)
	}
	found, err := store.ReviewLinkByHash(ctx, db, reviewHash("token-1"))
	if err != nil || found.ID != l.ID || !found.WorksAt(now) {
		t.Fatalf("by hash: %+v, %v", found, err)
	}
	if found.WorksAt(l.ExpiresAt) {
		t.Error("the link works at the moment it expires")
	}
	if _, err := store.ReviewLinkByHash(ctx, db, reviewHash("token-2")); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("unknown hash: %v, want ErrNotFound", err)
	}
	var stored []byte
	if err := db.QueryRow(ctx, `SELECT token_hash FROM review_links WHERE id = $1`, l.ID).Scan(&stored); err != nil {
		t.Fatal(err)
	}
	if string(stored) != string(reviewHash("token-1")) {
		t.Errorf("stored %x, want the token's SHA-256", stored)
	}

	working, err := store.WorkingReviewLinks(ctx, db, c.Entity(), c.ID, now)
	if err != nil || len(working) != 1 || working[0].ID != l.ID {
		t.Fatalf("working links %+v, %v", working, err)
	}
	if working, _ := store.WorkingReviewLinks(ctx, db, c.Entity(), c.ID, l.ExpiresAt); len(working) != 0 {
		t.Errorf("an expired link is listed as working: %+v", working)
	}

	if err := store.RevokeReviewLink(ctx, db, c, l.ID, now.Add(time.Hour), actor); err != nil {
		t.Fatal(err)
	}
	if err := store.RevokeReviewLink(ctx, db, c, l.ID, now.Add(2*time.Hour), actor); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("second revoke: %v, want ErrNotFound", err)
	}
	found, err = store.ReviewLinkByHash(ctx, db, reviewHash("token-1"))
	if err != nil || found.WorksAt(now.Add(2*time.Hour)) || found.RevokedAt == nil {
		t.Errorf("revoked link read back %+v, %v", found, err)
	}

	// Forgotten 90 days after it stopped, not before.
	revoked := now.Add(time.Hour)
	if n, err := store.ForgetOldReviewLinks(ctx, db, revoked.Add(store.ReviewLinksKept-time.Second)); err != nil || n != 0 {
		t.Errorf("just under 90 days after the revoke: %d forgotten, %v", n, err)
	}
	if n, err := store.ForgetOldReviewLinks(ctx, db, revoked.Add(store.ReviewLinksKept+time.Second)); err != nil || n != 1 {
		t.Errorf("just over 90 days after the revoke: %d forgotten, %v", n, err)
	}
	if _, err := store.ReviewLinkByHash(ctx, db, reviewHash("token-1")); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("a link revoked 90 days ago is still kept: %v", err)
	}

	audit, err := store.ListAudit(ctx, db, store.AuditQuery{Entity: c.Entity(), EntityID: fmt.Sprint(c.ID)})
	if err != nil {
		t.Fatal(err)
	}
	var actions []string
	for _, a := range audit {
		if a.Action == store.ActionReviewLinkCreate || a.Action == store.ActionReviewLinkRevoke {
			actions = append(actions, a.Action)
			if a.UserName != "Анна" || a.Detail != fmt.Sprintf("#%d", l.ID) || len(a.Changes) != 1 ||
				a.Changes[0].Field != store.ReviewLinkUntilField {
				t.Errorf("audit line %+v", a)
			}
		}
	}
	if fmt.Sprint(actions) != "[review_link_revoke review_link_create]" {
		t.Errorf("audit actions %v", actions)
	}
	// The expiry in Perm time, the zone by its offset: 10:00 UTC + 7 days is 15:00 in Perm.
	if got := audit[len(audit)-2].Changes[0].After; got != "2026-12-08 15:00 (UTC+05:00)" {
		t.Errorf("the audit line says until %q", got)
	}
}

// TestReviewLinkBounds refuses a life over 90 days, a link of another entry's revoke, and more
// than MaxReviewLinks working at once, even when they are made at the same moment.
func TestReviewLinkBounds(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), pgtest.EmptyDB(t)
	c := newCity(content.Twin, "duisburg", false)
	other := newCity(content.Twin, "oxford", false)
	for _, e := range []*content.City{&c, &other} {
		if err := store.Cities.Create(ctx, db, e, store.SystemActor); err != nil {
			t.Fatal(err)
		}
	}
	now := time.Now()
	if _, err := store.CreateReviewLink(ctx, db, c, reviewHash("long"), now, store.MaxReviewLinkLife+time.Second, store.SystemActor); err == nil {
		t.Error("a link for more than 90 days was made")
	}
	if _, err := store.CreateReviewLink(ctx, db, c, []byte("short"), now, time.Hour, store.SystemActor); err == nil {
		t.Error("a link with a hash that is not a SHA-256 was made")
	}

	const tries = store.MaxReviewLinks + 5
	var wg sync.WaitGroup
	var mu sync.Mutex
	made, refused := 0, 0
	for i := range tries {
		wg.Go(func() {
			_, err := store.CreateReviewLink(ctx, db, c, reviewHash(fmt.Sprint("t", i)), now, time.Hour, store.SystemActor)
			mu.Lock()
			defer mu.Unlock()
			switch {
			case err == nil:
				made++
			case errors.Is(err, store.ErrTooManyReviewLinks):
				refused++
			default:
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if made != store.MaxReviewLinks || refused != tries-store.MaxReviewLinks {
		t.Errorf("made %d and refused %d, want %d and %d", made, refused, store.MaxReviewLinks, tries-store.MaxReviewLinks)
	}
	// Another entry has its own count; one link revoked makes room for one more.
	if _, err := store.CreateReviewLink(ctx, db, other, reviewHash("other"), now, time.Hour, store.SystemActor); err != nil {
		t.Errorf("another entry's link: %v", err)
	}
	working, err := store.WorkingReviewLinks(ctx, db, c.Entity(), c.ID, now)
	if err != nil {
		t.Fatal(err)
	}
	if err := store.RevokeReviewLink(ctx, db, other, working[0].ID, now, store.SystemActor); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("revoking through another entry: %v, want ErrNotFound", err)
	}
	if err := store.RevokeReviewLink(ctx, db, c, working[0].ID, now, store.SystemActor); err != nil {
		t.Fatal(err)
	}
	if _, err := store.CreateReviewLink(ctx, db, c, reviewHash("after revoke"), now, time.Hour, store.SystemActor); err != nil {
		t.Errorf("a link after one was revoked: %v", err)
	}
}
