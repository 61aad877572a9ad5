package postgres

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"
)

func TestClientConnStringTakesThePasswordOffTheCommandLine(t *testing.T) {
	// pgconn.ParseConfig, used below to compare, would fill a missing password from these.
	t.Setenv("PGPASSWORD", "")
	t.Setenv("PGPASSFILE", os.DevNull)
	for _, c := range []struct {
		name, in, password string
	}{
		{"URL", "postgres://app:s3cr%40t@db.internal:5432/twincities?sslmode=require", "s3cr@t"},
		{"URL with pgx-only settings", "postgresql://app:pw@db.internal/twincities?pool_max_conns=4&statement_cache_capacity=10&sslmode=disable", "pw"},
		{"URL with password parameter", "postgres://app@db.internal/twincities?password=in%20query&sslmode=disable", "in query"},
		{"URL without password", "postgres://app@db.internal/twincities?sslmode=disable", ""},
		{"keyword/value", "host=db.internal port=5432 user=app password=plain dbname=twincities sslmode=disable", "plain"},
		{"keyword/value quoted", `host = db.internal user='app' password='it\'s a \\ secret' dbname=twincities sslmode=disable`, `it's a \ secret`},
		{"keyword/value escaped", `host=db.internal user=app password=a\ b dbname=twin\'cities sslmode=disable`, "a b"},
	} {
		t.Run(c.name, func(t *testing.T) {
			conn, password, err := clientConnString(c.in)
			if err != nil {
				t.Fatal(err)
			}
			if password != c.password {
				t.Errorf("password = %q, want %q", password, c.password)
			}
			if c.password != "" && strings.Contains(conn, c.password) {
				t.Errorf("the password is still in %q", conn)
			}
			for _, key := range []string{"pool_max_conns", "statement_cache_capacity"} {
				if strings.Contains(conn, key) {
					t.Errorf("%q keeps %s, which libpq refuses", conn, key)
				}
			}
			// The rest means the same connection as before.
			want, err := pgconn.ParseConfig(c.in)
			if err != nil {
				t.Fatal(err)
			}
			got, err := pgconn.ParseConfig(conn)
			if err != nil {
				t.Fatalf("%q: %v", conn, err)
			}
			if got.Host != want.Host || got.Port != want.Port || got.User != want.User || got.Database != want.Database ||
				(got.TLSConfig == nil) != (want.TLSConfig == nil) {
				t.Errorf("%q connects to %s@%s:%d/%s, want %s@%s:%d/%s", conn, got.User, got.Host, got.Port, got.Database,
					want.User, want.Host, want.Port, want.Database)
			}
			if got.Password != "" {
				t.Errorf("%q still carries a password", conn)
			}
		})
	}
}

func TestClientConnStringRefusesWithoutRepeatingIt(t *testing.T) {
	for _, in := range []string{"host=db password='never closed", "password", "postgres://app:pw@[bad/x"} {
		_, _, err := clientConnString(in)
		if err == nil {
			t.Errorf("%q: no error", in)
			continue
		}
		if strings.Contains(err.Error(), "pw") || strings.Contains(err.Error(), "never closed") {
			t.Errorf("the error repeats the connection string: %v", err)
		}
	}
}

func TestClientEnvCarriesThePassword(t *testing.T) {
	t.Setenv("PGPASSWORD", "inherited")
	count := func(env []string) (n int, value string) {
		for _, kv := range env {
			if v, ok := strings.CutPrefix(kv, "PGPASSWORD="); ok {
				n++
				value = v
			}
		}
		return n, value
	}
	if n, v := count(clientEnv("from the URL")); n != 1 || v != "from the URL" {
		t.Errorf("with a password: %d PGPASSWORD, %q", n, v)
	}
	if n, v := count(clientEnv("")); n != 1 || v != "inherited" {
		t.Errorf("without one: %d PGPASSWORD, %q; want the inherited one kept", n, v)
	}
	if len(clientEnv("x")) != len(os.Environ()) {
		t.Error("other variables were lost")
	}
}

func TestFindClientSaysWhatIsMissing(t *testing.T) {
	ctx := context.Background()
	path, err := findClient(ctx, "pg_dump", 9)
	if err != nil {
		t.Fatalf("no pg_dump on a machine with the PostgreSQL server: %v", err)
	}
	major, ok := programMajor(ctx, path)
	if !ok || major < 9 {
		t.Errorf("%s: version %d, %v", path, major, ok)
	}
	// A server newer than every pg_dump here.
	_, err = findClient(ctx, "pg_dump", 999)
	if err == nil || !strings.Contains(err.Error(), "PostgreSQL 999") || !strings.Contains(err.Error(), "only version") ||
		!strings.Contains(err.Error(), "postgresql-client-999") {
		t.Errorf("pg_dump too old: err = %v", err)
	}
	_, err = findClient(ctx, "pg_nothing", 15)
	if err == nil || !strings.Contains(err.Error(), "none was found") {
		t.Errorf("no such program: err = %v", err)
	}
}
