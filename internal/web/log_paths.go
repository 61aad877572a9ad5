package web

import (
	"net/http"
	"strings"
)

// logPath is a request's path as the log writes it. A review link's token (issue 11, review
// links) opens a draft to whoever has it, so it never reaches the log: everything after
// "/review/" is left out, whatever the rest of the path, routed or not.
func logPath(r *http.Request) string { return redactReviewToken(r.URL.Path) }

// reviewSegment begins the part of a path that holds a review link's token.
const reviewSegment = "/review/"

func redactReviewToken(path string) string {
	if i := strings.Index(path, reviewSegment); i >= 0 {
		return path[:i+len(reviewSegment)] + "…"
	}
	return path
}
