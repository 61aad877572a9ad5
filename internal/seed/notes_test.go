package seed_test

import (
	"testing"
	"unicode"

	"twincities/internal/seed"
)

// Staff work in Russian: every editor's note in the seed opens in Russian (the English original
// may follow in brackets), so the first letter of each note is Cyrillic.
func TestEditorNotesAreInRussian(t *testing.T) {
	t.Parallel()
	notes := map[string]string{}
	for _, c := range seed.Cities() {
		notes["city "+c.Slug] = c.EditorNote
	}
	for _, o := range seed.Organizations() {
		notes["organisation "+o.Slug] = o.EditorNote
	}
	for _, a := range seed.Awards() {
		notes["award "+a.Title.EN] = a.EditorNote
	}
	for _, e := range seed.Events() {
		notes["event "+e.Title.EN] = e.EditorNote
	}
	for _, p := range seed.Places() {
		notes["place "+p.Slug] = p.EditorNote
	}
	n := 0
	for entry, note := range notes {
		if note == "" {
			continue
		}
		n++
		for _, r := range note {
			if unicode.IsLetter(r) {
				if !unicode.Is(unicode.Cyrillic, r) {
					t.Errorf("%s: editor's note opens in another language: %q", entry, note)
				}
				break
			}
		}
	}
	if n == 0 {
		t.Error("no editor's notes found in the seed")
	}
}
