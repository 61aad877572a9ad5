package content

import (
	"strings"
	"time"
)

// Settings are the site-wide settings administrators change. A new setting is a field here, a
// column of the settings table (with a default) and an entry in Fields, which the audit log
// compares.
type Settings struct {
	// RequireTwoFactor makes every member of staff set up two-factor sign-in before they can do
	// anything else in the admin.
	RequireTwoFactor bool
	// OpenData is who publishes the open data sets, for their passports.
	OpenData OpenData
	// RequireReview makes an editor send changes for review instead of publishing them: a
	// publisher or an administrator approves them (issue 11, review before publishing).
	RequireReview bool
}

// OpenData is what the passports of the open data sets say about their owner and the person who
// answers for them. Every part starts empty: the site never guesses an INN, a name, a phone or
// an address.
type OpenData struct {
	INN       string    // the organisation's taxpayer number (ИНН): 10 digits
	Creator   string    // the organisation that owns the data, in Russian
	Name      string    // the person responsible for the open data
	Phone     string    // their phone, digits with an optional leading +
	Email     string    // their e-mail address
	Frequency Frequency // how often the sets are updated
}

// Complete reports whether the passports can name their owner and the responsible person.
func (o OpenData) Complete() bool {
	return o.INN != "" && o.Creator != "" && o.Name != "" && o.Phone != "" && o.Email != ""
}

// Frequency is how often the open data sets are updated.
type Frequency string

// The frequencies a publisher may promise. OnChange is the default: the files are built from the
// database at each request, so they change the moment a published entry does.
const (
	OnChange  Frequency = "on_change"
	Daily     Frequency = "daily"
	Weekly    Frequency = "weekly"
	Monthly   Frequency = "monthly"
	Quarterly Frequency = "quarterly"
	Yearly    Frequency = "yearly"
)

// Frequencies lists them in the order the settings form offers them.
var Frequencies = []Frequency{OnChange, Daily, Weekly, Monthly, Quarterly, Yearly}

// Valid reports whether f is one of Frequencies.
func (f Frequency) Valid() bool {
	for _, g := range Frequencies {
		if f == g {
			return true
		}
	}
	return false
}

// Russian is how a passport states the frequency.
func (f Frequency) Russian() string {
	return map[Frequency]string{OnChange: "по мере изменения", Daily: "ежедневно", Weekly: "еженедельно",
		Monthly: "ежемесячно", Quarterly: "ежеквартально", Yearly: "ежегодно"}[f]
}

// ValidUntil is the passport's "valid" date (дата актуальности): the day by which the next
// update is due after one at modified, as YYYYMMDD; empty for sets updated as changes happen,
// which are current at every moment and promise no date.
func (f Frequency) ValidUntil(modified time.Time) string {
	step, ok := map[Frequency][3]int{Daily: {0, 0, 1}, Weekly: {0, 0, 7}, Monthly: {0, 1, 0},
		Quarterly: {0, 3, 0}, Yearly: {1, 0, 0}}[f]
	if !ok {
		return ""
	}
	return modified.In(PermZone()).AddDate(step[0], step[1], step[2]).Format("20060102")
}

// PermZone is Perm's time zone, in which the department dates what it publishes.
func PermZone() *time.Location {
	loc, err := time.LoadLocation(PermTimeZone)
	if err != nil {
		// Never reached: the zone data is embedded (timezone.go imports time/tzdata), and Perm
		// keeps UTC+5 all year.
		return time.FixedZone("UTC+5", 5*3600)
	}
	return loc
}

// Fields lists the settings as the audit log records them, named as the settings form names them.
func (s Settings) Fields() []FieldValue {
	o := s.OpenData
	return []FieldValue{{Field: "require_two_factor", Value: boolValue(s.RequireTwoFactor)},
		{Field: "opendata_inn", Value: o.INN}, {Field: "opendata_creator", Value: o.Creator},
		{Field: "opendata_name", Value: o.Name}, {Field: "opendata_phone", Value: o.Phone},
		{Field: "opendata_email", Value: o.Email}, {Field: "opendata_frequency", Value: string(o.Frequency)},
		{Field: "require_review", Value: boolValue(s.RequireReview)}}
}

// Normalize trims what people typed and writes the phone as digits with its leading +, as the
// passports give it ("+7 (342) 212-34-56" becomes "+73422123456").
func (s *Settings) Normalize() {
	o := &s.OpenData
	o.INN, o.Creator, o.Name, o.Email = strings.TrimSpace(o.INN), strings.TrimSpace(o.Creator),
		strings.TrimSpace(o.Name), strings.TrimSpace(o.Email)
	o.Phone = strings.TrimSpace(o.Phone)
	if ValidPhone(o.Phone) {
		var b strings.Builder
		for _, r := range o.Phone {
			if r == '+' || r >= '0' && r <= '9' {
				b.WriteRune(r)
			}
		}
		o.Phone = b.String()
	}
	if o.Frequency == "" {
		o.Frequency = OnChange
	}
}

// Validate checks the settings: the INN is an organisation's (10 digits with a correct check
// digit), the phone a phone number of 10 to 15 digits (E.164's limit, with the country code), the e-mail one bare address, the frequency
// one of Frequencies. Each may be left empty.
func (s Settings) Validate() error {
	var v checker
	o := s.OpenData
	if o.INN != "" && !ValidOrganizationINN(o.INN) {
		v.add("opendata_inn", ProblemINN)
	}
	v.line("opendata_creator", o.Creator, MaxName)
	v.line("opendata_name", o.Name, MaxName)
	if o.Phone != "" {
		digits := strings.Count(strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' {
				return 'd'
			}
			return -1
		}, o.Phone), "d")
		switch {
		case !ValidPhone(o.Phone) || strings.LastIndex(o.Phone, "+") > 0:
			v.add("opendata_phone", ProblemPhone)
		case digits < 10 || digits > 15:
			v.add("opendata_phone", ProblemPhoneDigits)
		}
	}
	v.chars("opendata_email", o.Email, false, true)
	if o.Email != "" && !ValidEmail(o.Email) {
		v.add("opendata_email", ProblemEmail)
	}
	v.maxLen("opendata_email", o.Email, MaxEmail)
	if !o.Frequency.Valid() {
		v.add("opendata_frequency", ProblemChoice)
	}
	return v.err()
}

// ValidOrganizationINN reports whether s is an organisation's taxpayer number (ИНН юридического
// лица): 10 digits, the last a check digit over the other nine. An individual's number has 12
// digits and is refused: the passports name an organisation as the owner of the data.
func ValidOrganizationINN(s string) bool {
	if len(s) != 10 || strings.Trim(s, "0123456789") != "" {
		return false
	}
	weights := []int{2, 4, 10, 3, 5, 9, 4, 6, 8}
	sum := 0
	for i, w := range weights {
		sum += int(s[i]-'0') * w
	}
	return sum%11%10 == int(s[9]-'0')
}
