package postgres

import (
	"context"
	"errors"
	"fmt"
	"os"
	"syscall"
	"time"
)

// startLockWait bounds how long a process waits for another one to finish starting the server.
// Starting takes seconds (initdb the first time, crash recovery after a crash); a minute means
// something is wrong, and waiting longer would look like a hang.
const startLockWait = time.Minute

// startLock is held while a process looks at a data directory and starts its server, so that two
// twincities processes (serve and a staff command, say) starting at the same moment take turns:
// the second finds the first one's server running and uses it. It is an flock(2) lock, which the
// kernel releases when its holder dies, so a crash never leaves it behind.
type startLock struct{ f *os.File }

// lockStart takes the lock on path, polling until it is free, ctx ends or startLockWait passes.
func lockStart(ctx context.Context, path string) (*startLock, error) {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		return nil, fmt.Errorf("postgres: start lock: %w", err)
	}
	deadline := time.Now().Add(startLockWait)
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if err == nil {
			return &startLock{f: f}, nil
		}
		if !errors.Is(err, syscall.EWOULDBLOCK) && !errors.Is(err, syscall.EINTR) {
			f.Close()
			return nil, fmt.Errorf("postgres: start lock %s: %w", path, err)
		}
		if time.Now().After(deadline) {
			f.Close()
			return nil, fmt.Errorf("postgres: another process has been starting the local PostgreSQL server for over %v "+
				"(it holds %s); try again once it has finished, or stop it", startLockWait, path)
		}
		select {
		case <-ctx.Done():
			f.Close()
			return nil, ctx.Err()
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// unlock releases the lock (closing the file releases the flock).
func (l *startLock) unlock() { l.f.Close() }
