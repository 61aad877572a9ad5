package i18n

import (
	"strconv"
	"time"

	"twincities/internal/content"
)

// Russian month names in the three grammatical cases the site needs: nominative ("ноябрь 2006"),
// genitive ("15 ноября", "с ноября 2006 года") and prepositional ("в ноябре 2006 года").
var (
	ruMonthNom = [12]string{"январь", "февраль", "март", "апрель", "май", "июнь",
		"июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь"}
	ruMonthGen = [12]string{"января", "февраля", "марта", "апреля", "мая", "июня",
		"июля", "августа", "сентября", "октября", "ноября", "декабря"}
	ruMonthPrep = [12]string{"январе", "феврале", "марте", "апреле", "мае", "июне",
		"июле", "августе", "сентябре", "октябре", "ноябре", "декабре"}
)

func ruMonth(forms *[12]string, m time.Month) string { return forms[m-1] }

// FormatDate prints d as precisely as it is known: "15 October 2007", "November 2006", "1994";
// "15 октября 2007", "ноябрь 2006", "1994". The zero date prints as "".
func FormatDate(d content.Date, l content.Lang) string {
	t, y := d.Time, strconv.Itoa(d.Year())
	switch d.Precision {
	case content.Day:
		if l == content.RU {
			return strconv.Itoa(t.Day()) + " " + ruMonth(&ruMonthGen, t.Month()) + " " + y
		}
		return strconv.Itoa(t.Day()) + " " + t.Month().String() + " " + y
	case content.Month:
		if l == content.RU {
			return ruMonth(&ruMonthNom, t.Month()) + " " + y
		}
		return t.Month().String() + " " + y
	case content.Year:
		return y
	}
	return ""
}

// FormatSince prints "since 1994" / "с 1994 года", "since November 2006" / "с ноября 2006 года".
func FormatSince(d content.Date, l content.Lang) string {
	if d.IsZero() {
		return ""
	}
	if l == content.EN {
		return "since " + FormatDate(d, l)
	}
	t, y := d.Time, strconv.Itoa(d.Year())
	switch d.Precision {
	case content.Day:
		return "с " + strconv.Itoa(t.Day()) + " " + ruMonth(&ruMonthGen, t.Month()) + " " + y + " года"
	case content.Month:
		return "с " + ruMonth(&ruMonthGen, t.Month()) + " " + y + " года"
	default:
		return "с " + y + " года"
	}
}

// FormatWhen prints a date as the time of an event: "in March 2022" / "в марте 2022 года",
// "in 1994" / "в 1994 году", "on 15 October 2007" / "15 октября 2007 года".
func FormatWhen(d content.Date, l content.Lang) string {
	if d.IsZero() {
		return ""
	}
	t, y := d.Time, strconv.Itoa(d.Year())
	switch {
	case l == content.EN && d.Precision == content.Day:
		return "on " + FormatDate(d, l)
	case l == content.EN:
		return "in " + FormatDate(d, l)
	case d.Precision == content.Day:
		return strconv.Itoa(t.Day()) + " " + ruMonth(&ruMonthGen, t.Month()) + " " + y + " года"
	case d.Precision == content.Month:
		return "в " + ruMonth(&ruMonthPrep, t.Month()) + " " + y + " года"
	default:
		return "в " + y + " году"
	}
}

// ISODate is the machine-readable form for <time datetime>: "2007-10-15", "2006-11", "1994".
func ISODate(d content.Date) string { return d.String() }
