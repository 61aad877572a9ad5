// Package config reads the application's settings from the environment and checks them before
// anything starts, so a mistake is one clear sentence rather than a failure half-way through.
package config

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
)

// Config is every setting the application takes.
type Config struct {
	// DatabaseURL points at the PostgreSQL database. Empty: a private cluster under DataDir.
	DatabaseURL string
	// ListenAddr is the host:port the web server listens on.
	ListenAddr string
	// BaseURL is the site's public address, for absolute links (hreflang) and secure cookies.
	BaseURL string
	// DataDir holds the local PostgreSQL cluster when DatabaseURL is empty.
	DataDir string
	// TrustProxy takes the client's address from X-Forwarded-For (for the sign-in throttle). Set it
	// only behind a reverse proxy that sets that header; otherwise clients could claim any address.
	TrustProxy bool
	// MessageRetention is how long a message written to the department is kept (personal data,
	// 152-FZ): the server deletes older ones.
	MessageRetention time.Duration
	// SMTP forwards each new message by e-mail when its Host is set.
	SMTP SMTP
	// LinkCheck runs the daily background check of the links in the entries (LINKCHECK, on
	// unless off).
	LinkCheck bool
	// Issue 12, page cache: PageCacheBytes is the memory the cached public pages may take
	// (PAGE_CACHE_MB, 0 off); PublicMaxAge, how long browsers and shared caches may keep a public
	// page without asking again (PUBLIC_MAX_AGE).
	PageCacheBytes int64
	PublicMaxAge   time.Duration
}

// Defaults used when a variable is unset.
const (
	DefaultListenAddr = "127.0.0.1:8080"
	DefaultDataDir    = ".data"
)

// FromEnv reads the settings through getenv (os.Getenv in production, a map in tests) and
// validates them.
func FromEnv(getenv func(string) string) (Config, error) {
	c := Config{
		DatabaseURL: strings.TrimSpace(getenv("DATABASE_URL")),
		ListenAddr:  strings.TrimSpace(getenv("LISTEN_ADDR")),
		BaseURL:     strings.TrimRight(strings.TrimSpace(getenv("BASE_URL")), "/"),
		DataDir:     strings.TrimSpace(getenv("DATA_DIR")),
	}
	trustProxy := strings.TrimSpace(getenv("TRUST_PROXY"))
	if c.ListenAddr == "" {
		c.ListenAddr = DefaultListenAddr
	}
	if c.DataDir == "" {
		c.DataDir = DefaultDataDir
	}
	if c.BaseURL == "" {
		// ":8080" listens on every interface, but "http://:8080" is no address to link to.
		host := c.ListenAddr
		if strings.HasPrefix(host, ":") {
			host = "localhost" + host
		}
		c.BaseURL = "http://" + host
	}
	switch strings.ToLower(trustProxy) {
	case "", "false", "0", "no":
	case "true", "1", "yes":
		c.TrustProxy = true
	default:
		return c, fmt.Errorf("config: TRUST_PROXY %q is not true or false", trustProxy)
	}
	errs := append(c.readMessages(getenv), c.readLinkCheck(getenv)...)
	errs = append(errs, c.readPageCache(getenv)...)
	if len(errs) > 0 {
		// Every problem at once: the others' too.
		if err := c.Validate(); err != nil {
			errs = append([]error{errors.Unwrap(err)}, errs...)
		}
		return c, fmt.Errorf("config: %w", errors.Join(errs...))
	}
	return c, c.Validate()
}

// Validate reports every bad setting at once, each with what is wrong and what is expected.
func (c Config) Validate() error {
	var errs []error
	if c.DatabaseURL != "" {
		if _, err := pgx.ParseConfig(c.DatabaseURL); err != nil {
			// The parse error may quote the URL, password included: say what is wrong without it.
			errs = append(errs, errors.New("DATABASE_URL is not a PostgreSQL connection string "+
				"(expected postgres://user:password@host:5432/dbname)"))
		}
	}
	if host, port, err := net.SplitHostPort(c.ListenAddr); err != nil || port == "" || strings.Contains(host, "/") {
		errs = append(errs, fmt.Errorf("LISTEN_ADDR %q is not host:port (expected, for example, 127.0.0.1:8080 or :8080)", c.ListenAddr))
	}
	// Links are BaseURL + path and are printed in every page: no query or fragment to break them,
	// no credentials to publish, and a host name, not just a port.
	if u, err := url.Parse(c.BaseURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Hostname() == "" ||
		(u.Path != "" && u.Path != "/") || strings.ContainsAny(c.BaseURL, "?#") || u.User != nil {
		shown := c.BaseURL
		if err == nil && u.User != nil {
			shown = u.Redacted() // never repeat a password, even a misplaced one
		}
		errs = append(errs, fmt.Errorf("BASE_URL %q is not the site's address (expected, for example, https://example.org)", shown))
	}
	if len(errs) > 0 {
		return fmt.Errorf("config: %w", errors.Join(errs...))
	}
	return nil
}

// SecureCookies reports whether cookies must be marked Secure: when the site is served over https.
// The scheme is compared as url.Parse reads it, case-insensitively, as Validate does.
func (c Config) SecureCookies() bool {
	u, err := url.Parse(c.BaseURL)
	return err == nil && u.Scheme == "https"
}
