package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"twincities/internal/postgres"
	"twincities/internal/store"
)

var (
	errBackupUsage  = errors.New("usage: twincities backup FILE")
	errRestoreUsage = errors.New("usage: twincities restore FILE (into an empty database)")
)

// fileArg is the one FILE argument of backup and restore.
func fileArg(args []string, usage error) (string, error) {
	if len(args) != 1 || args[0] == "" || strings.HasPrefix(args[0], "-") {
		return "", usage
	}
	return args[0], nil
}

// backupCommand runs "twincities backup FILE": the whole database, consistent, in pg_dump's
// custom format.
func backupCommand(ctx context.Context, a *App, args []string, stdout io.Writer) error {
	file, err := fileArg(args, errBackupUsage)
	if err != nil {
		return err
	}
	res, err := postgres.Backup(ctx, a.databaseURL(), file)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Backed up the database to %s (%s in %.1fs).\n", file, byteSize(res.Size), res.Duration.Seconds())
	return nil
}

// restoreCommand runs "twincities restore FILE": a backup into an empty database, whose schema
// is then brought up to date, since the backup may be older than this program.
func restoreCommand(ctx context.Context, a *App, args []string, stdout io.Writer) error {
	file, err := fileArg(args, errRestoreUsage)
	if err != nil {
		return err
	}
	if err := postgres.Restore(ctx, a.databaseURL(), file); err != nil {
		return err
	}
	m, err := postgres.NewMigrator(a.pool, a.log)
	if err != nil {
		return err
	}
	defer m.Close()
	if err := m.Up(ctx); err != nil {
		return fmt.Errorf("restored %s, but could not bring its schema up to date: %w", file, err)
	}
	version, err := m.Version(ctx)
	if err != nil {
		return err
	}
	// Issue 12, page cache: a server already running on this database drops its pages.
	if err := store.AnnounceChanges(ctx, a.pool); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Restored %s; the schema is at version %d.\n", file, version)
	return nil
}

// byteSize writes n bytes for people: "812 kB".
func byteSize(n int64) string {
	switch {
	case n < 1000:
		return fmt.Sprintf("%d bytes", n)
	case n < 1000*1000:
		return fmt.Sprintf("%.0f kB", float64(n)/1000)
	case n < 1000*1000*1000:
		return fmt.Sprintf("%.1f MB", float64(n)/1000/1000)
	}
	return fmt.Sprintf("%.2f GB", float64(n)/1000/1000/1000)
}
