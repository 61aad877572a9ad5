package web_test

import (
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"twincities/internal/content"
	"twincities/internal/postgres/pgtest"
)

// Where the sources are silent, a fact is left empty with an editor's note: the dashboard lists
// every entry with a note, with the note, so staff see in one place what is still to confirm.
// Agrigento's date is such a gap in Perm's initial data; Duisburg has no note.
func TestDashboardListsWhatIsStillToConfirm(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	addEditor(t, db)
	b := startSite(t, db).newBrowser(t, "ru")
	b.mustSignIn(editorEmail, editorPassword)

	agrigento := cityBySlug(t, db, content.Twin, "agrigento")
	duisburg := cityBySlug(t, db, content.Twin, "duisburg")
	if agrigento.EditorNote == "" || duisburg.EditorNote != "" {
		t.Fatalf("the initial data changed: Agrigento's note %q, Duisburg's %q", agrigento.EditorNote, duisburg.EditorNote)
	}
	notes := dashboardSection(b.mustGet("/admin/"), "editor-notes")
	if got := squash(notes.Find("h2").Text()); got != adminRU.NotesTitle {
		t.Fatalf("the section's heading %q, want %q", got, adminRU.NotesTitle)
	}
	line := notes.Find("li").FilterFunction(func(_ int, li *goquery.Selection) bool {
		return li.Find(`a[href="`+twinPath(agrigento.ID)+`"]`).Length() == 1
	})
	if first := strings.Fields(agrigento.EditorNote)[0]; line.Length() != 1 || !strings.Contains(line.Text(), first) {
		t.Errorf("Agrigento is not listed with its note: %q", squash(notes.Text()))
	}
	if notes.Find(`a[href="`+twinPath(duisburg.ID)+`"]`).Length() != 0 {
		t.Error("Duisburg, which has no note, is listed")
	}

	// The note deleted once the fact is confirmed, the entry leaves the list.
	exec(t, db, `UPDATE cities SET editor_note = '' WHERE id = $1`, agrigento.ID)
	if n := dashboardSection(b.mustGet("/admin/"), "editor-notes").Find(`a[href="` + twinPath(agrigento.ID) + `"]`).Length(); n != 0 {
		t.Error("Agrigento is still listed after its note was deleted")
	}
}
