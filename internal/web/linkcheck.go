package web

import (
	"context"
	"net/http"
	"time"

	"twincities/internal/linkcheck"
	"twincities/internal/store"
)

// LinkCheck configures the background check of every address the entries link to, as a source
// or an official site (issue 11, item 8; the results are on the dashboard, see admin_links.go).
// The zero LinkCheck checks nothing: tests must never ask the internet.
type LinkCheck struct {
	// Enabled runs the check: at most once every Every, by one instance at a time.
	Enabled bool
	// Every is how often the addresses are checked; zero means DefaultLinkCheckEvery.
	Every time.Duration
	// Client makes the requests; nil means linkcheck.NewClient(false), which refuses addresses that
	// are not public. Tests give one that reaches their local server.
	Client *http.Client
	// Timeout bounds each request; zero means linkcheck.DefaultTimeout.
	Timeout time.Duration
}

// DefaultLinkCheckEvery is how often the links are checked when LinkCheck.Every is zero: daily,
// as the issue asks, which is as often as a site can be asked without being a nuisance and soon
// enough for a broken link to be noticed.
const DefaultLinkCheckEvery = 24 * time.Hour

// linkCheckPoll is how often an instance looks whether a check is due. The first look comes one
// poll after the start, not at once: a restart does not ask anything until the site has run a
// while, and a short-lived server (a test's) never does.
const linkCheckPoll = time.Hour

// linkChecker is the running background check: Close stops it and waits.
type linkChecker struct {
	opts    LinkCheck
	checker *linkcheck.Checker
	cancel  context.CancelFunc
	done    chan struct{}
}

// newLinkChecker prepares the check of o; startLinkCheck runs it in the background if enabled.
func (s *Server) newLinkChecker(o LinkCheck) *linkChecker {
	if o.Every <= 0 {
		o.Every = DefaultLinkCheckEvery
	}
	if o.Client == nil {
		o.Client = linkcheck.NewClient(false)
	}
	lc := &linkChecker{opts: o, done: make(chan struct{}), cancel: func() {}}
	lc.checker = &linkcheck.Checker{Client: o.Client, Timeout: o.Timeout, Now: s.now,
		UserAgent: "twincities-linkcheck (the link check of " + s.baseURL + "/)"}
	return lc
}

// startLinkCheck starts the background loop when the check is enabled.
func (s *Server) startLinkCheck() {
	if !s.linkCheck.opts.Enabled {
		close(s.linkCheck.done)
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	s.linkCheck.cancel = cancel
	go s.checkLinksLoop(ctx, min(linkCheckPoll, s.linkCheck.opts.Every))
}

// stopLinkCheck stops the loop, cutting a check short, and waits for it.
func (s *Server) stopLinkCheck() {
	s.linkCheck.cancel()
	<-s.linkCheck.done
}

// checkLinksLoop looks every poll whether a check is due, and runs it, until ctx ends.
func (s *Server) checkLinksLoop(ctx context.Context, poll time.Duration) {
	defer close(s.linkCheck.done)
	ticker := time.NewTicker(poll)
	defer ticker.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
			if _, err := s.checkLinksIfDue(ctx); err != nil && ctx.Err() == nil {
				s.log.Warn("could not check the links", "err", err)
			}
		}
	}
}

// checkLinksIfDue checks every address the entries use when the last check finished more than
// Every ago (or none has), and reports whether it did. The database decides, so a restart does
// not check again; an advisory lock held for the whole check keeps a second instance from
// checking at the same time, and it finds the check done when it gets the lock later.
func (s *Server) checkLinksIfDue(ctx context.Context) (bool, error) {
	conn, err := s.db.Acquire(ctx)
	if err != nil {
		return false, err
	}
	defer conn.Release()
	locked, err := store.TryLockLinkCheck(ctx, conn)
	if err != nil || !locked {
		return false, err
	}
	defer func() {
		unlockCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := store.UnlockLinkCheck(unlockCtx, conn); err != nil {
			conn.Conn().Close(unlockCtx) // closing the connection gives the lock back
		}
	}()
	last, err := store.LastLinkCheck(ctx, conn)
	if err != nil {
		return false, err
	}
	if last != nil && s.now().Sub(*last) < s.linkCheck.opts.Every {
		return false, nil
	}
	uses, err := store.ListLinkUses(ctx, conn)
	if err != nil {
		return false, err
	}
	var urls []string
	for i, u := range uses {
		if i == 0 || u.URL != uses[i-1].URL { // ordered by address
			urls = append(urls, u.URL)
		}
	}
	started := s.now()
	results := s.linkCheck.checker.Check(ctx, urls)
	if err := ctx.Err(); err != nil {
		return false, err // cut short: the next start checks them all again
	}
	checks := make([]store.LinkCheck, len(results))
	broken := 0
	for i, r := range results {
		checks[i] = store.LinkCheck{URL: r.URL, OK: r.OK, Status: r.Status, Error: string(r.Kind),
			FinalURL: r.FinalURL, CheckedAt: r.CheckedAt}
		if !r.OK {
			broken++
			s.log.Info("broken link", "url", r.URL, "kind", r.Kind, "status", r.Status, "detail", r.Detail)
		}
	}
	if err := store.SaveLinkChecks(ctx, conn, checks, started, s.now()); err != nil {
		return false, err
	}
	s.log.Info("links checked", "count", len(checks), "broken", broken, "took", s.now().Sub(started).Round(time.Second))
	return true, nil
}
