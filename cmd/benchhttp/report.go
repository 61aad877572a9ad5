package main

import (
	"debug/buildinfo"
	"fmt"
	"io"
	"os"
	"runtime"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"
)

// loadFromEnv reads BENCH_THREADS, BENCH_CONNECTIONS, BENCH_DURATION and BENCH_WARMUP, each with
// the load of issue 12's figures as its default.
func loadFromEnv(getenv func(string) string) (load, error) {
	l := load{Threads: 2, Connections: 64, Duration: 10 * time.Second, Warmup: 2 * time.Second}
	for _, v := range []struct {
		name string
		to   *int
	}{{"BENCH_THREADS", &l.Threads}, {"BENCH_CONNECTIONS", &l.Connections}} {
		if s := strings.TrimSpace(getenv(v.name)); s != "" {
			n, err := strconv.Atoi(s)
			if err != nil || n < 1 {
				return l, fmt.Errorf("%s %q is not a whole number above 0", v.name, s)
			}
			*v.to = n
		}
	}
	if s := strings.TrimSpace(getenv("BENCH_DURATION")); s != "" {
		d, err := time.ParseDuration(s)
		if err != nil || d < time.Second {
			return l, fmt.Errorf("BENCH_DURATION %q is not a duration of a second or more (expected, for example, 5s)", s)
		}
		l.Duration = d
	}
	if s := strings.TrimSpace(getenv("BENCH_WARMUP")); s != "" {
		d, err := time.ParseDuration(s)
		if err != nil || d < 0 {
			return l, fmt.Errorf("BENCH_WARMUP %q is not a duration (expected, for example, 2s, or 0 for none)", s)
		}
		l.Warmup = d
	}
	if l.Connections < l.Threads {
		return l, fmt.Errorf("BENCH_CONNECTIONS (%d) is below BENCH_THREADS (%d): wrk needs a connection a thread", l.Connections, l.Threads)
	}
	return l, nil
}

// printTable writes the figures, one line a page and mode, as a Markdown table, ready to paste
// into the README. The ratio is the site's requests a second over the minimal server's: 1 would
// be as fast as handing out bytes can be.
func printTable(w io.Writer, rows []row) {
	tw := tabwriter.NewWriter(w, 0, 0, 1, ' ', 0)
	fmt.Fprintln(tw, "| page\t| mode\t| site req/s\t| minimal req/s\t| ratio\t| site p99\t| minimal p99\t|")
	fmt.Fprintln(tw, "|---\t|---\t|---\t|---\t|---\t|---\t|---\t|")
	var failed []string
	for _, r := range rows {
		ratio := 0.0
		if r.Minimal.RequestsPerSec > 0 {
			ratio = r.Site.RequestsPerSec / r.Minimal.RequestsPerSec
		}
		fmt.Fprintf(tw, "| %s\t| %s\t| %.0f\t| %.0f\t| %.2f\t| %s\t| %s\t|\n", r.Page, r.Mode, r.Site.RequestsPerSec,
			r.Minimal.RequestsPerSec, ratio, milliseconds(r.Site.P99), milliseconds(r.Minimal.P99))
		if r.Site.Errors > 0 {
			failed = append(failed, fmt.Sprintf("%s (%s): the site failed %d of %d requests", r.Page, r.Mode, r.Site.Errors, r.Site.Requests))
		}
		if r.Minimal.Errors > 0 {
			failed = append(failed, fmt.Sprintf("%s (%s): the minimal server failed %d of %d requests", r.Page, r.Mode, r.Minimal.Errors, r.Minimal.Requests))
		}
	}
	tw.Flush()
	for _, f := range failed {
		fmt.Fprintln(w, "Errors:", f)
	}
}

// milliseconds shows a latency in milliseconds, with a decimal below 10 ms where it matters.
func milliseconds(d time.Duration) string {
	ms := float64(d) / float64(time.Millisecond)
	if ms < 10 {
		return fmt.Sprintf("%.1f ms", ms)
	}
	return fmt.Sprintf("%.0f ms", ms)
}

// megabytes shows a size in MB (2^20 bytes), as /proc counts it.
func megabytes(n int64) string {
	return fmt.Sprintf("%.0f MB", float64(n)/(1<<20))
}

// machine is where the figures came from: without it they mean little.
type machine struct {
	CPU        string
	Cores      int
	GoVersion  string
	Wrk        string
	LoadBefore string
	LoadAfter  string
}

// describeMachine reads the processor's model, the cores, the Go release that built the server
// and wrk's version, and the load average before the run (other work on the machine lowers
// every figure).
func describeMachine(bin string) machine {
	m := machine{CPU: "unknown", Cores: runtime.NumCPU(), GoVersion: "unknown", Wrk: wrkVersion(), LoadBefore: loadAverage()}
	if info, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, line := range strings.Split(string(info), "\n") {
			if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
				m.CPU = strings.TrimSpace(v)
				break
			}
		}
	}
	if bi, err := buildinfo.ReadFile(bin); err == nil {
		m.GoVersion = bi.GoVersion
	}
	return m
}

// print writes the machine's description under the table.
func (m machine) print(w io.Writer) {
	fmt.Fprintf(w, "Machine: %s, %d cores; server built with %s; %s.\n", m.CPU, m.Cores, m.GoVersion, m.Wrk)
	fmt.Fprintf(w, "Load average (1, 5, 15 min): %s before, %s after.\n", m.LoadBefore, m.LoadAfter)
}

// loadAverage is the first three fields of /proc/loadavg.
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if f := strings.Fields(string(b)); err == nil && len(f) >= 3 {
		return strings.Join(f[:3], " ")
	}
	return "unknown"
}
