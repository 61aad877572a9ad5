package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os/exec"
	"strconv"
	"strings"
	"time"
)

// load is how hard wrk pushes: the same for the site and for the minimal server, so their figures
// compare.
type load struct {
	Threads     int
	Connections int
	Duration    time.Duration
	// Warmup is an unmeasured run before each measured one (none when under a second): the
	// figures are of a server that has seen the page, its caches filled and its connections
	// open, not of its first seconds.
	Warmup time.Duration
}

// result is what one wrk run measured.
type result struct {
	RequestsPerSec float64
	P99            time.Duration
	Requests       int64
	// Errors counts what wrk saw go wrong: answers other than 2xx or 3xx, and socket errors
	// (connect, read, write, timeout). A fast run that only failed is no figure to publish.
	Errors int64
}

// measure warms url up for l.Warmup, then loads it with wrk for l.Duration and reads wrk's report.
func measure(ctx context.Context, l load, url string) (result, error) {
	if l.Warmup >= time.Second {
		if _, err := runWrk(ctx, l, l.Warmup, url); err != nil {
			return result{}, fmt.Errorf("warming up: %w", err)
		}
	}
	return runWrk(ctx, l, l.Duration, url)
}

// runWrk loads url with wrk for d (in whole seconds) and reads its report.
func runWrk(ctx context.Context, l load, d time.Duration, url string) (result, error) {
	// wrk's own timeout is 2 s by default: a request slower than that would be counted as a
	// timeout, not as latency, and the p99 would look better than the site is.
	args := []string{"--latency", "--timeout", "30s",
		"-t", strconv.Itoa(l.Threads), "-c", strconv.Itoa(l.Connections),
		"-d", strconv.Itoa(int(d.Round(time.Second)/time.Second)) + "s", url}
	cmd := exec.CommandContext(ctx, "wrk", args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return result{}, fmt.Errorf("wrk %s: %w: %s", url, err, strings.TrimSpace(stderr.String()))
	}
	r, err := parseWrk(string(out))
	if err != nil {
		return result{}, fmt.Errorf("wrk %s: %w\n%s", url, err, out)
	}
	return r, nil
}

// parseWrk reads the report wrk 4 prints with --latency: "Requests/sec:", the 99% line of the
// latency distribution, the count of requests and the error lines.
func parseWrk(out string) (result, error) {
	var r result
	var haveRate, haveP99, haveCount bool
	sc := bufio.NewScanner(strings.NewReader(out))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		switch {
		case len(f) == 2 && f[0] == "Requests/sec:":
			v, err := strconv.ParseFloat(f[1], 64)
			if err != nil {
				return r, fmt.Errorf("requests a second %q: %w", f[1], err)
			}
			r.RequestsPerSec, haveRate = v, true
		case len(f) == 2 && f[0] == "99%":
			d, err := time.ParseDuration(f[1]) // wrk writes us, ms, s, m: all Go's units
			if err != nil {
				return r, fmt.Errorf("99th percentile %q: %w", f[1], err)
			}
			r.P99, haveP99 = d, true
		case len(f) >= 3 && f[1] == "requests" && f[2] == "in":
			n, err := strconv.ParseInt(f[0], 10, 64)
			if err != nil {
				return r, fmt.Errorf("request count %q: %w", f[0], err)
			}
			r.Requests, haveCount = n, true
		case len(f) == 5 && f[0] == "Non-2xx" && f[3] == "responses:":
			n, err := strconv.ParseInt(f[4], 10, 64)
			if err != nil {
				return r, fmt.Errorf("non-2xx count %q: %w", f[4], err)
			}
			r.Errors += n
		case len(f) >= 2 && f[0] == "Socket" && f[1] == "errors:":
			// "Socket errors: connect 0, read 0, write 0, timeout 12"
			for i := 3; i < len(f); i += 2 {
				n, err := strconv.ParseInt(strings.TrimSuffix(f[i], ","), 10, 64)
				if err != nil {
					return r, fmt.Errorf("socket errors %q: %w", sc.Text(), err)
				}
				r.Errors += n
			}
		}
	}
	if !haveRate || !haveP99 || !haveCount {
		return r, fmt.Errorf("not the report of wrk --latency (requests/sec found: %v, 99%% line: %v, request count: %v)",
			haveRate, haveP99, haveCount)
	}
	return r, nil
}

// wrkVersion is the first line of wrk -v ("wrk 4.1.0 [epoll] Copyright ..."), shortened to
// the version; wrk -v exits with status 1, which is no error here.
func wrkVersion() string {
	out, _ := exec.Command("wrk", "-v").CombinedOutput()
	f := strings.Fields(string(out))
	if len(f) >= 2 && f[0] == "wrk" {
		return "wrk " + f[1]
	}
	return "wrk (version unknown)"
}
