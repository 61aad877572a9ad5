package content

import (
	"regexp"
	"sync"
	"time"
	// Go's own zone data, embedded (405 kB more in the binary): the binary and every test then
	// know the same zones whatever the machine's /usr/share/zoneinfo holds, or if it has none.
	// Imported here, beside the rule that depends on it, rather than in main, so that the tests of
	// every package that validates a city see the zones the server sees.
	_ "time/tzdata"
)

// timeZonePattern is the shape of an IANA zone name ("Europe/Berlin", "America/Kentucky/Louisville",
// "Etc/GMT+5"). Checked before Go looks the name up, so that nothing like a path ever reaches it.
var timeZonePattern = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+)*$`)

// maxTimeZone is the longest zone name stored; the longest real one has 30 characters.
const maxTimeZone = 64

// ValidTimeZone reports whether name is an IANA time zone Go knows. "Local", the machine's own
// zone, is refused: it would mean something else on every server.
func ValidTimeZone(name string) bool {
	if len(name) > maxTimeZone || !timeZonePattern.MatchString(name) || name == "Local" {
		return false
	}
	_, err := location(name)
	return err == nil
}

// locations keeps every zone loaded once: time.LoadLocation parses the zone's data on each call,
// and a list page asks for a zone per city on every request. Only names that loaded are kept, and
// they are real IANA zones (a few hundred at most), so the map stays bounded whatever is asked.
var locations sync.Map // zone name → *time.Location

// location is time.LoadLocation, remembered.
func location(name string) (*time.Location, error) {
	if loc, ok := locations.Load(name); ok {
		return loc.(*time.Location), nil
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, err
	}
	locations.Store(name, loc)
	return loc, nil
}

// TimeDifferenceWithPerm is how far the city's clocks are ahead of Perm's at the instant at: 0
// in Perm's zone, negative west of it (Duisburg: -4h in winter, -3h in summer). ok is false when
// the city has no time zone or one Go does not know.
func (c City) TimeDifferenceWithPerm(at time.Time) (diff time.Duration, ok bool) {
	if c.TimeZone == "" {
		return 0, false
	}
	there, err := location(c.TimeZone)
	if err != nil {
		return 0, false
	}
	perm, err := location(PermTimeZone)
	if err != nil {
		return 0, false
	}
	_, offThere := at.In(there).Zone()
	_, offPerm := at.In(perm).Zone()
	return time.Duration(offThere-offPerm) * time.Second, true
}
