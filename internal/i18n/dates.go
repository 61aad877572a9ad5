package i18n

import (
	"strconv"
	"time"

	"twincities/internal/content"
)

// Russian month names in the three grammatical cases the site needs: nominative ("ноябрь 2006 г."),
// genitive ("15 ноября", "с ноября 2006 г.") and prepositional ("в ноябре 2006 г.").
var (
	ruMonthNom = [12]string{"январь", "февраль", "март", "апрель", "май", "июнь",
		"июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь"}
	ruMonthGen = [12]string{"января", "февраля", "марта", "апреля", "мая", "июня",
		"июля", "августа", "сентября", "октября", "ноября", "декабря"}
	ruMonthPrep = [12]string{"январе", "феврале", "марте", "апреле", "мае", "июне",
		"июле", "августе", "сентябре", "октябре", "ноябре", "декабре"}
)

func ruMonth(forms *[12]string, m time.Month) string { return forms[m-1] }

// Russian dates follow the official style: the year is followed by "г." ("гг." for a span), joined
// to it by a non-breaking space, and a day is joined to its month, so a line never breaks inside
// "15 октября" or before "г.".
const (
	ruYear  = NBSP + "г."
	ruYears = NBSP + "гг."
)

// ruDate is a Russian date with the year marked "г."; a month without a day takes the given case
// ("ноябрь", "с ноября", "в ноябре"), a month after a day is always genitive ("15 ноября").
func ruDate(d content.Date, month *[12]string) string {
	t, y := d.Time, strconv.Itoa(d.Year())
	switch d.Precision {
	case content.Day:
		return strconv.Itoa(t.Day()) + NBSP + ruMonth(&ruMonthGen, t.Month()) + " " + y + ruYear
	case content.Month:
		return ruMonth(month, t.Month()) + " " + y + ruYear
	}
	return y + ruYear
}

// FormatDate prints d as precisely as it is known: "15 October 2007", "November 2006", "1994";
// "15 октября 2007 г.", "ноябрь 2006 г.", "1994 г.". The zero date prints as "".
func FormatDate(d content.Date, l content.Lang) string {
	if d.IsZero() {
		return ""
	}
	if l == content.RU {
		return ruDate(d, &ruMonthNom)
	}
	t, y := d.Time, strconv.Itoa(d.Year())
	switch d.Precision {
	case content.Day:
		return strconv.Itoa(t.Day()) + " " + t.Month().String() + " " + y
	case content.Month:
		return t.Month().String() + " " + y
	}
	return y
}

// FormatSince prints "since 1994" / "с 1994 г.", "since November 2006" / "с ноября 2006 г.".
func FormatSince(d content.Date, l content.Lang) string {
	if d.IsZero() {
		return ""
	}
	if l == content.EN {
		return "since " + FormatDate(d, l)
	}
	return "с" + NBSP + ruDate(d, &ruMonthGen)
}

// FormatWhen prints a date as the time of an event: "in March 2022" / "в марте 2022 г.",
// "in 1994" / "в 1994 г.", "on 15 October 2007" / "15 октября 2007 г.".
func FormatWhen(d content.Date, l content.Lang) string {
	switch {
	case d.IsZero():
		return ""
	case l == content.EN && d.Precision == content.Day:
		return "on " + FormatDate(d, l)
	case l == content.EN:
		return "in " + FormatDate(d, l)
	case d.Precision == content.Day:
		return ruDate(d, &ruMonthGen)
	}
	return "в" + NBSP + ruDate(d, &ruMonthPrep)
}

// FormatSpan prints the years a relationship lasted: "1994–2022" / "1994–2022 гг." (an en dash,
// no spaces). Within one year it is that year alone ("2022 г."); with either end unknown, "".
func FormatSpan(from, to content.Date, l content.Lang) string {
	if from.IsZero() || to.IsZero() {
		return ""
	}
	a, b := strconv.Itoa(from.Year()), strconv.Itoa(to.Year())
	switch {
	case a == b && l == content.RU:
		return a + ruYear
	case a == b:
		return a
	case l == content.RU:
		return a + "–" + b + ruYears
	}
	return a + "–" + b
}

// ISODate is the machine-readable form for <time datetime>: "2007-10-15", "2006-11", "1994".
func ISODate(d content.Date) string { return d.String() }
