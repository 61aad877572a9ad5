package markdown

import (
	"strings"
	"testing"
)

// TestMemoRemembersWithinItsBudget checks that remembered results are those worked out afresh,
// that a result is worked out once while remembered, and that the bytes stay within the budget
// however many texts pass through, a text too large to keep being worked out each time.
func TestMemoRemembersWithinItsBudget(t *testing.T) {
	var c memo
	calls := 0
	upper := func(s string) string { calls++; return strings.ToUpper(s) }
	if got := c.get("abc", upper); got != "ABC" || calls != 1 {
		t.Fatalf("first get = %q after %d calls, want ABC after 1", got, calls)
	}
	if got := c.get("abc", upper); got != "ABC" || calls != 1 {
		t.Fatalf("second get = %q after %d calls, want ABC remembered", got, calls)
	}
	big := strings.Repeat("x", memoBudget/64)
	c.get(big, upper)
	c.get(big, upper)
	if calls != 3 {
		t.Errorf("a text over a 64th of the budget was worked out %d times in 2 gets, want each time", calls-1)
	}
	text := strings.Repeat("y", 4096)
	for i := range 5000 {
		key := text + string(rune('a'+i%26)) + strings.Repeat("z", i%97)
		if got := c.get(key, upper); got != strings.ToUpper(key) {
			t.Fatalf("get %d: a wrong result", i)
		}
		if c.bytes > memoBudget {
			t.Fatalf("%d bytes remembered, over the budget of %d", c.bytes, memoBudget)
		}
	}
}

// TestRenderAndSummaryRemembered checks that the remembered Render and Summary give what their
// fresh forms give, for the same source asked twice and for one source at two lengths.
func TestRenderAndSummaryRemembered(t *testing.T) {
	src := "Пермь и **Дуйсбург** — города-побратимы с 2007 года. Обмены школьников, выставки и визиты делегаций."
	for range 2 {
		if got, want := Render(src), render(src); got != want {
			t.Errorf("Render = %q, want %q", got, want)
		}
		for _, n := range []int{20, 60} {
			if got, want := Summary(src, n), summary(src, n); got != want {
				t.Errorf("Summary(%d) = %q, want %q", n, got, want)
			}
		}
	}
	if Summary(src, 20) == Summary(src, 60) {
		t.Error("Summary at two lengths gave one text: the length is not in the key")
	}
}
