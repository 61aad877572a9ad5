package web

import "strings"

// containsFold reports whether s contains sub, ignoring case (Cyrillic included).
func containsFold(s, sub string) bool {
	return strings.Contains(strings.ToLower(s), strings.ToLower(sub))
}
