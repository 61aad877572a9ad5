// Package postgres connects the application to PostgreSQL: the connection pool, the schema
// migrations, and the private local cluster used when no DATABASE_URL is given.
package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// MaxConns bounds the pool. pgxpool's default (the number of CPUs, at least 4) is too small for a
// web server that also keeps sessions in the database, and too large to leave to chance.
const MaxConns = 16

// OpenPool connects to databaseURL and checks the server answers.
func OpenPool(ctx context.Context, databaseURL string) (*pgxpool.Pool, error) {
	cfg, err := pgxpool.ParseConfig(databaseURL)
	if err != nil {
		return nil, fmt.Errorf("postgres: parse DATABASE_URL: %w", err)
	}
	return openPool(ctx, cfg)
}

// OpenPool connects to database dbname of the cluster. Every new connection goes to wherever the
// cluster's server listens at that moment, so after the supervisor has brought the server back
// (or moved to the one another process started), the pool reconnects by itself.
func (c *Cluster) OpenPool(ctx context.Context, dbname string) (*pgxpool.Pool, error) {
	cfg, err := pgxpool.ParseConfig(c.URL(dbname))
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
	cfg.MaxConns = MaxConns
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
