package i18n

import (
	"strconv"

	"twincities/internal/content"
)

// Forms are the forms of a counted noun. English uses One and Many; Russian uses all three:
// один город, два города, пять городов.
type Forms struct {
	One, Few, Many string
}

// Count prints n with the right form of its noun: "1 twin city", "6 городов-побратимов" (in
// Russian joined by a non-breaking space).
func Count(l content.Lang, n int, f Forms) string {
	return Typeset(l, strconv.Itoa(n)+" "+pluralForm(l, n, f))
}

func pluralForm(l content.Lang, n int, f Forms) string {
	if n < 0 {
		n = -n
	}
	if l == content.EN {
		if n == 1 {
			return f.One
		}
		return f.Many
	}
	switch mod10, mod100 := n%10, n%100; {
	case mod10 == 1 && mod100 != 11:
		return f.One
	case mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14):
		return f.Few
	default:
		return f.Many
	}
}
