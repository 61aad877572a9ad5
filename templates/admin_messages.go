package templates

import (
	"net/url"
	"strings"
)

// mailtoEscape escapes s for the query of a mailto: link (RFC 6068: spaces as %20, not +).
func mailtoEscape(s string) string { return strings.ReplaceAll(url.QueryEscape(s), "+", "%20") }
