package templates

import "twincities/internal/content"

// DateFields are the fields typed as a date in three boxes, day, month and year, named
// field+".day", field+".month" and field+".year" (GOV.UK's date input): what is filled sets the
// date's precision, so nobody has to learn YYYY-MM-DD.
var DateFields = map[string]bool{"since": true, "status_date": true, "member_since": true, "date": true}

// DateParts are the boxes of a date, in the order Russians and Britons write them.
var DateParts = []string{content.PartDay, content.PartMonth, content.PartYear}

// DateFaults reports which boxes of date field name hold the problem: the one a message names,
// both day and month for a day the month lacks, and every box for the rest ("required").
func (f Form) DateFaults(name string) map[string]bool {
	if f.ErrorOf(name) == "" {
		return nil
	}
	switch f.Problems[name] {
	case content.ProblemDateDay:
		return map[string]bool{content.PartDay: true}
	case content.ProblemDateMonth:
		return map[string]bool{content.PartMonth: true}
	case content.ProblemDateYear:
		return map[string]bool{content.PartYear: true}
	case content.ProblemDateReal:
		return map[string]bool{content.PartDay: true, content.PartMonth: true}
	}
	return map[string]bool{content.PartDay: true, content.PartMonth: true, content.PartYear: true}
}

// Anchor is the id the summary's link to field name leads to: the field, or for a date the first
// of its boxes at fault.
func (f Form) Anchor(name string) string {
	if !DateFields[name] {
		return FieldID(name)
	}
	faults := f.DateFaults(name)
	for _, part := range DateParts {
		if faults[part] {
			return FieldID(name + "." + part)
		}
	}
	return FieldID(name + "." + content.PartDay)
}

// datePartLabel is the label of one box of a date.
func datePartLabel(f Form, part string) string {
	switch part {
	case content.PartDay:
		return f.Admin.DateDay
	case content.PartMonth:
		return f.Admin.DateMonth
	}
	return f.Admin.DateYear
}
