package store

import (
	"context"
	"errors"
	"io"
	"net"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"
)

// Unavailable reports whether err means the database could not be reached or went away: a refused
// or lost connection, a server shutting down, starting up or full. That is a condition to wait
// out (the site answers 503), not a failure of a query of ours.
func Unavailable(err error) bool {
	if err == nil {
		return false
	}
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		switch pgErr.Code {
		case "57P01", // admin_shutdown
			"57P02", // crash_shutdown
			"57P03", // cannot_connect_now: starting up, shutting down, in recovery
			"53300": // too_many_connections
			return true
		}
		return strings.HasPrefix(pgErr.Code, "08") // connection_exception and its kinds
	}
	var connectErr *pgconn.ConnectError
	var netErr net.Error
	return errors.As(err, &connectErr) || errors.As(err, &netErr) ||
		errors.Is(err, pgconn.ErrConnClosed) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) ||
		pgconn.SafeToRetry(err)
}

// UnavailableReason says in a few words, for /readyz, why the database could not be used: the
// kind of failure, never the driver's message, which names hosts, sockets and users.
func UnavailableReason(err error) string {
	var pgErr *pgconn.PgError
	var connectErr *pgconn.ConnectError
	switch {
	case errors.Is(err, context.DeadlineExceeded) || pgconn.Timeout(err):
		return "the database server did not answer in time"
	case errors.As(err, &pgErr) && pgErr.Code == "57P03":
		return "the database server is starting up or shutting down"
	case errors.As(err, &pgErr) && (pgErr.Code == "57P01" || pgErr.Code == "57P02"):
		return "the database server is shutting down"
	case errors.As(err, &pgErr) && pgErr.Code == "53300":
		return "the database server has no free connections"
	case errors.As(err, &pgErr) && strings.HasPrefix(pgErr.Code, "28"):
		return "the database server refused the site's credentials"
	case errors.As(err, &pgErr) && pgErr.Code == "3D000":
		return "the database does not exist"
	case errors.As(err, &connectErr):
		return "the database server cannot be reached"
	case Unavailable(err):
		return "the connection to the database server was lost"
	}
	return "the database server answered with an error"
}

// Untypable reports whether the database refused text it cannot store: a NUL byte or a byte that
// is not UTF-8. Validation refuses such text first; this catches a field it missed.
func Untypable(err error) bool {
	var pgErr *pgconn.PgError
	return errors.As(err, &pgErr) && (pgErr.Code == "22021" || pgErr.Code == "22P05")
}
