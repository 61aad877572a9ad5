package postgres

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// ClusterOptions describe a private PostgreSQL cluster.
type ClusterOptions struct {
	// DataDir holds the cluster. initdb creates it on first use; later starts reuse it.
	DataDir string
	// Throwaway trades durability for speed (fsync off): for test clusters whose data is discarded.
	Throwaway bool
	// Log receives what happens to the server beyond the ordinary: a stale postmaster.pid set
	// aside, a restart after a crash. Nil discards it.
	Log *slog.Logger
}

// Cluster is a private PostgreSQL server run from the machine's own server programs. It listens
// only on a Unix socket in a private directory, so nothing else on the machine can reach it over
// the network and two clusters never fight over a port.
//
// Several twincities processes may use one data directory at once (serve, and a staff command run
// beside it): the first starts the server as its child, the others attach to it through the
// socket its postmaster.pid names. A process stops only a server it started itself.
type Cluster struct {
	dataDir   string
	logPath   string
	lockPath  string
	binDir    string
	owner     serverUser
	throwaway bool
	log       *slog.Logger

	mu sync.Mutex
	// socketDir and port are where the server in use listens: ours, or another process's.
	socketDir string
	port      int
	// ownSocketDir is where servers this process starts listen; restarts keep it, so that
	// connection strings handed out before stay good.
	ownSocketDir string
	server       *serverProcess // the server this process started; nil while using another's
	attached     int            // the PID of another process's server in use; 0 when none
	down         *outage        // why the server is away, while supervised
	stopped      bool

	cancel     context.CancelFunc // ends supervision
	supervised chan struct{}      // closed when the supervisor has returned; nil without one
}

// superuser is the role initdb creates; the cluster is private, so trust authentication over the
// owner-only socket is the whole access control.
const superuser = "postgres"

// StartCluster creates the cluster if its directory is empty and starts the server, or attaches to
// the server another process already runs on it, and returns once the server accepts connections.
// A stale postmaster.pid (a crash) is dealt with; a server still letting go of a killed one's
// resources is waited for. The caller must Stop it.
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
	log := opts.Log
	if log == nil {
		log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	base := filepath.Join(filepath.Dir(dataDir), filepath.Base(dataDir))
	c := &Cluster{
		dataDir:   dataDir,
		logPath:   base + ".log",
		lockPath:  base + ".lock",
		binDir:    binDir,
		owner:     owner,
		throwaway: opts.Throwaway,
		log:       log,
	}
	// Conditions that pass by themselves are retried for a while, quickly at first.
	deadline := time.Now().Add(serverReadyWait)
	delay := 100 * time.Millisecond
	for {
		err := c.startOrAttach(ctx)
		if err == nil {
			return c, nil
		}
		var transient *transientError
		if !errors.As(err, &transient) || time.Now().Add(delay).After(deadline) {
			c.removeOwnSocketDir()
			return nil, err
		}
		select {
		case <-ctx.Done():
			c.removeOwnSocketDir()
			return nil, ctx.Err()
		case <-time.After(delay):
		}
		delay = min(2*delay, 2*time.Second)
	}
}

// URL is the connection string for database dbname on the server now in use.
func (c *Cluster) URL(dbname string) string {
	dir, port := c.endpoint()
	return clusterURL(dir, port, dbname)
}

// endpoint is the socket directory and port of the server now in use.
func (c *Cluster) endpoint() (string, int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.socketDir, c.port
}

func clusterURL(socketDir string, port int, dbname string) string {
	q := url.Values{"host": {socketDir}, "sslmode": {"disable"}}
	if port != defaultPort {
		q.Set("port", strconv.Itoa(port))
	}
	return (&url.URL{Scheme: "postgres", User: url.User(superuser), Path: "/" + dbname, RawQuery: q.Encode()}).String()
}

// Owned reports whether this process started the server in use, and so will stop it on Stop.
func (c *Cluster) Owned() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.server != nil
}

// EnsureDatabase creates database name on the cluster if it does not exist yet.
func (c *Cluster) EnsureDatabase(ctx context.Context, name string) error {
	conn, err := connect(ctx, c.URL("postgres"))
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
		// Another process (serve and a staff command starting together) may have created it
		// since we looked: PostgreSQL says so as duplicate_database, or, when both got that far
		// at once, as a unique violation in its catalogue.
		var pgErr *pgconn.PgError
		if errors.As(err, &pgErr) && (pgErr.Code == "42P04" || pgErr.Code == "23505") {
			return nil
		}
		return fmt.Errorf("postgres: create database %s: %w", name, err)
	}
	return nil
}

// Stop ends supervision, then asks the server this process started, if it runs one, for a fast
// shutdown (clients disconnected, data flushed) and waits for it. A server another process started
// is left running for it. Nothing is restarted after Stop.
func (c *Cluster) Stop() error {
	c.mu.Lock()
	if c.stopped {
		c.mu.Unlock()
		return nil
	}
	c.stopped = true
	cancel, supervised := c.cancel, c.supervised
	c.mu.Unlock()
	if cancel != nil {
		cancel()
		<-supervised
	}
	c.mu.Lock()
	p := c.server
	c.server, c.attached, c.down = nil, 0, nil
	c.mu.Unlock()
	var err error
	if p != nil {
		err = p.stop()
	}
	c.removeOwnSocketDir()
	return err
}

// removeOwnSocketDir removes the socket directory of this process's servers, once none runs.
func (c *Cluster) removeOwnSocketDir() {
	c.mu.Lock()
	dir := c.ownSocketDir
	c.ownSocketDir = ""
	c.mu.Unlock()
	if dir != "" {
		os.RemoveAll(dir)
	}
}
