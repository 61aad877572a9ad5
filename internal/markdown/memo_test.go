package markdown

import "testing"

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
