package postgres

import (
	"context"
	"fmt"
	"math"
	"time"
)

// Restarts of a server that went away are spaced out: the first after half a second (after a
// kill, the old server's processes need a moment to let go of its shared memory), each next one
// twice as late, up to half a minute, so that a server that cannot start fills no disk with logs.
const (
	firstRestartDelay = 500 * time.Millisecond
	maxRestartDelay   = 30 * time.Second
	// attachedPollEvery is how often a server another process started is looked at: it is no
	// child of ours, so its exit sends us nothing.
	attachedPollEvery = 250 * time.Millisecond
)

// outage is why the server is away and what the supervisor is doing about it.
type outage struct {
	reason  string
	at      time.Time
	attempt int
	next    time.Time // when attempt begins; zero while it is under way
}

// Supervise watches the server from now until Stop: if it goes away (killed, crashed, or stopped
// by the other process that started it), a server is started again, or attached to if another
// process started one meanwhile, with the same socket directory for our own servers, so pools
// opened with OpenPool reconnect by themselves. Status says what is wrong while it is away.
func (c *Cluster) Supervise() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.supervised != nil || c.stopped {
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	c.cancel, c.supervised = cancel, make(chan struct{})
	go c.supervise(ctx)
}

func (c *Cluster) supervise(ctx context.Context) {
	defer close(c.supervised)
	for {
		reason, ok := c.waitGone(ctx)
		if !ok || !c.restart(ctx, reason) {
			return
		}
	}
}

// waitGone returns why the server in use went away, or false when ctx ends first.
func (c *Cluster) waitGone(ctx context.Context) (string, bool) {
	c.mu.Lock()
	p, pid := c.server, c.attached
	c.mu.Unlock()
	if p != nil {
		select {
		case <-ctx.Done():
			return "", false
		case <-p.exited:
			return fmt.Sprintf("the local PostgreSQL server stopped unexpectedly (%s)", describeExit(p.err)), true
		}
	}
	ticker := time.NewTicker(attachedPollEvery)
	defer ticker.Stop()
	for {
		select {
		case <-ctx.Done():
			return "", false
		case <-ticker.C:
		}
		if k := inspectProcess(pid, c.dataDir); k == processGone || k == processOther {
			return fmt.Sprintf("the local PostgreSQL server that another process started (PID %d) stopped", pid), true
		}
	}
}

// restart brings a server back, trying with growing delays until it succeeds (true) or ctx ends
// (false). It logs one line when the server goes away and one per attempt.
func (c *Cluster) restart(ctx context.Context, reason string) bool {
	at := time.Now()
	c.log.Error(reason+"; starting it again", "first_attempt_in", firstRestartDelay)
	delay := firstRestartDelay
	for attempt := 1; ; attempt++ {
		c.setOutage(&outage{reason: reason, at: at, attempt: attempt, next: time.Now().Add(delay)})
		select {
		case <-ctx.Done():
			return false
		case <-time.After(delay):
		}
		c.setOutage(&outage{reason: reason, at: at, attempt: attempt})
		err := c.startOrAttach(ctx)
		if ctx.Err() != nil {
			return false
		}
		if err == nil {
			c.setOutage(nil)
			c.log.Info("the local PostgreSQL server is back", "attempt", attempt, "down_for", time.Since(at).Round(time.Millisecond))
			return true
		}
		delay = min(2*delay, maxRestartDelay)
		c.log.Warn("the local PostgreSQL server did not start; trying again", "attempt", attempt, "next_in", delay, "err", err)
	}
}

func (c *Cluster) setOutage(o *outage) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.stopped {
		c.down = o
	}
}

// Status says, in a sentence for people, what is wrong with the server while the supervisor
// brings it back: "the local PostgreSQL server stopped unexpectedly (signal: killed) at 10:02:03
// UTC; restart attempt 3 in 4s". It is empty while the server runs (and without supervision).
func (c *Cluster) Status() string {
	c.mu.Lock()
	o := c.down
	c.mu.Unlock()
	if o == nil {
		return ""
	}
	s := fmt.Sprintf("%s at %s UTC; restart attempt %d", o.reason, o.at.UTC().Format("15:04:05"), o.attempt)
	if o.next.IsZero() {
		return s + " under way"
	}
	wait := max(0, math.Ceil(time.Until(o.next).Seconds()))
	return fmt.Sprintf("%s in %.0fs", s, wait)
}
