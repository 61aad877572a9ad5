package config_test

import (
	"strings"
	"testing"
	"time"

	"twincities/internal/config"
)

// env is a getenv over a fixed set of variables, so the tests never read the process environment.
func env(kv ...string) func(string) string {
	m := map[string]string{}
	for i := 0; i+1 < len(kv); i += 2 {
		m[kv[i]] = kv[i+1]
	}
	return func(k string) string { return m[k] }
}

func TestFromEnvDefaults(t *testing.T) {
	t.Parallel()
	got, err := config.FromEnv(env())
	if err != nil {
		t.Fatalf("FromEnv with nothing set: %v", err)
	}
	want := config.Config{
		DatabaseURL: "",
		ListenAddr:  "127.0.0.1:8080",
		BaseURL:     "http://127.0.0.1:8080",
		DataDir:     ".data",

		MessageRetention: config.DefaultMessageRetention,
		LinkCheck:        true,
		PageCacheBytes:   config.DefaultPageCacheMB << 20,
	}
	if got != want {
		t.Errorf("FromEnv() = %+v, want %+v", got, want)
	}
	if got.SecureCookies() {
		t.Error("plain-http default asks for Secure cookies: the browser would drop them")
	}
}

func TestFromEnvOverrides(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		env  []string
		want config.Config
	}{
		{
			"everything set",
			[]string{
				"DATABASE_URL", "postgres://perm:secret@db.internal:5432/twincities?sslmode=disable",
				"LISTEN_ADDR", "0.0.0.0:9000",
				"BASE_URL", "https://sister-cities.gorodperm.ru",
				"DATA_DIR", "/var/lib/twincities",
			},
			config.Config{
				DatabaseURL: "postgres://perm:secret@db.internal:5432/twincities?sslmode=disable",
				ListenAddr:  "0.0.0.0:9000",
				BaseURL:     "https://sister-cities.gorodperm.ru",
				DataDir:     "/var/lib/twincities",
			},
		},
		{
			"base URL follows the listen address",
			[]string{"LISTEN_ADDR", "localhost:3000"},
			config.Config{ListenAddr: "localhost:3000", BaseURL: "http://localhost:3000", DataDir: ".data"},
		},
		{
			"IPv6 listen address",
			[]string{"LISTEN_ADDR", "[::1]:8080"},
			config.Config{ListenAddr: "[::1]:8080", BaseURL: "http://[::1]:8080", DataDir: ".data"},
		},
		{
			// ":8080" is a valid way to listen on every interface, but "http://:8080" is no address a
			// browser can follow: the derived base URL must name a host.
			"listen on every interface",
			[]string{"LISTEN_ADDR", ":8080"},
			config.Config{ListenAddr: ":8080", BaseURL: "http://localhost:8080", DataDir: ".data"},
		},
		{
			// Links are built as BaseURL + "/ru/...": a trailing slash would double it.
			"trailing slash trimmed",
			[]string{"BASE_URL", "https://example.org/"},
			config.Config{ListenAddr: "127.0.0.1:8080", BaseURL: "https://example.org", DataDir: ".data"},
		},
		{
			"several trailing slashes and spaces",
			[]string{"BASE_URL", "  https://example.org///  ", "LISTEN_ADDR", " 127.0.0.1:8081 ", "DATA_DIR", " data "},
			config.Config{ListenAddr: "127.0.0.1:8081", BaseURL: "https://example.org", DataDir: "data"},
		},
		{
			"blank values are unset",
			[]string{"DATABASE_URL", "  ", "LISTEN_ADDR", " ", "DATA_DIR", "\t"},
			config.Config{ListenAddr: "127.0.0.1:8080", BaseURL: "http://127.0.0.1:8080", DataDir: ".data"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := config.FromEnv(env(tt.env...))
			if err != nil {
				t.Fatalf("FromEnv: %v", err)
			}
			tt.want.MessageRetention = config.DefaultMessageRetention
			tt.want.LinkCheck = true // on unless LINKCHECK=off
			tt.want.PageCacheBytes = config.DefaultPageCacheMB << 20
			if got != tt.want {
				t.Errorf("FromEnv() = %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestFromEnvBadListenAddr(t *testing.T) {
	t.Parallel()
	for _, addr := range []string{"8080", "localhost", "localhost:", "http://localhost:8080", "/tmp/site.sock:80", "127.0.0.1:80:80"} {
		t.Run(addr, func(t *testing.T) {
			t.Parallel()
			// BASE_URL is set so that only LISTEN_ADDR can be at fault.
			_, err := config.FromEnv(env("LISTEN_ADDR", addr, "BASE_URL", "https://example.org"))
			if err == nil {
				t.Fatalf("LISTEN_ADDR=%q accepted", addr)
			}
			msg := err.Error()
			if !strings.Contains(msg, "LISTEN_ADDR") || !strings.Contains(msg, addr) {
				t.Errorf("error %q does not name LISTEN_ADDR and its value", msg)
			}
			if strings.Contains(msg, "BASE_URL") {
				t.Errorf("error %q blames BASE_URL too", msg)
			}
		})
	}
}

func TestFromEnvBadBaseURL(t *testing.T) {
	t.Parallel()
	for _, base := range []string{
		"example.org",
		"//example.org",
		"ftp://example.org",
		"mailto:webmaster@example.org",
		"https://",
		"https:example.org",
		"https://example.org/perm",
		"https://example.org/perm/",
		"https://example.org?lang=ru",
		"https://example.org/?lang=ru",
		"https://example.org?",
		"https://example.org#",
		// Every link is BaseURL + path; after a fragment the path would never reach the server.
		"https://example.org#top",
		// The base URL is printed into every page's hreflang links.
		"https://admin:secret@example.org",
		"http://:8080",
		"https://exa mple.org",
	} {
		t.Run(base, func(t *testing.T) {
			t.Parallel()
			_, err := config.FromEnv(env("BASE_URL", base))
			if err == nil {
				t.Fatalf("BASE_URL=%q accepted", base)
			}
			msg := err.Error()
			if !strings.Contains(msg, "BASE_URL") {
				t.Errorf("error %q does not name BASE_URL", msg)
			}
			if strings.Contains(msg, "LISTEN_ADDR") {
				t.Errorf("error %q blames LISTEN_ADDR too", msg)
			}
		})
	}
}

func TestFromEnvBadDatabaseURLHidesPassword(t *testing.T) {
	t.Parallel()
	const password = "Kama-River-1723"
	for _, dsn := range []string{
		"postgres://perm:" + password + "@db.internal:notaport/twincities",
		"postgres://perm:" + password + "@db.internal:5432/twincities?sslmode=sometimes",
		"postgres://perm:" + password + "@[::1/twincities",
		"host=db.internal password=" + password + " port=abc",
		"password=" + password + " nonsense",
	} {
		t.Run(dsn, func(t *testing.T) {
			t.Parallel()
			_, err := config.FromEnv(env("DATABASE_URL", dsn))
			if err == nil {
				t.Fatalf("DATABASE_URL=%q accepted", dsn)
			}
			msg := err.Error()
			if !strings.Contains(msg, "DATABASE_URL") {
				t.Errorf("error %q does not name DATABASE_URL", msg)
			}
			// Errors end up in logs and on the terminal of whoever starts the site.
			if strings.Contains(msg, password) {
				t.Errorf("error reveals the database password: %q", msg)
			}
		})
	}
}

func TestFromEnvGoodDatabaseURL(t *testing.T) {
	t.Parallel()
	for _, dsn := range []string{
		"postgres://perm:secret@localhost:5432/twincities",
		"postgresql://perm@localhost/twincities?sslmode=disable",
		"host=localhost port=5432 user=perm dbname=twincities",
	} {
		if _, err := config.FromEnv(env("DATABASE_URL", dsn)); err != nil {
			t.Errorf("DATABASE_URL=%q rejected: %v", dsn, err)
		}
	}
}

func TestFromEnvReportsEveryProblem(t *testing.T) {
	t.Parallel()
	_, err := config.FromEnv(env(
		"DATABASE_URL", "postgres://u:p@h:port/db",
		"LISTEN_ADDR", "nonsense",
		"BASE_URL", "ftp://x",
	))
	if err == nil {
		t.Fatal("three bad settings accepted")
	}
	for _, name := range []string{"DATABASE_URL", "LISTEN_ADDR", "BASE_URL"} {
		if !strings.Contains(err.Error(), name) {
			t.Errorf("error %q does not mention %s", err, name)
		}
	}
}

func TestSecureCookies(t *testing.T) {
	t.Parallel()
	tests := []struct {
		base string
		want bool
	}{
		{"https://example.org", true},
		{"http://example.org", false},
		{"http://127.0.0.1:8080", false},
		// URL schemes are case-insensitive and Validate accepts this one: so must SecureCookies.
		{"HTTPS://example.org", true},
		{"Https://example.org", true},
	}
	for _, tt := range tests {
		c, err := config.FromEnv(env("BASE_URL", tt.base))
		if err != nil {
			t.Fatalf("BASE_URL=%q: %v", tt.base, err)
		}
		if got := c.SecureCookies(); got != tt.want {
			t.Errorf("BASE_URL=%q: SecureCookies() = %v, want %v", tt.base, got, tt.want)
		}
	}
}

func TestBaseURLErrorNeverRepeatsAPassword(t *testing.T) {
	t.Parallel()
	_, err := config.FromEnv(func(k string) string {
		if k == "BASE_URL" {
			return "https://admin:hunter2secret@example.org"
		}
		return ""
	})
	if err == nil {
		t.Fatal("a BASE_URL with credentials was accepted")
	}
	if strings.Contains(err.Error(), "hunter2secret") {
		t.Errorf("the error repeats the password: %v", err)
	}
}

// The settings of the messages written to the department: their retention in days, and the mail
// server, which is all or nothing.
func TestFromEnvMessages(t *testing.T) {
	t.Parallel()
	got, err := config.FromEnv(env("MESSAGE_RETENTION_DAYS", "30", "SMTP_HOST", "smtp.example.org",
		"SMTP_USER", "site", "SMTP_PASSWORD", " secret ", "SMTP_FROM", "site@example.org", "SMTP_TO", "inbox@example.org"))
	if err != nil {
		t.Fatalf("FromEnv: %v", err)
	}
	if got.MessageRetention != 30*24*time.Hour {
		t.Errorf("MessageRetention = %v, want 30 days", got.MessageRetention)
	}
	want := config.SMTP{Host: "smtp.example.org", Port: 587, User: "site", Password: " secret ",
		From: "site@example.org", To: "inbox@example.org"}
	if got.SMTP != want || !got.SMTP.Enabled() || got.SMTP.Addr() != "smtp.example.org:587" {
		t.Errorf("SMTP = %+v, want %+v", got.SMTP, want)
	}
	if got, _ := config.FromEnv(env()); got.SMTP.Enabled() {
		t.Error("SMTP enabled with no SMTP_ settings")
	}
	for _, bad := range [][]string{
		{"MESSAGE_RETENTION_DAYS", "0"},
		{"MESSAGE_RETENTION_DAYS", "a year"},
		{"SMTP_TO", "inbox@example.org"},                                                                  // no host
		{"SMTP_HOST", "smtp.example.org", "SMTP_FROM", "site@example.org"},                                // no To
		{"SMTP_HOST", "smtp.example.org", "SMTP_FROM", "a@b.org", "SMTP_TO", "c@d.org", "SMTP_PORT", "x"}, // bad port
		{"SMTP_HOST", "smtp.example.org", "SMTP_FROM", "a@b.org", "SMTP_TO", "c@d.org", "SMTP_PASSWORD", "secret-pw"},
	} {
		_, err := config.FromEnv(env(bad...))
		if err == nil {
			t.Errorf("FromEnv(%q) accepted", bad)
		} else if strings.Contains(err.Error(), "secret-pw") {
			t.Errorf("FromEnv(%q) repeats the password: %v", bad, err)
		}
	}
}

func TestLinkCheckSwitch(t *testing.T) {
	t.Parallel()
	for v, want := range map[string]bool{"": true, "on": true, "ON": true, "true": true, "off": false, " off ": false, "0": false, "no": false} {
		c, err := config.FromEnv(env("LINKCHECK", v))
		if err != nil || c.LinkCheck != want {
			t.Errorf("LINKCHECK=%q: LinkCheck=%v err=%v, want %v", v, c.LinkCheck, err, want)
		}
	}
	if _, err := config.FromEnv(env("LINKCHECK", "sometimes")); err == nil || !strings.Contains(err.Error(), "LINKCHECK") {
		t.Errorf("LINKCHECK=sometimes: err = %v, want LINKCHECK named", err)
	}
}

func TestPageCacheSettings(t *testing.T) {
	t.Parallel()
	c, err := config.FromEnv(env("PAGE_CACHE_MB", " 0 ", "PUBLIC_MAX_AGE", "60"))
	if err != nil || c.PageCacheBytes != 0 || c.PublicMaxAge != time.Minute {
		t.Errorf("PAGE_CACHE_MB=0 PUBLIC_MAX_AGE=60: %d bytes, max age %v, err %v; want off and a minute", c.PageCacheBytes, c.PublicMaxAge, err)
	}
	c, err = config.FromEnv(env("PAGE_CACHE_MB", "128"))
	if err != nil || c.PageCacheBytes != 128<<20 || c.PublicMaxAge != 0 {
		t.Errorf("PAGE_CACHE_MB=128: %d bytes, max age %v, err %v; want 128 MiB and no max age", c.PageCacheBytes, c.PublicMaxAge, err)
	}
	for _, bad := range [][]string{
		{"PAGE_CACHE_MB", "-1"}, {"PAGE_CACHE_MB", "64MB"}, {"PAGE_CACHE_MB", "1e9"},
		{"PUBLIC_MAX_AGE", "-5"}, {"PUBLIC_MAX_AGE", "1m"}, {"PUBLIC_MAX_AGE", "999999"},
	} {
		_, err := config.FromEnv(env(bad...))
		if err == nil || !strings.Contains(err.Error(), bad[0]) || !strings.Contains(err.Error(), bad[1]) {
			t.Errorf("%s=%q: err = %v, want one naming the setting and its value", bad[0], bad[1], err)
		}
	}
}
