// Command benchhttp measures the site under a crowd against the fastest it could be: for each
// page it loads the real server (built binary, private PostgreSQL cluster with the initial data)
// with wrk, then a minimal Go server handing out the very same bytes with the same headers, one
// after the other in the same run, and prints requests a second, their ratio and the 99th
// percentile of latency, with the page cache on (the default) and off (PAGE_CACHE_MB=0), plus the
// server's memory under that load and the machine the figures came from. `make bench-http` runs it.
//
//	go run ./cmd/benchhttp [-bin bin/twincities]
//
// BENCH_DURATION (10s), BENCH_WARMUP (2s, unmeasured, before each run; 0 for none),
// BENCH_CONNECTIONS (64), BENCH_THREADS (2) and BENCH_PAGES (the paths, space-separated) change
// the load, so a quick run is possible: BENCH_DURATION=3s make bench-http.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"strings"
	"syscall"
)

// defaultPages are a page of each kind: the home page, a city's page and a list.
const defaultPages = "/en/ /en/twin-cities/duisburg /ru/awards"

// modes are the two ways the site is measured: the environment each server process starts with.
var modes = []struct {
	Name string
	Env  []string
}{
	{"cached", nil},
	{"uncached", []string{"PAGE_CACHE_MB=0"}},
}

func main() {
	bin := flag.String("bin", "bin/twincities", "the built server")
	flag.Parse()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, *bin, os.Getenv); err != nil {
		fmt.Fprintln(os.Stderr, "benchhttp:", err)
		os.Exit(1)
	}
}

// row is one line of the table.
type row struct {
	Page, Mode    string
	Site, Minimal result
}

// memoryFigures is the site's memory after the load of one mode.
type memoryFigures struct {
	Mode      string
	Peak, End int64
}

func run(ctx context.Context, bin string, getenv func(string) string) error {
	l, err := loadFromEnv(getenv)
	if err != nil {
		return err
	}
	pages := strings.Fields(getenv("BENCH_PAGES"))
	if len(pages) == 0 {
		pages = strings.Fields(defaultPages)
	}
	// Not a directory only we may enter: the cluster runs as the postgres user when we are root.
	dir, err := os.MkdirTemp("", "twincities-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	if err := os.Chmod(dir, 0o755); err != nil {
		return err
	}

	m := describeMachine(bin)
	fmt.Printf("Load: wrk, %d threads, %d connections, %v a run after %v unmeasured; the site, then a minimal Go server with the same bytes.\n",
		l.Threads, l.Connections, l.Duration, l.Warmup)
	var rows []row
	var mem []memoryFigures
	var failure error
	for _, mode := range modes {
		fmt.Printf("Starting the site (%s)...\n", mode.Name)
		s, err := startSite(bin, dir, mode.Env...)
		if err != nil {
			failure = err
			break
		}
		got, err := measureMode(ctx, l, s, mode.Name, pages)
		rows = append(rows, got...)
		if err == nil {
			var f memoryFigures
			f.Peak, f.End, err = s.memory()
			f.Mode = mode.Name
			mem = append(mem, f)
		}
		// A server that fails only as it stops still served the figures above: they are
		// printed, and the failure after them.
		if stopErr := s.stop(); err == nil {
			err = stopErr
		}
		if err != nil {
			failure = err
			break
		}
	}
	fmt.Println()
	printTable(os.Stdout, rows)
	fmt.Println()
	for _, f := range mem {
		fmt.Printf("Server memory (%s): peak %s (VmHWM), %s resident at the end (VmRSS); the database is not counted.\n",
			f.Mode, megabytes(f.Peak), megabytes(f.End))
	}
	m.LoadAfter = loadAverage()
	m.print(os.Stdout)
	return failure
}

// measureMode fetches every page from the running site once, starts the minimal server with those
// bytes, and loads the site and then the minimal server page by page.
func measureMode(ctx context.Context, l load, s *site, mode string, pages []string) ([]row, error) {
	rp := replay{}
	for _, p := range pages {
		res, err := fetch(s.URL, p)
		if err != nil {
			return nil, err
		}
		rp[p] = res
	}
	minimalURL, stopMinimal, err := serveReplay(rp)
	if err != nil {
		return nil, err
	}
	defer stopMinimal()
	var rows []row
	for _, p := range pages {
		r := row{Page: p, Mode: mode}
		fmt.Printf("  %s %s: the site...", mode, p)
		if r.Site, err = measure(ctx, l, s.URL+p); err != nil {
			return rows, err
		}
		fmt.Printf(" %.0f req/s; the minimal server...", r.Site.RequestsPerSec)
		if r.Minimal, err = measure(ctx, l, minimalURL+p); err != nil {
			return rows, err
		}
		fmt.Printf(" %.0f req/s\n", r.Minimal.RequestsPerSec)
		rows = append(rows, r)
	}
	return rows, nil
}
