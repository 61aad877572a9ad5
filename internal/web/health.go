package web

import (
	"context"
	"log/slog"
	"net/http"
	"time"

	"twincities/internal/store"
)

// healthz handles "GET /healthz": the process is up and serving.
func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	// Issue 12, page cache: its figures, for whoever looks after the site.
	w.Write([]byte("ok\n" + s.pages.stats().String() + "\n"))
}

// readyz handles "GET /readyz": the database answers, so the site can serve pages. A load balancer
// takes the server out of rotation on 503, and the body says why, for the person looking: what
// Deps.DatabaseStatus knows (a crashed local server and its restart), or else the kind of
// failure, never the driver's error, which may name hosts and users.
func (s *Server) readyz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	if err := s.db.Ping(ctx); err != nil {
		body := "database unavailable: " + store.UnavailableReason(err)
		if s.databaseStatus != nil {
			if status := s.databaseStatus(); status != "" {
				body = "database unavailable: " + status
			}
		}
		s.logLimited(slog.LevelWarn, "readiness", "readiness check failed", err, "status", body)
		w.WriteHeader(http.StatusServiceUnavailable)
		w.Write([]byte(body + "\n"))
		return
	}
	// Issue 12, page cache: its figures, for whoever looks after the site.
	w.Write([]byte("ok\n" + s.pages.stats().String() + "\n"))
}
