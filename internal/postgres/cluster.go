package postgres

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5"
)

// ClusterOptions describe a private PostgreSQL cluster.
type ClusterOptions struct {
	// DataDir holds the cluster. initdb creates it on first use; later starts reuse it.
	DataDir string
	// Throwaway trades durability for speed (fsync off): for test clusters whose data is discarded.
	Throwaway bool
}

// Cluster is a PostgreSQL server run from the machine's own server programs, as a child of this
// process. It listens only on a Unix socket in a private directory, so nothing else on the machine
// can reach it over the network and two clusters never fight over a port.
type Cluster struct {
	dataDir   string
	socketDir string
	logPath   string
	cmd       *exec.Cmd
	exited    chan struct{}
	exitErr   error
}

// superuser is the role initdb creates; the cluster is private, so trust authentication over the
// owner-only socket is the whole access control.
const superuser = "postgres"

// StartCluster creates the cluster if its directory is empty, starts the server and waits until it
// accepts connections. The caller must Stop it.
func StartCluster(ctx context.Context, opts ClusterOptions) (*Cluster, error) {
	binDir, err := findServerBinaries()
	if err != nil {
		return nil, err
	}
	owner, err := currentServerUser()
	if err != nil {
		return nil, err
	}
	dataDir, err := filepath.Abs(opts.DataDir)
	if err != nil {
		return nil, fmt.Errorf("postgres: data directory: %w", err)
	}
	if err := os.MkdirAll(filepath.Dir(dataDir), 0o755); err != nil {
		return nil, fmt.Errorf("postgres: create %s: %w", filepath.Dir(dataDir), err)
	}
	if err := owner.checkReachable(dataDir); err != nil {
		return nil, err
	}
	if err := initCluster(ctx, binDir, dataDir, owner); err != nil {
		return nil, err
	}

	// A short path: Unix socket paths are limited to about 100 bytes, and a project may live deep.
	socketDir, err := os.MkdirTemp("", "twincities-pg-")
	if err != nil {
		return nil, fmt.Errorf("postgres: socket directory: %w", err)
	}
	if err := owner.chown(socketDir); err != nil {
		os.RemoveAll(socketDir)
		return nil, fmt.Errorf("postgres: socket directory: %w", err)
	}
	c := &Cluster{
		dataDir:   dataDir,
		socketDir: socketDir,
		logPath:   filepath.Join(filepath.Dir(dataDir), filepath.Base(dataDir)+".log"),
		exited:    make(chan struct{}),
	}
	if err := c.start(binDir, owner, opts.Throwaway); err != nil {
		os.RemoveAll(socketDir)
		return nil, err
	}
	if err := c.waitReady(ctx); err != nil {
		c.Stop()
		return nil, err
	}
	return c, nil
}

// initCluster runs initdb when dataDir does not hold a cluster yet.
func initCluster(ctx context.Context, binDir, dataDir string, owner serverUser) error {
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
	cmd := exec.CommandContext(ctx, filepath.Join(binDir, "initdb"),
		"--pgdata", dataDir, "--username", superuser, "--auth", "trust",
		"--encoding", "UTF8", "--locale", "C.UTF-8", "--no-instructions")
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: owner.cred}
	// initdb changes into no directory of its own; a cwd the server user cannot read breaks it.
	cmd.Dir = os.TempDir()
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("postgres: initdb %s: %w\n%s", dataDir, err, bytes.TrimSpace(out))
	}
	return nil
}

func (c *Cluster) start(binDir string, owner serverUser, throwaway bool) error {
	logFile, err := os.OpenFile(c.logPath, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return fmt.Errorf("postgres: server log: %w", err)
	}
	args := []string{
		"-D", c.dataDir,
		"-k", c.socketDir,
		"-c", "listen_addresses=",
		"-c", "unix_socket_permissions=0700",
		"-c", "max_connections=100",
	}
	if throwaway {
		args = append(args, "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off")
	}
	cmd := exec.Command(filepath.Join(binDir, "postgres"), args...)
	cmd.Dir = os.TempDir()
	cmd.Stdout, cmd.Stderr = logFile, logFile
	cmd.SysProcAttr = &syscall.SysProcAttr{
		Credential: owner.cred,
		// Its own process group: Ctrl-C in the terminal reaches us, not the server, so we can
		// finish the requests in flight before stopping it ourselves.
		Setpgid: true,
		// If we die without stopping it, the kernel asks it for a fast, clean shutdown.
		Pdeathsig: syscall.SIGINT,
	}
	if err := cmd.Start(); err != nil {
		logFile.Close()
		return fmt.Errorf("postgres: start server: %w", err)
	}
	c.cmd = cmd
	go func() {
		c.exitErr = cmd.Wait()
		logFile.Close()
		close(c.exited)
	}()
	return nil
}

// waitReady polls until the server answers, it exits, or half a minute passes.
func (c *Cluster) waitReady(ctx context.Context) error {
	deadline := time.Now().Add(30 * time.Second)
	for {
		conn, err := pgx.Connect(ctx, c.URL("postgres"))
		if err == nil {
			conn.Close(ctx)
			return nil
		}
		select {
		case <-c.exited:
			return fmt.Errorf("postgres: server stopped while starting (%v); is another twincities already using %s?\n%s",
				c.exitErr, c.dataDir, c.logTail())
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(50 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("postgres: server did not accept connections within 30s: %w\n%s", err, c.logTail())
		}
	}
}

// logTail returns the last lines of the server log, for error messages.
func (c *Cluster) logTail() string {
	b, err := os.ReadFile(c.logPath)
	if err != nil {
		return ""
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if len(lines) > 15 {
		lines = lines[len(lines)-15:]
	}
	return strings.Join(lines, "\n")
}

// URL is the connection string for database dbname on this cluster.
func (c *Cluster) URL(dbname string) string {
	q := url.Values{"host": {c.socketDir}, "sslmode": {"disable"}}
	return (&url.URL{Scheme: "postgres", User: url.User(superuser), Path: "/" + dbname, RawQuery: q.Encode()}).String()
}

// EnsureDatabase creates database name on the cluster if it does not exist yet.
func (c *Cluster) EnsureDatabase(ctx context.Context, name string) error {
	conn, err := pgx.Connect(ctx, c.URL("postgres"))
	if err != nil {
		return fmt.Errorf("postgres: connect: %w", err)
	}
	defer conn.Close(ctx)
	var exists bool
	if err := conn.QueryRow(ctx, "SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)", name).Scan(&exists); err != nil {
		return fmt.Errorf("postgres: look up database %s: %w", name, err)
	}
	if exists {
		return nil
	}
	if _, err := conn.Exec(ctx, "CREATE DATABASE "+pgx.Identifier{name}.Sanitize()); err != nil {
		return fmt.Errorf("postgres: create database %s: %w", name, err)
	}
	return nil
}

// Stop asks the server for a fast shutdown (clients disconnected, data flushed) and waits for it.
func (c *Cluster) Stop() error {
	defer os.RemoveAll(c.socketDir)
	if c.cmd == nil || c.cmd.Process == nil {
		return nil
	}
	select {
	case <-c.exited:
		return nil
	default:
	}
	if err := c.cmd.Process.Signal(syscall.SIGINT); err != nil && !errors.Is(err, os.ErrProcessDone) {
		return fmt.Errorf("postgres: stop server: %w", err)
	}
	select {
	case <-c.exited:
		return nil
	case <-time.After(30 * time.Second):
		// Immediate shutdown: the next start replays the log, losing nothing committed.
		c.cmd.Process.Signal(syscall.SIGQUIT)
		<-c.exited
		return errors.New("postgres: server did not stop within 30s; it was stopped immediately")
	}
}
