package postgres

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/jackc/pgx/v5"
)

// startOrAttach makes one attempt, under the start lock, to have a server running on the data
// directory: the one another process runs there, when there is one, or a new child of ours. It
// returns a *transientError for a failure worth trying again soon.
func (c *Cluster) startOrAttach(ctx context.Context) error {
	lock, err := lockStart(ctx, c.lockPath)
	if err != nil {
		return err
	}
	defer lock.unlock()
	if err := initCluster(ctx, c.binDir, c.dataDir, c.owner, c.throwaway); err != nil {
		return err
	}
	pf, found, err := readPostmasterPID(c.dataDir)
	if err != nil {
		return err
	}
	if found {
		switch inspectProcess(pf.PID, c.dataDir) {
		case processServer, processUnknown:
			return c.attach(ctx, pf.PID)
		case processOther:
			if err := c.removeStalePID(pf.PID); err != nil {
				return err
			}
		case processGone:
			// The server died without removing its file; PostgreSQL replaces such a file itself.
		}
	}
	return c.startServer(ctx)
}

// attach waits until the server of process pid, which another process started, answers on the
// socket its postmaster.pid names, and then uses it. A server that goes away meanwhile (it was
// stopping) makes a transient error: the next attempt starts one of our own.
func (c *Cluster) attach(ctx context.Context, pid int) error {
	deadline := time.Now().Add(serverReadyWait)
	var lastErr error
	for {
		pf, found, err := readPostmasterPID(c.dataDir)
		if err != nil {
			return err
		}
		if !found || pf.PID != pid || inspectProcess(pid, c.dataDir) == processGone {
			return &transientError{fmt.Errorf("postgres: the server another process started on %s (PID %d) stopped", c.dataDir, pid)}
		}
		if pf.SocketDir != "" && pf.Status != "stopping" {
			if lastErr = c.checkServes(ctx, pf); lastErr == nil {
				c.mu.Lock()
				c.socketDir, c.port = pf.SocketDir, pf.Port
				c.server, c.attached = nil, pid
				c.mu.Unlock()
				c.log.Info("using the local PostgreSQL server another process started", "pid", pid)
				return nil
			}
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("postgres: %s/postmaster.pid names process %d, which runs but has not answered on its socket for %v "+
				"(last: %v); if no PostgreSQL server runs on that directory, the file is left over from a crash: remove it and try again",
				c.dataDir, pid, serverReadyWait, lastErr)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(100 * time.Millisecond):
		}
	}
}

// checkServes connects to the socket pf names and makes sure the server behind it is the one of
// this data directory, not a stranger that took over a reused socket directory.
func (c *Cluster) checkServes(ctx context.Context, pf postmasterPID) error {
	ctx, cancel := context.WithTimeout(ctx, connectTimeout)
	defer cancel()
	port := pf.Port
	if port == 0 {
		port = defaultPort
	}
	conn, err := pgx.Connect(ctx, clusterURL(pf.SocketDir, port, "postgres"))
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	var dir string
	if err := conn.QueryRow(ctx, "SHOW data_directory").Scan(&dir); err != nil {
		return err
	}
	if !sameDir(dir, c.dataDir) {
		return fmt.Errorf("the server on %s serves %s, not %s", pf.SocketDir, dir, c.dataDir)
	}
	return nil
}

// removeStalePID removes a postmaster.pid whose process is alive but no server of this directory:
// after a crash or reboot its number went to another program, and PostgreSQL, which only asks
// whether the process exists, would refuse to start. PostgreSQL's own check that no process of
// the old server still holds its shared memory stays in force.
func (c *Cluster) removeStalePID(pid int) error {
	path := filepath.Join(c.dataDir, "postmaster.pid")
	if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("postgres: remove the stale %s: %w", path, err)
	}
	c.log.Warn("removed a stale postmaster.pid: the process it names is not a PostgreSQL server of this directory",
		"file", path, "pid", pid)
	return nil
}

// startServer starts a server of our own, in our socket directory, and waits until it answers.
func (c *Cluster) startServer(ctx context.Context) error {
	socketDir, err := c.socketDirForStart()
	if err != nil {
		return err
	}
	logFrom := c.logSize()
	p, err := c.spawn(socketDir)
	if err != nil {
		return err
	}
	if err := c.waitReady(ctx, p, socketDir, logFrom); err != nil {
		p.stop()
		return err
	}
	c.mu.Lock()
	c.socketDir, c.port = socketDir, defaultPort
	c.server, c.attached = p, 0
	c.mu.Unlock()
	return nil
}

// socketDirForStart returns this process's socket directory, creating it the first time. A short
// path under the temporary directory: socket paths are limited to about 100 bytes, and a project
// may live deep.
func (c *Cluster) socketDirForStart() (string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.ownSocketDir != "" {
		if _, err := os.Lstat(c.ownSocketDir); err == nil {
			return c.ownSocketDir, nil
		}
		// Removed under us (a cleaner of /tmp): make a new one rather than recreate a name that
		// someone else may have taken meanwhile.
	}
	dir, err := os.MkdirTemp("", "twincities-pg-")
	if err != nil {
		return "", fmt.Errorf("postgres: socket directory: %w", err)
	}
	if err := c.owner.chown(dir); err != nil {
		os.RemoveAll(dir)
		return "", fmt.Errorf("postgres: socket directory: %w", err)
	}
	c.ownSocketDir = dir
	return dir, nil
}
