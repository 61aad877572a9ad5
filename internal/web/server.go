// Package web is the site's HTTP layer: every route, the handlers that read from the store and
// render templates, the middleware, and the one place where errors become status codes.
package web

import (
	"log/slog"

	"github.com/jackc/pgx/v5/pgxpool"
)

// Server holds what the handlers depend on. Handlers are its methods; there are no globals.
type Server struct {
	db      *pgxpool.Pool
	log     *slog.Logger
	baseURL string
}

// Deps are the Server's dependencies.
type Deps struct {
	DB      *pgxpool.Pool
	Log     *slog.Logger
	BaseURL string // the site's public address, without a trailing slash
}

// New returns a Server for deps.
func New(d Deps) *Server {
	return &Server{db: d.DB, log: d.Log, baseURL: d.BaseURL}
}
