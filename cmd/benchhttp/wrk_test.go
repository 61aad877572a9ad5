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
