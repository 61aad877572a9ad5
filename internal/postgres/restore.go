package postgres

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"

	"github.com/jackc/pgx/v5"
	"github.com/pressly/goose/v3/lock"
)

// Restore loads file, a backup made by Backup, into the database at connString, which must be
// empty: with no table outside the system schemas. A database with tables is refused and left as
// it is, so that a restore never mixes with or overwrites data. pg_restore runs as one transaction
// that stops at the first error, so a failed restore leaves the database empty again; ownership
// and privileges are not restored, so everything belongs to the role connString names. The caller
// brings the schema up to date afterwards (an older backup has an older schema).
func Restore(ctx context.Context, connString, file string) error {
	file, err := filepath.Abs(file) // never taken for an option by pg_restore
	if err != nil {
		return fmt.Errorf("postgres: restore: %w", err)
	}
	f, err := os.Open(file)
	if err != nil {
		return fmt.Errorf("postgres: restore: %w", err)
	}
	err = checkArchive(f)
	f.Close()
	if err != nil {
		return fmt.Errorf("postgres: restore: %s is not a backup made by \"twincities backup\": %w", file, err)
	}
	conn, err := connect(ctx, connString)
	if err != nil {
		return fmt.Errorf("postgres: restore: connect to %s: %w", redact(connString), err)
	}
	defer conn.Close(context.Background())
	major, err := majorOfServer(ctx, conn)
	if err != nil {
		return fmt.Errorf("postgres: restore: %w", err)
	}
	pgRestore, err := findClient(ctx, "pg_restore", major)
	if err != nil {
		return err
	}
	// The migrations' lock, held for the whole restore: a site starting meanwhile waits for it
	// instead of creating a schema under the restore (and then finds the restored one).
	var locked bool
	if err := conn.QueryRow(ctx, "SELECT pg_try_advisory_lock($1)", lock.DefaultLockID).Scan(&locked); err != nil {
		return fmt.Errorf("postgres: restore: migration lock: %w", err)
	}
	if !locked {
		return fmt.Errorf("postgres: restore: another twincities process is migrating this database; stop the site and try again")
	}
	if err := checkEmpty(ctx, conn); err != nil {
		return err
	}
	target, password, err := clientConnString(connString)
	if err != nil {
		return err
	}
	cmd := exec.CommandContext(ctx, pgRestore, "--dbname="+target, "--no-password",
		"--exit-on-error", "--single-transaction", "--no-owner", "--no-privileges", file)
	cmd.Env = clientEnv(password)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("postgres: restore: pg_restore: %w (nothing was restored)\n%s", err, tail(out.Bytes()))
	}
	return nil
}

// checkEmpty refuses a database that has a table outside the system schemas.
func checkEmpty(ctx context.Context, conn *pgx.Conn) error {
	var (
		db      string
		tables  int
		example *string
	)
	err := conn.QueryRow(ctx, `
		SELECT current_database(), count(*), min(format('%I.%I', n.nspname, c.relname))
		FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
		WHERE c.relkind IN ('r', 'p', 'f')
		  AND n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\_%'`).Scan(&db, &tables, &example)
	if err != nil {
		return fmt.Errorf("postgres: restore: look for tables: %w", err)
	}
	if tables > 0 {
		return fmt.Errorf("postgres: restore: the database %s is not empty (it has %d tables, %s among them), and a backup "+
			"is restored only into an empty database so that nothing is overwritten; nothing was changed", db, tables, *example)
	}
	return nil
}
