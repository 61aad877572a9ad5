package store_test

import (
	"testing"
	"time"
)

// alignTimes checks that an entry read back carries the times its insert returned, then copies
// them over the read ones so that the rest of the entry can be compared with reflect.DeepEqual
// (the same instant may be held with a different *time.Location).
func alignTimes(tb testing.TB, gotCreated, gotUpdated *time.Time, wantCreated, wantUpdated time.Time) {
	tb.Helper()
	if wantCreated.IsZero() || wantUpdated.IsZero() {
		tb.Fatalf("insert did not set the times: created %v, updated %v", wantCreated, wantUpdated)
	}
	if !gotCreated.Equal(wantCreated) || !gotUpdated.Equal(wantUpdated) {
		tb.Errorf("times read back %v / %v, insert returned %v / %v", *gotCreated, *gotUpdated, wantCreated, wantUpdated)
	}
	*gotCreated, *gotUpdated = wantCreated, wantUpdated
}

func ptr[T any](v T) *T { return &v }
