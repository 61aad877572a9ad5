// Package app wires the application together: configuration, database, migrations, initial data
// and the web server. Run is the command line; App is what both Run and the tests start.
package app

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"path/filepath"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"twincities/internal/config"
	"twincities/internal/postgres"
	"twincities/internal/seed"
	"twincities/internal/web"
)

// localDatabase is the database name in the private cluster.
const localDatabase = "twincities"

// App is a running application: its database connection (and the local cluster it started, if
// any) and, once started, its web server.
type App struct {
	cfg     config.Config
	log     *slog.Logger
	cluster *postgres.Cluster // nil when DATABASE_URL names the database
	pool    *pgxpool.Pool
	server  *http.Server
	web     *web.Server
	served  chan error
}

// Open connects to the database of cfg. When cfg names none, that is the local cluster: the one
// another twincities process (serve, say) already runs, or one started here for this App.
func Open(ctx context.Context, cfg config.Config, log *slog.Logger) (*App, error) {
	a := &App{cfg: cfg, log: log}
	if cfg.DatabaseURL != "" {
		pool, err := postgres.OpenPool(ctx, cfg.DatabaseURL)
		if err != nil {
			return nil, err
		}
		a.pool = pool
		return a, nil
	}
	// The local cluster: started here, or the one serve (or another command) already runs.
	dir := filepath.Join(cfg.DataDir, "postgres")
	c, err := postgres.StartCluster(ctx, postgres.ClusterOptions{DataDir: dir, Log: log})
	if err != nil {
		return nil, err
	}
	a.cluster = c
	if c.Owned() { // (using one another process runs, the cluster says so itself)
		log.Info("started the local PostgreSQL cluster", "dir", dir)
	}
	if err := c.EnsureDatabase(ctx, localDatabase); err != nil {
		a.Close()
		return nil, err
	}
	pool, err := c.OpenPool(ctx, localDatabase)
	if err != nil {
		a.Close()
		return nil, err
	}
	a.pool = pool
	return a, nil
}

// databaseURL is the connection string of the application's database, for the client programs
// (pg_dump, pg_restore). It may hold DATABASE_URL's password: never log or show it.
func (a *App) databaseURL() string {
	if a.cluster != nil {
		return a.cluster.URL(localDatabase)
	}
	return a.cfg.DatabaseURL
}

// superviseDatabase has the local cluster, if there is one, restarted whenever it goes away, for
// as long as the App is open: what serve wants, and a one-off command does not need.
func (a *App) superviseDatabase() {
	if a.cluster != nil {
		a.cluster.Supervise()
	}
}

// databaseStatus says what is wrong with the local cluster, for /readyz; empty when nothing is
// known to be (and always with DATABASE_URL, whose server is someone else's to watch).
func (a *App) databaseStatus() string {
	if a.cluster == nil {
		return ""
	}
	return a.cluster.Status()
}

// Pool is the application's database pool.
func (a *App) Pool() *pgxpool.Pool { return a.pool }

// Migrate brings the schema to the latest version.
func (a *App) Migrate(ctx context.Context) error {
	m, err := postgres.NewMigrator(a.pool, a.log)
	if err != nil {
		return err
	}
	defer m.Close()
	return m.Up(ctx)
}

// Prepare migrates the schema and loads Perm's initial data into an empty database, and says
// whether it loaded it: what serve does before it listens, and all that the seed command does, so
// the two cannot come to prepare a database differently. Each caller tells of it in its own way.
func (a *App) Prepare(ctx context.Context) (loaded bool, err error) {
	if err := a.Migrate(ctx); err != nil {
		return false, err
	}
	return seed.Load(ctx, a.pool)
}

// Start listens on the configured address and serves in the background. It returns the address
// it listens on, which matters when the port is 0 (tests).
func (a *App) Start() (string, error) {
	ln, err := net.Listen("tcp", a.cfg.ListenAddr)
	if err != nil {
		return "", fmt.Errorf("app: listen on %s: %w", a.cfg.ListenAddr, err)
	}
	a.web = web.New(web.Deps{DB: a.pool, Log: a.log, BaseURL: a.cfg.BaseURL,
		SecureCookies: a.cfg.SecureCookies(), TrustProxy: a.cfg.TrustProxy, DatabaseStatus: a.databaseStatus,
		MessageRetention: a.cfg.MessageRetention, SendMail: mailer(a.cfg.SMTP),
		LinkCheck:      web.LinkCheck{Enabled: a.cfg.LinkCheck},
		PageCacheBytes: a.cfg.PageCacheBytes, PublicMaxAge: a.cfg.PublicMaxAge})
	a.server = &http.Server{
		Handler:           a.web.Routes(),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(a.log.Handler(), slog.LevelWarn),
	}
	a.served = make(chan error, 1)
	go func() { a.served <- a.server.Serve(ln) }()
	return ln.Addr().String(), nil
}

// Wait blocks until ctx is done (a signal) or the server fails, then shuts the server down,
// letting requests in flight finish for up to 15 seconds.
func (a *App) Wait(ctx context.Context) error {
	select {
	case err := <-a.served:
		return fmt.Errorf("app: server stopped: %w", err)
	case <-ctx.Done():
	}
	a.log.Info("shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	if err := a.server.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("app: shutdown: %w", err)
	}
	if err := <-a.served; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("app: server: %w", err)
	}
	return nil
}

// Close releases the database and stops the local cluster, if this App started one.
func (a *App) Close() error {
	if a.server != nil {
		a.server.Close()
	}
	if a.web != nil {
		a.web.Close()
	}
	if a.pool != nil {
		a.pool.Close()
	}
	if a.cluster != nil {
		if a.cluster.Owned() {
			a.log.Info("stopping the local PostgreSQL cluster")
		} else {
			a.log.Info("leaving the local PostgreSQL cluster running for the process that started it")
		}
		return a.cluster.Stop()
	}
	return nil
}
