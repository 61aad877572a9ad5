package postgres

import (
	"net/url"
	"strings"
)

// redact hides the password in a connection string so that it can appear in messages and logs.
func redact(connString string) string {
	u, err := url.Parse(connString)
	if err != nil || u.Scheme == "" {
		// Keyword/value form: drop the password pair.
		fields := strings.Fields(connString)
		for i, f := range fields {
			if strings.HasPrefix(f, "password=") {
				fields[i] = "password=xxxxx"
			}
		}
		return strings.Join(fields, " ")
	}
	return u.Redacted()
}
