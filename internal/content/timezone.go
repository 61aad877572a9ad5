package content

import (
	"regexp"
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
	_, err := time.LoadLocation(name)
	return err == nil
}

// TimeDifferenceWithPerm is how far the city's clocks are ahead of Perm's at the instant at: 0
// in Perm's zone, negative west of it (Duisburg: -4h in winter, -3h in summer). ok is false when
// the city has no time zone or one Go does not know.
func (c City) TimeDifferenceWithPerm(at time.Time) (diff time.Duration, ok bool) {
	if c.TimeZone == "" {
		return 0, false
	}
	there, err := time.LoadLocation(c.TimeZone)
	if err != nil {
		return 0, false
	}
	perm, err := time.LoadLocation(PermTimeZone)
	if err != nil {
		return 0, false
	}
	_, offThere := at.In(there).Zone()
	_, offPerm := at.In(perm).Zone()
	return time.Duration(offThere-offPerm) * time.Second, true
}
