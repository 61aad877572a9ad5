package postgres

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"log/slog"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jackc/pgx/v5/stdlib"
	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"

	"twincities/migrations"
)

// Migrator runs the embedded schema migrations. A PostgreSQL advisory lock held for the session
// makes concurrent starts (several app servers) take turns instead of racing.
type Migrator struct {
	db       *sql.DB
	provider *goose.Provider
}

// NewMigrator prepares migrations over pool; log receives one line per applied migration.
func NewMigrator(pool *pgxpool.Pool, log *slog.Logger) (*Migrator, error) {
	locker, err := lock.NewPostgresSessionLocker()
	if err != nil {
		return nil, fmt.Errorf("postgres: migration lock: %w", err)
	}
	if log == nil {
		log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	db := stdlib.OpenDBFromPool(pool)
	provider, err := goose.NewProvider(goose.DialectPostgres, db, migrations.FS,
		goose.WithSessionLocker(locker),
		goose.WithDisableGlobalRegistry(true),
		goose.WithSlog(log),
	)
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("postgres: migrations: %w", err)
	}
	return &Migrator{db: db, provider: provider}, nil
}

// Up applies every pending migration.
func (m *Migrator) Up(ctx context.Context) error {
	if _, err := m.provider.Up(ctx); err != nil {
		return fmt.Errorf("postgres: migrate up: %w", err)
	}
	return nil
}

// Down rolls back the latest applied migration.
func (m *Migrator) Down(ctx context.Context) error {
	if _, err := m.provider.Down(ctx); err != nil {
		return fmt.Errorf("postgres: migrate down: %w", err)
	}
	return nil
}

// DownToZero rolls back every migration: an empty schema. For tests of the down migrations.
func (m *Migrator) DownToZero(ctx context.Context) error {
	if _, err := m.provider.DownTo(ctx, 0); err != nil {
		return fmt.Errorf("postgres: migrate down to 0: %w", err)
	}
	return nil
}

// Status writes one line per migration: its version, file and when it was applied.
func (m *Migrator) Status(ctx context.Context, w io.Writer) error {
	statuses, err := m.provider.Status(ctx)
	if err != nil {
		return fmt.Errorf("postgres: migration status: %w", err)
	}
	for _, s := range statuses {
		applied := "pending"
		if s.State == goose.StateApplied {
			applied = "applied " + s.AppliedAt.UTC().Format("2006-01-02 15:04:05 UTC")
		}
		fmt.Fprintf(w, "%5d  %-40s %s\n", s.Source.Version, s.Source.Path, applied)
	}
	return nil
}

// Version is the latest applied migration, 0 for an empty schema.
func (m *Migrator) Version(ctx context.Context) (int64, error) {
	v, err := m.provider.GetDBVersion(ctx)
	if err != nil {
		return 0, fmt.Errorf("postgres: schema version: %w", err)
	}
	return v, nil
}

// Close releases the migration connection; the pool stays open.
func (m *Migrator) Close() error { return m.db.Close() }
