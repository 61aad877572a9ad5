package web

import "context"

// CheckLinksIfDue runs the link check now if it is due, as the background loop does every hour,
// and reports whether it ran: for the tests, which do not wait for the loop.
func (s *Server) CheckLinksIfDue(ctx context.Context) (bool, error) { return s.checkLinksIfDue(ctx) }
