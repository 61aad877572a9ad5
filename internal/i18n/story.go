package i18n

import (
	"fmt"

	"twincities/internal/content"
)

// HomeLead is the home page's one-sentence answer to "whom is Perm connected with?", counted from
// the published cities: "Perm has 4 twin cities and 2 former, and cooperation agreements with
// 4 Russian cities." Without partner cities it leaves them out rather than count none.
func HomeLead(l content.Lang, twins, formerTwins, partners int) string {
	m := For(l)
	twinCount := CountWithFormer(l, twins, formerTwins, m.CountTwinCities)
	if partners == 0 {
		return Typeset(l, fmt.Sprintf(m.LeadNoPartners, twinCount))
	}
	return Typeset(l, fmt.Sprintf(m.Lead, twinCount, Count(l, partners, Forms{One: m.LeadPartnersOne, Few: m.LeadPartnersOther, Many: m.LeadPartnersOther})))
}

// LastActivity is a card's line about a city's latest joint activity: "Last joint activity:
// 12 May 2019", "Последнее совместное событие: 12 мая 2019 г.".
func LastActivity(d content.Date, l content.Lang) string {
	return fmt.Sprintf(For(l).LastActivity, FormatDate(d, l))
}

// AnniversaryOf names a round anniversary of a relationship: "Duisburg: 20 years together",
// "Дуйсбург: 20 лет вместе".
func AnniversaryOf(name string, years int, l content.Lang) string {
	m := For(l)
	return Typeset(l, fmt.Sprintf(m.AnniversaryOf, name, Count(l, years, m.Years)))
}
