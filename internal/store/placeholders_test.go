package store_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The package's SQL never numbers its parameters by hand: the column lists build the placeholders
// of the entry queries, and every other query names its parameters (pgx.StrictNamedArgs). A "$1"
// typed into a query can fall out of step with its arguments and fail only when the query runs;
// this test fails at once, naming the line. Test files are left out: they may query as they like.
func TestNoHandNumberedPlaceholders(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	numbered := regexp.MustCompile(`\$[0-9]`)
	checked := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		checked++
		for i, line := range strings.Split(string(data), "\n") {
			if loc := numbered.FindStringIndex(line); loc != nil {
				t.Errorf("%s:%d: a hand-numbered placeholder %q: name the parameter (@name) or build the query from a column list",
					name, i+1, line[loc[0]:loc[1]])
			}
		}
	}
	if checked == 0 {
		t.Fatal("found no source files to check")
	}
}
