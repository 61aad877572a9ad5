package web

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"time"

	"github.com/jackc/pgx/v5"

	"twincities/internal/store"
)

// How the listener waits: it checks its quiet connection every listenCheckEvery (a connection
// that died without a word would otherwise keep the cache unaware of changes for the kernel's
// keep-alive time), and after a failure tries again after a pause that doubles up to
// listenRetryMax.
const (
	listenCheckEvery = 30 * time.Second
	listenRetryFirst = 100 * time.Millisecond
	listenRetryMax   = 5 * time.Second
)

// listenForChanges keeps a connection of its own listening for the database's announcements of
// changes (store.PagesChannel) until ctx ends, and drops the cached pages at each. While it is
// not listening (before the first connection, during an outage), the cache stores nothing; when
// it listens again, it drops what it had, since changes may have been missed meanwhile.
func (s *Server) listenForChanges(ctx context.Context) {
	pause := listenRetryFirst
	for ctx.Err() == nil {
		listened, err := s.listenOnce(ctx)
		s.pages.setListening(false)
		if ctx.Err() != nil {
			return
		}
		if listened {
			pause = listenRetryFirst
		}
		s.logLimited(slog.LevelWarn, "page cache listener", "not listening for changes; pages are not cached until it listens again", err)
		select {
		case <-ctx.Done():
			return
		case <-time.After(pause):
		}
		pause = min(2*pause, listenRetryMax)
	}
}

// listenOnce listens on one connection until it fails or ctx ends; listened says whether it got
// as far as listening.
func (s *Server) listenOnce(ctx context.Context) (listened bool, err error) {
	conn, err := pgx.ConnectConfig(ctx, s.db.Config().ConnConfig.Copy())
	if err != nil {
		return false, err
	}
	defer func() {
		closeCtx, cancel := context.WithTimeout(context.Background(), time.Second)
		conn.Close(closeCtx)
		cancel()
	}()
	if err := store.ListenForChanges(ctx, conn); err != nil {
		return false, err
	}
	s.pages.setListening(true)
	s.log.Debug("page cache listening for changes")
	for {
		wait, cancel := context.WithTimeout(ctx, listenCheckEvery)
		_, err := conn.WaitForNotification(wait)
		cancel()
		switch {
		case err == nil:
			s.pages.drop()
		case ctx.Err() != nil:
			return true, ctx.Err()
		case errors.Is(err, context.DeadlineExceeded) && !conn.IsClosed():
			// Quiet for a while: make sure the connection is still there.
			ping, cancel := context.WithTimeout(ctx, 5*time.Second)
			err := conn.Ping(ping)
			cancel()
			if err != nil {
				return true, err
			}
		default:
			return true, err
		}
	}
}

// dropPagesAfterWrites drops the cached pages as soon as a state-changing request of the admin
// succeeds on this instance, when its answer starts: the change is committed by then, and the
// next page must show it here without waiting for the database's notification.
func (s *Server) dropPagesAfterWrites(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodGet || r.Method == http.MethodHead || r.Method == http.MethodOptions {
			next.ServeHTTP(w, r)
			return
		}
		dw := &dropWriter{ResponseWriter: w, drop: s.pages.drop}
		next.ServeHTTP(dw, r)
		if !dw.wrote {
			dw.WriteHeader(http.StatusOK)
		}
	})
}

// dropWriter calls drop when a successful answer (below 400) starts.
type dropWriter struct {
	http.ResponseWriter
	drop  func()
	wrote bool
}

func (w *dropWriter) WriteHeader(status int) {
	if !w.wrote {
		w.wrote = true
		if status < http.StatusBadRequest {
			w.drop()
		}
	}
	w.ResponseWriter.WriteHeader(status)
}

func (w *dropWriter) Write(b []byte) (int, error) {
	if !w.wrote {
		w.WriteHeader(http.StatusOK)
	}
	return w.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the connection's writer.
func (w *dropWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }
