package e2e_test

import (
	"context"
	"io"
	"log/slog"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/jackc/pgx/v5/pgxpool"

	"twincities/internal/auth"
	"twincities/internal/content"
	"twincities/internal/postgres/pgtest"
	"twincities/internal/store"
	"twincities/internal/web"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

// repoRoot is the repository's top directory, for node_modules and build/.
func repoRoot() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}

// missing stops a test that lacks a tool: in CI it fails (CI must run everything), elsewhere it
// skips with what to install.
func missing(tb testing.TB, what string) {
	tb.Helper()
	if os.Getenv("CI") == "true" {
		tb.Fatalf("%s: the browser tests cannot run, and CI=true forbids skipping them", what)
	}
	tb.Skipf("%s (make test installs it)", what)
}

// chromiumPath finds the browser: TWINCITIES_CHROMIUM, or Debian's chromium, or another Chrome.
func chromiumPath(tb testing.TB) string {
	tb.Helper()
	if p := os.Getenv("TWINCITIES_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	missing(tb, "Chromium is not installed (Debian: apt-get install chromium)")
	return ""
}

var (
	browserOnce   sync.Once
	browserCtx    context.Context
	browserCancel context.CancelFunc
	browserErr    error
)

// browser returns the one Chromium of this test binary, started on first use. Each test opens its
// own isolated browser context in it (see tab), so cookies never cross between tests.
func browser(tb testing.TB) context.Context {
	tb.Helper()
	path := chromiumPath(tb)
	browserOnce.Do(func() {
		opts := append(chromedp.DefaultExecAllocatorOptions[:],
			chromedp.ExecPath(path),
			chromedp.NoSandbox, // the tests may run as root, where Chromium's sandbox cannot start
			chromedp.DisableGPU,
			chromedp.Flag("disable-component-update", true),
			chromedp.Flag("disable-quic", true),
			chromedp.Flag("hide-scrollbars", false),
			chromedp.Flag("lang", "en-US"),
		)
		alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
		ctx, cancelBrowser := chromedp.NewContext(alloc)
		browserErr = chromedp.Do(ctx) // start it now, to report a broken install once
		browserCtx, browserCancel = ctx, func() { cancelBrowser(); cancelAlloc() }
	})
	if browserErr != nil {
		tb.Fatalf("start Chromium (%s): %v", path, browserErr)
	}
	return browserCtx
}

// tab opens a new tab in a fresh browser context (its own cookies) of the given width, for one
// test, closed when the test ends.
func tab(tb testing.TB, width int) context.Context {
	tb.Helper()
	ctx, cancel := chromedp.NewContext(browser(tb), chromedp.WithNewBrowserContext())
	ctx, cancelTimeout := context.WithTimeout(ctx, 3*time.Minute)
	tb.Cleanup(func() { cancelTimeout(); cancel() })
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(int64(width), 800)); err != nil {
		tb.Fatalf("open a tab: %v", err)
	}
	return ctx
}

// site is the real site on a real database, served over TCP for the browser.
type site struct {
	URL string
	DB  *pgxpool.Pool
}

// hasher is the test hasher: argon2id at low cost, so signing in is quick.
var hasher = auth.Hasher{Params: auth.TestParams}

// startSite serves the site over a fresh copy of Perm's data.
func startSite(tb testing.TB) site {
	tb.Helper()
	db := pgtest.SeededDB(tb)
	srv := web.New(web.Deps{DB: db, Log: slog.New(slog.NewTextHandler(io.Discard, nil)), Hasher: hasher})
	ts := httptest.NewServer(srv.Routes())
	tb.Cleanup(func() { ts.Close(); srv.Close() })
	return site{URL: ts.URL, DB: db}
}

// addStaff creates an account and returns its password.
func (s site) addStaff(tb testing.TB, email, name string, role content.Role) string {
	tb.Helper()
	const password = "a long and unusual test password"
	hash, err := hasher.Hash(password)
	if err != nil {
		tb.Fatal(err)
	}
	u := content.User{Email: email, Name: name, Role: role}
	if err := store.CreateUser(context.Background(), s.DB, &u, hash, store.Actor{Name: "test"}); err != nil {
		tb.Fatal(err)
	}
	return password
}
