package main

import (
	"os"
	"strings"
	"testing"
	"time"
)

// The report of a real wrk 4.1.0 run (Debian's package) with --latency, against a server that
// answered 404 to everything: the figures and the failures are read from it.
func TestParseWrk(t *testing.T) {
	sample, err := os.ReadFile("testdata/wrk-latency.txt")
	if err != nil {
		t.Fatal(err)
	}
	got, err := parseWrk(string(sample))
	if err != nil {
		t.Fatal(err)
	}
	want := result{RequestsPerSec: 659.13, P99: 235400 * time.Microsecond, Requests: 729, Errors: 729}
	if got != want {
		t.Errorf("parseWrk = %+v, want %+v", got, want)
	}
}

// Socket errors count as failures as well as non-2xx answers: timeouts are how an overloaded
// server fails, and a run full of them must not pass for a fast one.
func TestParseWrkSocketErrors(t *testing.T) {
	sample, err := os.ReadFile("testdata/wrk-latency.txt")
	if err != nil {
		t.Fatal(err)
	}
	out := strings.Replace(string(sample), "  Non-2xx or 3xx responses: 729\n",
		"  Socket errors: connect 0, read 3, write 0, timeout 12\n", 1)
	got, err := parseWrk(out)
	if err != nil {
		t.Fatal(err)
	}
	if got.Errors != 15 {
		t.Errorf("errors = %d, want 15 (3 read, 12 timeout)", got.Errors)
	}
}

// A report without the latency distribution (wrk run without --latency) or cut short is refused,
// not read as zero.
func TestParseWrkIncomplete(t *testing.T) {
	sample, err := os.ReadFile("testdata/wrk-latency.txt")
	if err != nil {
		t.Fatal(err)
	}
	for name, out := range map[string]string{
		"no 99% line":   strings.Replace(string(sample), "     99%  235.40ms\n", "", 1),
		"no rate":       strings.Replace(string(sample), "Requests/sec:    659.13\n", "", 1),
		"an error only": "unable to connect to 127.0.0.1:18099 Connection refused\n",
	} {
		if got, err := parseWrk(out); err == nil {
			t.Errorf("%s: parseWrk = %+v, want an error", name, got)
		}
	}
}

// The table is Markdown, as the README shows it, and names every failed run under it.
func TestPrintTable(t *testing.T) {
	var b strings.Builder
	printTable(&b, []row{
		{Page: "/en/", Mode: "cached", Site: result{RequestsPerSec: 30000, P99: 4200 * time.Microsecond, Requests: 300000},
			Minimal: result{RequestsPerSec: 40000, P99: 3 * time.Millisecond, Requests: 400000}},
		{Page: "/ru/awards", Mode: "uncached", Site: result{RequestsPerSec: 1000, P99: 57 * time.Millisecond, Requests: 10000, Errors: 12},
			Minimal: result{RequestsPerSec: 50000, P99: 2 * time.Millisecond, Requests: 500000}},
	})
	lines := strings.Split(strings.TrimRight(b.String(), "\n"), "\n")
	if len(lines) != 5 {
		t.Fatalf("%d lines, want a header, its rule, two rows and one error:\n%s", len(lines), b.String())
	}
	wantCells := [][]string{
		{"/en/", "cached", "30000", "40000", "0.75", "4.2 ms", "3.0 ms"},
		{"/ru/awards", "uncached", "1000", "50000", "0.02", "57 ms", "2.0 ms"},
	}
	for i, want := range wantCells {
		var got []string
		for _, c := range strings.Split(strings.Trim(lines[2+i], "| "), "|") {
			got = append(got, strings.TrimSpace(c))
		}
		if strings.Join(got, ";") != strings.Join(want, ";") {
			t.Errorf("row %d = %q, want %q", i, got, want)
		}
	}
	if want := "Errors: /ru/awards (uncached): the site failed 12 of 10000 requests"; lines[4] != want {
		t.Errorf("last line = %q, want %q", lines[4], want)
	}
}

// The load defaults to issue 12's (2 threads, 64 connections, 10 s) and each part can be changed;
// a bad value stops the run with its name rather than running something else.
func TestLoadFromEnv(t *testing.T) {
	env := func(kv ...string) func(string) string {
		m := map[string]string{}
		for i := 0; i+1 < len(kv); i += 2 {
			m[kv[i]] = kv[i+1]
		}
		return func(k string) string { return m[k] }
	}
	l, err := loadFromEnv(env())
	if want := (load{Threads: 2, Connections: 64, Duration: 10 * time.Second, Warmup: 2 * time.Second}); err != nil || l != want {
		t.Errorf("defaults: %+v, %v; want %+v", l, err, want)
	}
	l, err = loadFromEnv(env("BENCH_DURATION", "3s", "BENCH_WARMUP", "0", "BENCH_CONNECTIONS", "16", "BENCH_THREADS", "1"))
	if want := (load{Threads: 1, Connections: 16, Duration: 3 * time.Second}); err != nil || l != want {
		t.Errorf("overridden: %+v, %v; want %+v", l, err, want)
	}
	for _, kv := range [][]string{
		{"BENCH_DURATION", "500ms"}, {"BENCH_DURATION", "ten"}, {"BENCH_WARMUP", "-1s"},
		{"BENCH_CONNECTIONS", "0"}, {"BENCH_THREADS", "two"}, {"BENCH_THREADS", "8", "BENCH_CONNECTIONS", "4"},
	} {
		if _, err := loadFromEnv(env(kv...)); err == nil || !strings.Contains(err.Error(), kv[0]) {
			t.Errorf("%q: err = %v, want one naming %s", kv, err, kv[0])
		}
	}
}
