// Package postgres connects the application to PostgreSQL: the connection pool, the schema
// migrations, and the private local cluster used when no DATABASE_URL is given.
package postgres

import (
	"context"
	"fmt"
	"runtime"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// DefaultMaxConns bounds the pool when DATABASE_URL does not (pool_max_conns): two connections a
// core the server may use, at least 4. Measured with make bench-http on 2 cores, the database on
// the same machine (issue 12): with 16 connections, uncached pages were served 20–25 % slower
// than with 4 or 8, the database's many processes competing with the server for the same cores,
// and the slowest requests took twice as long.
func DefaultMaxConns() int32 { return int32(max(4, 2*runtime.GOMAXPROCS(0))) }

// OpenPool connects to databaseURL and checks the server answers.
func OpenPool(ctx context.Context, databaseURL string) (*pgxpool.Pool, error) {
	cfg, err := poolConfig(databaseURL)
	if err != nil {
		return nil, err
	}
	return openPool(ctx, cfg)
}

// poolConfig is the pool's configuration for databaseURL: its pool_max_conns where it sets one,
// else DefaultMaxConns.
func poolConfig(databaseURL string) (*pgxpool.Config, error) {
	cfg, err := pgxpool.ParseConfig(databaseURL)
	if err != nil {
		return nil, fmt.Errorf("postgres: parse DATABASE_URL: %w", err)
	}
	if !strings.Contains(databaseURL, "pool_max_conns") {
		cfg.MaxConns = DefaultMaxConns()
	}
	return cfg, nil
}

// OpenPool connects to database dbname of the cluster. Every new connection goes to wherever the
// cluster's server listens at that moment, so after the supervisor has brought the server back
// (or moved to the one another process started), the pool reconnects by itself.
func (c *Cluster) OpenPool(ctx context.Context, dbname string) (*pgxpool.Pool, error) {
	cfg, err := poolConfig(c.URL(dbname))
	if err != nil {
		return nil, fmt.Errorf("postgres: cluster pool: %w", err)
	}
	cfg.BeforeConnect = func(_ context.Context, cc *pgx.ConnConfig) error {
		dir, port := c.endpoint()
		cc.Host, cc.Port = dir, uint16(port)
		return nil
	}
	return openPool(ctx, cfg)
}

func openPool(ctx context.Context, cfg *pgxpool.Config) (*pgxpool.Pool, error) {
	cfg.MinConns = 0
	cfg.MaxConnIdleTime = 5 * time.Minute
	cfg.ConnConfig.ConnectTimeout = 5 * time.Second
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("postgres: open pool: %w", err)
	}
	pingCtx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := pool.Ping(pingCtx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("postgres: connect to %s: %w", redact(cfg.ConnString()), err)
	}
	return pool, nil
}
