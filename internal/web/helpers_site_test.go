package web_test

import (
	"bytes"
	"context"
	"log/slog"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"twincities/internal/auth"
	"twincities/internal/content"
	"twincities/internal/store"
	"twincities/internal/web"
)

// The test site: the real router over a test database, served over HTTP, with the clock, the
// log and the staff accounts the tests give it.

// testHasher is the hasher of every test site: real argon2id at a low cost.
var testHasher = auth.Hasher{Params: auth.TestParams}

// clock is a time that tests move by hand; the site reads it through web.Deps.Now.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func newClock(t time.Time) *clock { return &clock{t: t} }

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// syncBuffer collects the site's log; the server writes to it from its own goroutines.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// adminSite is the real router over a test database, served over HTTP.
type adminSite struct {
	db  *pgxpool.Pool
	srv *httptest.Server
	log *syncBuffer
}

// startSite serves the site over db. Each option may change the dependencies first; by default
// the site believes it is testBaseURL, uses the test hasher and the real clock, and logs into a
// buffer the test can read.
func startSite(tb testing.TB, db *pgxpool.Pool, opts ...func(*web.Deps)) *adminSite {
	tb.Helper()
	logs := &syncBuffer{}
	d := web.Deps{
		DB:      db,
		Log:     slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug})),
		BaseURL: testBaseURL,
		Hasher:  testHasher,
	}
	for _, o := range opts {
		o(&d)
	}
	s := web.New(d)
	srv := httptest.NewServer(s.Routes())
	tb.Cleanup(func() {
		srv.Close()
		s.Close()
	})
	return &adminSite{db: db, srv: srv, log: logs}
}

// withClock makes the site read the time from c.
func withClock(c *clock) func(*web.Deps) {
	return func(d *web.Deps) { d.Now = c.Now }
}

// addStaff creates an account the way the command line does, hashed with the test hasher.
func addStaff(tb testing.TB, db *pgxpool.Pool, name, email string, role content.Role, password string) content.User {
	tb.Helper()
	hash, err := testHasher.Hash(password)
	if err != nil {
		tb.Fatalf("hash: %v", err)
	}
	u := content.User{Email: email, Name: name, Role: role}
	if err := store.CreateUser(context.Background(), db, &u, hash, store.Actor{Name: "test"}); err != nil {
		tb.Fatalf("create user %s: %v", email, err)
	}
	return u
}

// The staff of most tests.
const (
	editorName     = "Ирина Редакторова"
	editorEmail    = "editor@perm.example"
	editorPassword = "Kama river at dawn 1723"
	adminName      = "Пётр Администраторов"
	adminEmail     = "admin@perm.example"
	adminPassword  = "Opera and ballet 1870!"
)

func addEditor(tb testing.TB, db *pgxpool.Pool) content.User {
	tb.Helper()
	return addStaff(tb, db, editorName, editorEmail, content.Editor, editorPassword)
}

func addAdmin(tb testing.TB, db *pgxpool.Pool) content.User {
	tb.Helper()
	return addStaff(tb, db, adminName, adminEmail, content.Admin, adminPassword)
}
