package postgres

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5"
)

// serverReadyWait bounds how long a starting server may take to accept connections. Crash
// recovery after a kill replays the write-ahead log first, which for this site's small database
// takes a second or two.
const serverReadyWait = time.Minute

// defaultPort names the socket file (.s.PGSQL.5432); with no TCP listener it is no network port.
const defaultPort = 5432

// serverProcess is a PostgreSQL server this process started and is the parent of.
type serverProcess struct {
	cmd    *exec.Cmd
	exited chan struct{} // closed once the process has exited and been reaped
	err    error         // how it exited; read only after exited is closed
}

// initCluster runs initdb when dataDir does not hold a cluster yet.
func initCluster(ctx context.Context, binDir, dataDir string, owner serverUser, throwaway bool) error {
	if _, err := os.Stat(filepath.Join(dataDir, "PG_VERSION")); err == nil {
		return nil
	}
	if entries, err := os.ReadDir(dataDir); err == nil && len(entries) > 0 {
		return fmt.Errorf("postgres: %s is not empty but holds no PostgreSQL cluster; move it away or set DATABASE_URL", dataDir)
	}
	if err := os.MkdirAll(dataDir, 0o700); err != nil {
		return fmt.Errorf("postgres: create %s: %w", dataDir, err)
	}
	if err := owner.chown(dataDir); err != nil {
		return fmt.Errorf("postgres: give %s to the server user: %w", dataDir, err)
	}
	args := []string{"--pgdata", dataDir, "--username", superuser, "--auth", "trust",
		"--encoding", "UTF8", "--locale", "C.UTF-8", "--no-instructions"}
	if throwaway {
		args = append(args, "--no-sync")
	}
	cmd := exec.CommandContext(ctx, filepath.Join(binDir, "initdb"), args...)
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: owner.cred}
	// initdb changes into no directory of its own; a cwd the server user cannot read breaks it.
	cmd.Dir = os.TempDir()
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("postgres: initdb %s: %w\n%s", dataDir, err, bytes.TrimSpace(out))
	}
	return nil
}

// spawn starts the server on c's data directory, listening only on a socket in socketDir.
func (c *Cluster) spawn(socketDir string) (*serverProcess, error) {
	logFile, err := os.OpenFile(c.logPath, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return nil, fmt.Errorf("postgres: server log: %w", err)
	}
	args := []string{
		"-D", c.dataDir,
		"-k", socketDir,
		"-p", fmt.Sprint(defaultPort),
		"-c", "listen_addresses=",
		"-c", "unix_socket_permissions=0700",
		"-c", "max_connections=100",
	}
	if c.throwaway {
		args = append(args, "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off")
	}
	cmd := exec.Command(filepath.Join(c.binDir, "postgres"), args...)
	cmd.Dir = os.TempDir()
	cmd.Stdout, cmd.Stderr = logFile, logFile
	cmd.SysProcAttr = &syscall.SysProcAttr{
		Credential: c.owner.cred,
		// Its own process group: Ctrl-C in the terminal reaches us, not the server, so we can
		// finish the requests in flight before stopping it ourselves.
		Setpgid: true,
		// If we die without stopping it, the kernel asks it for a fast, clean shutdown.
		Pdeathsig: syscall.SIGINT,
	}
	if err := cmd.Start(); err != nil {
		logFile.Close()
		return nil, fmt.Errorf("postgres: start server: %w", err)
	}
	p := &serverProcess{cmd: cmd, exited: make(chan struct{})}
	go func() {
		p.err = cmd.Wait()
		logFile.Close()
		close(p.exited)
	}()
	return p, nil
}

// transientError is a start that failed for a reason that passes by itself: another server
// started first, or the processes of a killed one still hold its shared memory for a moment.
type transientError struct{ err error }

func (e *transientError) Error() string { return e.err.Error() }
func (e *transientError) Unwrap() error { return e.err }

// transientStart are the server's words for the conditions transientError stands for. The
// cluster's messages are in English: initdb ran with the C.UTF-8 locale.
var transientStart = []string{
	`lock file "postmaster.pid" already exists`,
	`pre-existing shared memory block`,
}

// waitReady polls until the server p answers on socketDir, it exits, or serverReadyWait passes.
// logFrom is the size of the server log when p started: what follows is this start's own output.
func (c *Cluster) waitReady(ctx context.Context, p *serverProcess, socketDir string, logFrom int64) error {
	url := clusterURL(socketDir, defaultPort, "postgres")
	deadline := time.Now().Add(serverReadyWait)
	for {
		conn, err := connect(ctx, url)
		if err == nil {
			conn.Close(ctx)
			return nil
		}
		select {
		case <-p.exited:
			out := c.logSince(logFrom)
			err := fmt.Errorf("postgres: the server stopped while starting (%s)\n%s", describeExit(p.err), out)
			for _, s := range transientStart {
				if strings.Contains(out, s) {
					return &transientError{err}
				}
			}
			return err
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(100 * time.Millisecond): // each refused try is a line in the server log
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("postgres: the server did not accept connections within %v: %w\n%s", serverReadyWait, err, c.logSince(logFrom))
		}
	}
}

// connectTimeout bounds one attempt to connect, so that a server that accepts connections but
// does not answer (stopped, swapping) makes an error, not a hang.
const connectTimeout = 10 * time.Second

// connect opens one connection to url within connectTimeout.
func connect(ctx context.Context, url string) (*pgx.Conn, error) {
	ctx, cancel := context.WithTimeout(ctx, connectTimeout)
	defer cancel()
	return pgx.Connect(ctx, url)
}

// logSize is the server log's current size, where the next start's output will begin.
func (c *Cluster) logSize() int64 {
	fi, err := os.Stat(c.logPath)
	if err != nil {
		return 0
	}
	return fi.Size()
}

// logSince returns the last lines the server logged after offset, for error messages.
func (c *Cluster) logSince(offset int64) string {
	f, err := os.Open(c.logPath)
	if err != nil {
		return ""
	}
	defer f.Close()
	if _, err := f.Seek(offset, io.SeekStart); err != nil {
		return ""
	}
	b, err := io.ReadAll(io.LimitReader(f, 1<<20))
	if err != nil {
		return ""
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if len(lines) > 15 {
		lines = lines[len(lines)-15:]
	}
	return strings.Join(lines, "\n")
}

// stop asks the server for a fast shutdown (clients disconnected, data flushed) and waits for it.
func (p *serverProcess) stop() error {
	select {
	case <-p.exited:
		return nil
	default:
	}
	if err := p.cmd.Process.Signal(syscall.SIGINT); err != nil && !errors.Is(err, os.ErrProcessDone) {
		return fmt.Errorf("postgres: stop server: %w", err)
	}
	select {
	case <-p.exited:
		return nil
	case <-time.After(30 * time.Second):
		// Immediate shutdown: the next start replays the log, losing nothing committed.
		p.cmd.Process.Signal(syscall.SIGQUIT)
		<-p.exited
		return errors.New("postgres: server did not stop within 30s; it was stopped immediately")
	}
}

// describeExit says how a server process ended: "signal: killed", "exit status 1".
func describeExit(err error) string {
	if err == nil {
		return "exit status 0"
	}
	return err.Error()
}
