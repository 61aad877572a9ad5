package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"runtime/debug"

	"twincities/internal/config"
	"twincities/internal/postgres"
)

const usage = `twincities: the website of the City of Perm about its international and inter-municipal relations.

Usage:
  twincities [serve]                 migrate, load the initial data into an empty database, and serve
  twincities migrate up|down|status  change or show the database schema
  twincities seed                    load the initial data into an empty database
  twincities seed --generated N      add clearly marked fake test data for measuring at size: N cities,
                                     10N events, 5N news, N awards, N organisations (N from 1 to 10000);
                                     refused unless the database holds only the standard initial data
                                     (no staff change, no entry of its own) and no generated data yet
  twincities user add --email E --name N --role admin|publisher|editor
                                     add a staff account (password from standard input)
  twincities user passwd --email E   set a new password (from standard input); ends their sessions
  twincities user disable --email E  disable an account; ends its sessions at once
  twincities user reset-2fa --email E
                                     remove the account's second factor (a lost phone); ends its sessions
  twincities backup FILE             write a backup of the whole database to FILE (pg_dump's custom
                                     format, mode 0600); the site may keep running
  twincities restore FILE            restore a backup into an EMPTY database, then migrate it up
  twincities help                    show this text

Staff commands (user, migrate, seed, backup, restore) work whether or not the site is running:
with the local cluster they use the server that serve runs, or start one for themselves.

Settings come from the environment:
  DATABASE_URL  PostgreSQL connection string; unset: a private cluster under DATA_DIR/postgres
  LISTEN_ADDR   address to serve on (default 127.0.0.1:8080)
  BASE_URL      the site's public address (default http://LISTEN_ADDR, localhost when it names no host)
  DATA_DIR      where the private cluster lives (default .data)
  TRUST_PROXY   true behind a reverse proxy that sets X-Forwarded-For (default false)
  LINKCHECK     off stops the daily check of the entries' links (default on)
  GOMEMLIMIT    the Go runtime's soft memory limit for serve (default 768MiB)
`

// ErrUsage is returned for a command line that names no known command.
var ErrUsage = errors.New("unknown command; run \"twincities help\"")

// Run is the command line: args are the arguments after the program name, getenv reads the
// environment, stdin gives passwords, stdout takes command output and stderr the log. ctx ends on
// SIGINT or SIGTERM.
func Run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	cmd := "serve"
	if len(args) > 0 {
		cmd, args = args[0], args[1:]
	}
	if cmd == "help" || cmd == "-h" || cmd == "--help" {
		fmt.Fprint(stdout, usage)
		return nil
	}
	cfg, err := config.FromEnv(getenv)
	if err != nil {
		return err
	}
	log := slog.New(slog.NewTextHandler(stderr, nil))
	switch cmd {
	case "serve":
		if len(args) > 0 {
			return ErrUsage
		}
		return serve(ctx, cfg, log, getenv, stdout)
	case "migrate":
		return migrate(ctx, cfg, log, args, stdout)
	case "user":
		return withApp(ctx, cfg, log, func(a *App) error {
			if err := a.Migrate(ctx); err != nil {
				return err
			}
			return userCommand(ctx, a, args, stdin, stdout, stderr)
		})
	case "backup":
		return withApp(ctx, cfg, log, func(a *App) error { return backupCommand(ctx, a, args, stdout) })
	case "restore":
		return withApp(ctx, cfg, log, func(a *App) error { return restoreCommand(ctx, a, args, stdout) })
	case "seed":
		n, err := generatedScale(args)
		if err != nil {
			return err
		}
		return withApp(ctx, cfg, log, func(a *App) error {
			if n > 0 {
				return generateCommand(ctx, a, n, stdout)
			}
			loaded, err := a.Prepare(ctx)
			if err != nil {
				return err
			}
			if loaded {
				fmt.Fprintln(stdout, "Loaded the initial data.")
			} else {
				fmt.Fprintln(stdout, "The database already has content; nothing was changed.")
			}
			return nil
		})
	}
	return ErrUsage
}

// withApp opens the application's database for fn and closes it after, whatever fn returns.
func withApp(ctx context.Context, cfg config.Config, log *slog.Logger, fn func(*App) error) error {
	a, err := Open(ctx, cfg, log)
	if err != nil {
		return err
	}
	return errors.Join(fn(a), a.Close())
}

// defaultMemoryLimit is the Go runtime's soft memory limit for serve when GOMEMLIMIT does not set
// one: past it the garbage collector works harder and returns memory sooner. It leaves room for
// the worst the bounded work can take at once: two image uploads being processed and a password
// check per core.
const defaultMemoryLimit = 768 << 20

func serve(ctx context.Context, cfg config.Config, log *slog.Logger, getenv func(string) string, stdout io.Writer) error {
	if getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(defaultMemoryLimit)
	}
	return withApp(ctx, cfg, log, func(a *App) error {
		a.superviseDatabase()
		loaded, err := a.Prepare(ctx)
		if err != nil {
			return err
		}
		if loaded {
			log.Info("loaded the initial data into the empty database")
		}
		addr, err := a.Start()
		if err != nil {
			return err
		}
		log.Info("serving", "addr", addr, "url", "http://"+addr+"/")
		fmt.Fprintf(stdout, "twincities is serving http://%s/ (Ctrl-C stops it)\n", addr)
		return a.Wait(ctx)
	})
}

func migrate(ctx context.Context, cfg config.Config, log *slog.Logger, args []string, stdout io.Writer) error {
	if len(args) != 1 || (args[0] != "up" && args[0] != "down" && args[0] != "status") {
		return errors.New("usage: twincities migrate up|down|status")
	}
	return withApp(ctx, cfg, log, func(a *App) error {
		m, err := postgres.NewMigrator(a.pool, log)
		if err != nil {
			return err
		}
		defer m.Close()
		switch args[0] {
		case "up":
			err = m.Up(ctx)
		case "down":
			err = m.Down(ctx)
		}
		if err != nil {
			return err
		}
		return m.Status(ctx, stdout)
	})
}
