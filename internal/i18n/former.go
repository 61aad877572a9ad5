package i18n

import "twincities/internal/content"

// CountWithFormer prints a count of cities that tells current relationships from former ones:
// "4 twin cities and 2 former", "4 города-побратима и 2 бывших". With no former ones it is the
// plain count, so the page does not speak of "0 former".
func CountWithFormer(l content.Lang, current, former int, noun Forms) string {
	s := Count(l, current, noun)
	if former == 0 {
		return s
	}
	m := For(l)
	return s + m.CountFormerJoin + Count(l, former, formerForms(m))
}

// formerForms are the forms of "former" for Count.
func formerForms(m *Messages) Forms {
	return Forms{One: m.CountFormerOne, Few: m.CountFormerOther, Many: m.CountFormerOther}
}
