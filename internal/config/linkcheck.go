package config

import (
	"fmt"
	"strings"
)

// readLinkCheck reads LINKCHECK, the switch of the daily background check of the entries' links
// (issue 11, broken links): on unless set to off. Production wants it; a developer's machine or
// a test, whose database holds the real sites' addresses, turns it off (make run does).
func (c *Config) readLinkCheck(getenv func(string) string) []error {
	switch v := strings.ToLower(strings.TrimSpace(getenv("LINKCHECK"))); v {
	case "", "on", "true", "1", "yes":
		c.LinkCheck = true
	case "off", "false", "0", "no":
		c.LinkCheck = false
	default:
		return []error{fmt.Errorf("LINKCHECK %q is not on or off", v)}
	}
	return nil
}
