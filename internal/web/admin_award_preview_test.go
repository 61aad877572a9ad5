package web_test

import (
	"context"
	"testing"

	"twincities/internal/content"
	"twincities/internal/postgres/pgtest"
	"twincities/internal/store"
)

// A draft award's preview is the awards page as the public will see it: the published awards
// with the draft among them in its place by date, not the draft alone.
func TestAwardPreviewShowsTheListWithTheDraftInIt(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), pgtest.SeededDB(t)
	addEditor(t, db)
	b := startSite(t, db).newBrowser(t, "en")
	b.mustSignIn(editorEmail, editorPassword)
	public, err := store.ListAwards(ctx, db, store.AwardQuery{Filter: store.Public})
	if err != nil || len(public) < 2 {
		t.Fatalf("%d published awards (%v), want two or more", len(public), err)
	}
	// Dated between the newest and the oldest published award.
	draft := content.Award{Date: content.YearDate(public[0].Date.Time.Year() - 1), Title: content.Text{RU: "Проба", EN: "A test award"},
		AwardedBy: content.Text{RU: "Жюри", EN: "The jury"}}
	if err := store.Awards.Create(ctx, db, &draft, store.Actor{Name: "test"}); err != nil {
		t.Fatal(err)
	}
	preview := b.mustGet("/admin/awards/" + itoa(draft.ID) + "/preview")
	titles := texts(preview.doc, "main .award-list h2, main .award-list h3")
	want := 0 // where the draft goes: after the published awards newer than it
	for _, a := range public {
		if a.Date.Time.After(draft.Date.Time) {
			want++
		}
	}
	if len(titles) != len(public)+1 || titles[want] != "A test award" {
		t.Errorf("the preview lists %q, want the %d published awards with the draft at %d", titles, len(public), want)
	}
}
