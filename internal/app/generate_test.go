package app_test

import (
	"bytes"
	"context"
	"io"
	"strings"
	"testing"

	"twincities/internal/app"
	"twincities/internal/postgres/pgtest"
)

// twincities seed --generated N prepares a bare database, adds the test data and says so; a second
// run, and arguments it does not know, are refused with an error and change nothing.
func TestSeedGeneratedCommand(t *testing.T) {
	t.Parallel()
	dbURL := pgtest.BareDB(t)
	run := func(args ...string) (string, error) {
		var out bytes.Buffer
		err := app.Run(context.Background(), append([]string{"seed"}, args...), env("DATABASE_URL", dbURL), strings.NewReader(""), &out, io.Discard)
		return out.String(), err
	}
	for _, args := range [][]string{{"--generated"}, {"--generated", "abc"}, {"--generated", "0"}, {"--generated=-1"}, {"--generated", "10001"}, {"--other"}} {
		if _, err := run(args...); err == nil {
			t.Errorf("seed %q succeeded", args)
		}
	}
	got, err := run("--generated", "2")
	if err != nil {
		t.Fatal(err)
	}
	if want := "Generated test data: 2 cities, 20 events, 10 news items, 2 awards, 2 organisations in "; !strings.HasPrefix(got, want) {
		t.Errorf("seed --generated 2 said %q, want %q…", got, want)
	}
	before := rowCount(t, dbURL)
	if _, err := run("--generated=2"); err == nil || !strings.Contains(err.Error(), "refused") {
		t.Errorf("the second run returned %v, want a refusal", err)
	}
	if after := rowCount(t, dbURL); after != before {
		t.Errorf("the refused run changed the row count from %d to %d", before, after)
	}
}
