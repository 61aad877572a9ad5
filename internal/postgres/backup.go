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
	"time"

	"github.com/jackc/pgx/v5"
)

// archiveMagic opens every archive in pg_dump's custom format.
const archiveMagic = "PGDMP"

// BackupResult describes a finished backup.
type BackupResult struct {
	Size     int64         // bytes written
	Duration time.Duration // from connecting to the file being in place
}

// Backup writes a consistent copy of the whole database at connString (schema and data, as one
// snapshot: pg_dump reads everything in one repeatable-read transaction, and the site may keep
// running) to file, in pg_dump's custom format. It runs the machine's pg_dump, of the server's
// major version or newer. The file only ever appears complete: the dump goes to a temporary file
// beside it, which is synced and then renamed. Its mode is 0600, for it holds staff accounts.
func Backup(ctx context.Context, connString, file string) (BackupResult, error) {
	start := time.Now()
	target, err := filepath.Abs(file)
	if err != nil {
		return BackupResult{}, fmt.Errorf("postgres: backup: %w", err)
	}
	major, err := serverMajor(ctx, connString)
	if err != nil {
		return BackupResult{}, fmt.Errorf("postgres: backup: %w", err)
	}
	pgDump, err := findClient(ctx, "pg_dump", major)
	if err != nil {
		return BackupResult{}, err
	}
	conn, password, err := clientConnString(connString)
	if err != nil {
		return BackupResult{}, err
	}
	// os.CreateTemp makes the file with mode 0600, before a byte is in it.
	tmp, err := os.CreateTemp(filepath.Dir(target), "."+filepath.Base(target)+".partial-")
	if err != nil {
		return BackupResult{}, fmt.Errorf("postgres: backup: %w", err)
	}
	done := false
	defer func() {
		if !done {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	cmd := exec.CommandContext(ctx, pgDump, "--format=custom", "--no-password", "--lock-wait-timeout=60s", "--dbname="+conn)
	cmd.Env = clientEnv(password)
	cmd.Stdout = tmp
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return BackupResult{}, fmt.Errorf("postgres: backup: pg_dump: %w\n%s", err, tail(stderr.Bytes()))
	}
	if err := checkArchive(tmp); err != nil {
		return BackupResult{}, fmt.Errorf("postgres: backup: pg_dump wrote no archive: %w", err)
	}
	if err := tmp.Sync(); err != nil {
		return BackupResult{}, fmt.Errorf("postgres: backup: %w", err)
	}
	fi, err := tmp.Stat()
	if err != nil {
		return BackupResult{}, fmt.Errorf("postgres: backup: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return BackupResult{}, fmt.Errorf("postgres: backup: %w", err)
	}
	if err := os.Rename(tmp.Name(), target); err != nil {
		return BackupResult{}, fmt.Errorf("postgres: backup: %w", err)
	}
	done = true
	// The rename is durable once the directory is synced too.
	if err := syncDir(filepath.Dir(target)); err != nil {
		return BackupResult{}, fmt.Errorf("postgres: backup: %w", err)
	}
	return BackupResult{Size: fi.Size(), Duration: time.Since(start)}, nil
}

// serverMajor connects to connString and returns the server's major version.
func serverMajor(ctx context.Context, connString string) (int, error) {
	conn, err := connect(ctx, connString)
	if err != nil {
		return 0, fmt.Errorf("connect to %s: %w", redact(connString), err)
	}
	defer conn.Close(ctx)
	return majorOfServer(ctx, conn)
}

func majorOfServer(ctx context.Context, conn *pgx.Conn) (int, error) {
	var num int
	if err := conn.QueryRow(ctx, "SELECT current_setting('server_version_num')::int").Scan(&num); err != nil {
		return 0, fmt.Errorf("server version: %w", err)
	}
	return num / 10000, nil
}

// checkArchive makes sure f starts as an archive in pg_dump's custom format does.
func checkArchive(f io.ReaderAt) error {
	b := make([]byte, len(archiveMagic))
	if _, err := f.ReadAt(b, 0); err != nil {
		if errors.Is(err, io.EOF) {
			return errors.New("the file is empty or too short")
		}
		return err
	}
	if string(b) != archiveMagic {
		return errors.New("the file is not in pg_dump's custom format")
	}
	return nil
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}

// tail is the end of a client program's error output, enough to say what went wrong.
func tail(b []byte) string {
	b = bytes.TrimSpace(b)
	if len(b) > 2000 {
		b = b[len(b)-2000:]
	}
	return string(b)
}
