package memo

import (
	"errors"
	"strings"
	"testing"
)

// TestTextsRemembersWithinItsBudget checks that remembered results are those worked out afresh,
// that a result is worked out once while remembered, and that the bytes stay within the budget
// however many texts pass through, a text too large to keep being worked out each time.
func TestTextsRemembersWithinItsBudget(t *testing.T) {
	const budget = 1 << 20
	c := New(budget)
	calls := 0
	upper := func(s string) string { calls++; return strings.ToUpper(s) }
	if got := c.Get("abc", upper); got != "ABC" || calls != 1 {
		t.Fatalf("first Get = %q after %d calls, want ABC after 1", got, calls)
	}
	if got := c.Get("abc", upper); got != "ABC" || calls != 1 {
		t.Fatalf("second Get = %q after %d calls, want ABC remembered", got, calls)
	}
	big := strings.Repeat("x", budget/64)
	c.Get(big, upper)
	c.Get(big, upper)
	if calls != 3 {
		t.Errorf("a text over a 64th of the budget was worked out %d times in 2 gets, want each time", calls-1)
	}
	text := strings.Repeat("y", 4096)
	for i := range 2000 {
		key := text + string(rune('a'+i%26)) + strings.Repeat("z", i%97)
		if got := c.Get(key, upper); got != strings.ToUpper(key) {
			t.Fatalf("Get %d: a wrong result", i)
		}
		if n := c.Bytes(); n > budget {
			t.Fatalf("%d bytes remembered, over the budget of %d", n, budget)
		}
	}
}

// TestGetErrForgetsFailures checks that a result that could not be worked out is returned as the
// error and worked out again next time, and a result that could be is remembered.
func TestGetErrForgetsFailures(t *testing.T) {
	c := New(1 << 20)
	calls := 0
	failing := func() (string, error) { calls++; return "partial", errors.New("cancelled") }
	for range 2 {
		if got, err := c.GetErr("k", failing); err == nil || got != "" {
			t.Fatalf("GetErr = %q, %v; want the failure and no result", got, err)
		}
	}
	if calls != 2 || c.Bytes() != 0 {
		t.Fatalf("a failure was remembered: %d calls, %d bytes", calls, c.Bytes())
	}
	working := func() (string, error) { calls++; return "done", nil }
	for range 2 {
		if got, err := c.GetErr("k", working); err != nil || got != "done" {
			t.Fatalf("GetErr = %q, %v; want done", got, err)
		}
	}
	if calls != 3 {
		t.Errorf("a result worked out was not remembered: %d calls, want 3", calls)
	}
}
