package content

import (
	"sort"
	"time"
)

// AnniversaryStep is what makes an anniversary round: every five years.
const AnniversaryStep = 5

// Anniversary is a round anniversary of a relationship: Duisburg's 20th on 15 October 2027.
type Anniversary struct {
	City  City
	Years int
	Date  Date // with the precision of the relationship's start: a day, a month or a year
}

// Anniversaries lists the round anniversaries of the published, active relationships in cities
// that fall within the twelve months from today on (today included), soonest first. A date known
// only to the month or year counts when any part of its month or year falls in that window.
func Anniversaries(cities []City, today time.Time) []Anniversary {
	from := time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, time.UTC)
	to := from.AddDate(1, 0, 0) // exclusive
	var out []Anniversary
	for _, c := range cities {
		if c.Since.IsZero() || !c.Published || c.Status != Active || c.DeletedAt != nil {
			continue
		}
		for years := AnniversaryStep; c.Since.Year()+years <= to.Year(); years += AnniversaryStep {
			d := Date{Time: c.Since.Time.AddDate(years, 0, 0), Precision: c.Since.Precision}
			if start, end := d.span(); end.After(from) && start.Before(to) {
				out = append(out, Anniversary{City: c, Years: years, Date: d})
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Date.Time.Before(out[j].Date.Time) })
	return out
}

// span is the stretch of time the date covers: a day, a month or a year, end exclusive.
func (d Date) span() (start, end time.Time) {
	switch d.Precision {
	case Year:
		return d.Time, d.Time.AddDate(1, 0, 0)
	case Month:
		return d.Time, d.Time.AddDate(0, 1, 0)
	default:
		return d.Time, d.Time.AddDate(0, 0, 1)
	}
}
