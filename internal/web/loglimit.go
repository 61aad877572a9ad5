package web

import (
	"context"
	"log/slog"
	"sync"
	"time"
)

// logEvery is how often one kind of log line may be written. A fault every request meets (the
// database down, a flood of refused requests) would otherwise write a line per request: half a
// million lines in 45 seconds were seen in an outage.
const logEvery = 5 * time.Second

// maxLogKinds bounds the kinds remembered; the kinds are route patterns and error types, a
// bounded set, but the limiter must stay small whatever reaches it.
const maxLogKinds = 1000

// logLimiter lets one line of each kind through every interval and counts the lines it holds
// back, to report them with the next line of that kind.
type logLimiter struct {
	every time.Duration
	mu    sync.Mutex
	kinds map[string]*heldLines
}

type heldLines struct {
	last time.Time
	held int
}

func newLogLimiter(every time.Duration) *logLimiter {
	return &logLimiter{every: every, kinds: map[string]*heldLines{}}
}

// allow reports whether a line of kind may be written at now, and how many lines of that kind were
// held back since the last one written.
func (l *logLimiter) allow(kind string, now time.Time) (ok bool, held int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	k := l.kinds[kind]
	if k == nil {
		if len(l.kinds) >= maxLogKinds {
			clear(l.kinds)
		}
		k = &heldLines{}
		l.kinds[kind] = k
	}
	if !k.last.IsZero() && now.Sub(k.last) < l.every {
		k.held++
		return false, 0
	}
	held, k.held, k.last = k.held, 0, now
	return true, held
}

// logLimited writes msg at level with err and attrs, unless a line of the same kind was written
// within logEvery; the line says how many of its kind were held back before it.
func (s *Server) logLimited(level slog.Level, kind, msg string, err error, attrs ...any) {
	ok, held := s.logs.allow(kind, time.Now())
	if !ok {
		return
	}
	if err != nil {
		attrs = append(attrs, "err", err)
	}
	if held > 0 {
		attrs = append(attrs, "suppressed", held)
	}
	s.log.Log(context.Background(), level, msg, attrs...)
}
