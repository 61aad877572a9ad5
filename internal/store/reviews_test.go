package store_test

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"twincities/internal/content"
	"twincities/internal/postgres/pgtest"
	"twincities/internal/store"
)

// reviewOf returns the review of city id, failing the test when its presence is not want.
func reviewOf(tb testing.TB, ctx context.Context, db store.DBTX, id int64, want bool) store.Review {
	tb.Helper()
	r, ok, err := store.GetReview(ctx, db, content.EntityCity, id)
	if err != nil {
		tb.Fatal(err)
	}
	if ok != want {
		tb.Fatalf("city %d has a review: %v, want %v", id, ok, want)
	}
	return r
}

func auditCount(tb testing.TB, ctx context.Context, db store.DBTX, action string, id int64) int {
	tb.Helper()
	var n int
	if err := db.QueryRow(ctx, `SELECT count(*) FROM audit_log WHERE action = $1 AND entity = 'city' AND entity_id = $2`,
		action, fmt.Sprint(id)).Scan(&n); err != nil {
		tb.Fatal(err)
	}
	return n
}

// The draft of a published city: sent for review only when complete, kept waiting when saved
// again, returned only with a comment, sent again, then approved: published as "Publish changes"
// publishes it, the draft and the review gone, every move in the audit log.
func TestReviewOfADraft(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), pgtest.SeededDB(t)
	editor, publisher := store.Actor{Name: "test editor"}, store.Actor{Name: "test publisher"}
	live := publishedCity(t, ctx, db)

	half := live
	half.Summary = content.Text{RU: "Новое описание, перевода ещё нет"}
	if err := store.Cities.SendForReview(ctx, db, &half, live.Version, 0, "", editor); content.AsValidation(err) == nil {
		t.Fatalf("SendForReview with English missing: %v, want a validation error", err)
	}
	reviewOf(t, ctx, db, live.ID, false)
	if _, ok, _ := store.Cities.Draft(ctx, db, live.ID); ok {
		t.Fatal("a refused request saved a draft")
	}

	d := live
	d.Summary = content.Text{RU: "Новое описание", EN: "A new summary"}
	if err := store.Cities.SendForReview(ctx, db, &d, live.Version, 0, "  Please check the dates  ", editor); err != nil {
		t.Fatal(err)
	}
	r := reviewOf(t, ctx, db, live.ID, true)
	if r.State != store.ReviewWaiting || r.Note != "Please check the dates" || r.RequestedName != editor.Name {
		t.Errorf("review = %+v", r)
	}
	if now, _ := store.Cities.Get(ctx, db, live.ID); now.Summary != live.Summary {
		t.Error("sending for review changed the published city")
	}

	// Saved again: still waiting, the newest version is what the reviewer sees.
	d.Summary.EN = "A newer summary"
	if err := store.Cities.SaveDraft(ctx, db, &d, live.Version, 1, editor); err != nil {
		t.Fatal(err)
	}
	if r := reviewOf(t, ctx, db, live.ID, true); r.State != store.ReviewWaiting {
		t.Errorf("after a save the review is %q", r.State)
	}

	if err := store.Cities.ReturnReview(ctx, db, live.ID, "   ", publisher); content.AsValidation(err) == nil {
		t.Fatalf("ReturnReview without a comment: %v, want a validation error", err)
	}
	if err := store.Cities.ReturnReview(ctx, db, live.ID, "The English summary is too short.", publisher); err != nil {
		t.Fatal(err)
	}
	r = reviewOf(t, ctx, db, live.ID, true)
	if r.State != store.ReviewReturned || r.Comment != "The English summary is too short." || r.ReturnedName != publisher.Name || r.ReturnedAt == nil {
		t.Errorf("returned review = %+v", r)
	}
	if err := store.Cities.ApproveReview(ctx, db, live.ID, live.Version, 2, publisher); !errors.Is(err, store.ErrNotWaiting) {
		t.Fatalf("approving a returned review: %v, want ErrNotWaiting", err)
	}

	if err := store.Cities.SendForReview(ctx, db, &d, live.Version, 2, "", editor); err != nil {
		t.Fatal(err)
	}
	if r := reviewOf(t, ctx, db, live.ID, true); r.State != store.ReviewWaiting || r.Comment != "" || r.ReturnedAt != nil {
		t.Errorf("sent again: %+v", r)
	}
	// A reviewer who saw revision 2 does not publish revision 3 unseen.
	if err := store.Cities.ApproveReview(ctx, db, live.ID, live.Version, 2, publisher); !errors.Is(err, store.ErrConflict) {
		t.Fatalf("approving an older revision: %v, want a conflict", err)
	}
	if err := store.Cities.ApproveReview(ctx, db, live.ID, live.Version, 3, publisher); err != nil {
		t.Fatal(err)
	}
	now, err := store.Cities.Get(ctx, db, live.ID)
	if err != nil {
		t.Fatal(err)
	}
	if now.Summary.EN != "A newer summary" || now.Version != live.Version+1 {
		t.Errorf("after approval: version %d, summary %q", now.Version, now.Summary.EN)
	}
	reviewOf(t, ctx, db, live.ID, false)
	if _, ok, _ := store.Cities.Draft(ctx, db, live.ID); ok {
		t.Error("the draft outlived its approval")
	}
	for action, want := range map[string]int{store.ActionReviewRequest: 2, store.ActionReviewReturn: 1,
		store.ActionReviewApprove: 1, store.ActionDraftPublish: 1} {
		if n := auditCount(t, ctx, db, action, live.ID); n != want {
			t.Errorf("%d audit lines %s, want %d", n, action, want)
		}
	}
}

// An entry the public does not see is saved itself when sent for review, and approving
// publishes it; discarding a draft drops its review.
func TestReviewOfAnUnpublishedEntryAndDiscard(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), pgtest.SeededDB(t)
	editor, publisher := store.Actor{Name: "test editor"}, store.Actor{Name: "test publisher"}
	live := publishedCity(t, ctx, db)
	hidden, err := store.Cities.SetPublished(ctx, db, live.ID, live.Version, false, editor)
	if err != nil {
		t.Fatal(err)
	}
	hidden.Summary.EN = "Reviewed summary"
	if err := store.Cities.SendForReview(ctx, db, &hidden, hidden.Version, 0, "", editor); err != nil {
		t.Fatal(err)
	}
	saved, _ := store.Cities.Get(ctx, db, live.ID)
	if saved.Published || saved.Summary.EN != "Reviewed summary" {
		t.Fatalf("sent for review: published %v, summary %q", saved.Published, saved.Summary.EN)
	}
	if err := store.Cities.ApproveReview(ctx, db, live.ID, saved.Version, 0, publisher); err != nil {
		t.Fatal(err)
	}
	if now, _ := store.Cities.Get(ctx, db, live.ID); !now.Published {
		t.Error("approval did not publish the city")
	}
	reviewOf(t, ctx, db, live.ID, false)

	now, _ := store.Cities.Get(ctx, db, live.ID)
	d := now
	d.Summary.EN = "Another summary"
	if err := store.Cities.SendForReview(ctx, db, &d, now.Version, 0, "", editor); err != nil {
		t.Fatal(err)
	}
	drafts, err := store.ListDrafts(ctx, db)
	if err != nil || len(drafts) != 1 || drafts[0].EntryID != live.ID || drafts[0].Entity != content.EntityCity || drafts[0].UserName != editor.Name {
		t.Fatalf("ListDrafts = %+v, %v", drafts, err)
	}
	if list, err := store.ListReviews(ctx, db); err != nil || len(list) != 1 || list[0].EntryID != live.ID {
		t.Fatalf("ListReviews = %+v, %v", list, err)
	}
	if err := store.Cities.DiscardDraft(ctx, db, live.ID, 1, editor); err != nil {
		t.Fatal(err)
	}
	reviewOf(t, ctx, db, live.ID, false)
}

// The setting is off by default, and a change of it is in the audit log.
func TestRequireReviewSetting(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), pgtest.SeededDB(t)
	set, err := store.GetSettings(ctx, db)
	if err != nil || set.RequireReview {
		t.Fatalf("settings %+v, %v: review must be off by default", set, err)
	}
	set.RequireReview = true
	if err := store.UpdateSettings(ctx, db, set, store.Actor{Name: "admin"}); err != nil {
		t.Fatal(err)
	}
	if got, _ := store.GetSettings(ctx, db); !got.RequireReview {
		t.Error("the setting was not saved")
	}
	var n int
	if err := db.QueryRow(ctx, `SELECT count(*) FROM audit_log WHERE action = 'settings_update' AND changes::text LIKE '%require_review%'`).Scan(&n); err != nil || n != 1 {
		t.Errorf("%d audit lines name require_review (%v), want 1", n, err)
	}
}
