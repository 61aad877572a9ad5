package postgres

import (
	"runtime"
	"testing"
)

// The pool takes pool_max_conns from DATABASE_URL, in either of its forms, and otherwise two
// connections a core, at least 4.
func TestPoolSize(t *testing.T) {
	want := int32(max(4, 2*runtime.GOMAXPROCS(0)))
	for _, c := range []struct {
		url  string
		want int32
	}{
		{"postgres://app@db.internal/twincities", want},
		{"postgres://app@db.internal/twincities?pool_max_conns=3&sslmode=disable", 3},
		{"host=db.internal dbname=twincities user=app", want},
		{"host=db.internal dbname=twincities user=app pool_max_conns=12", 12},
	} {
		cfg, err := poolConfig(c.url)
		if err != nil {
			t.Fatalf("%s: %v", c.url, err)
		}
		if cfg.MaxConns != c.want {
			t.Errorf("%s: %d connections, want %d", c.url, cfg.MaxConns, c.want)
		}
	}
}
