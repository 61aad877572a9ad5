// Package loadtest runs the real server as a process of its own and loads it as the internet
// would: what is measured here (memory, the log, answers while the database is away) is measured
// on a real process, not inside the test. The tests run without the race detector, which would
// multiply the memory they measure.
package loadtest

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"twincities/internal/app"
	"twincities/internal/postgres/pgtest"
)

// childEnv, set to "serve", makes the test binary run "twincities serve" instead of the tests:
// the server process the tests load.
const childEnv = "TWINCITIES_LOADTEST_CHILD"

func TestMain(m *testing.M) {
	if os.Getenv(childEnv) == "serve" {
		os.Exit(serveAsChild())
	}
	pgtest.Main(m)
}

// serveAsChild is what cmd/twincities does: serve until SIGINT or SIGTERM.
func serveAsChild() int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := app.Run(ctx, []string{"serve"}, os.Getenv, os.Stdin, os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "twincities:", err)
		return 1
	}
	return 0
}

// server is a running server process.
type server struct {
	URL string
	cmd *exec.Cmd
	log *lockedBuffer
}

// lockedBuffer collects the server's log from its pipe while the test reads it.
type lockedBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

var servingLine = regexp.MustCompile(`serving (http://[0-9.:]+)/`)

// startServer starts the server with the environment vars (pairs) and waits until it serves. It
// is stopped, gracefully, when the test ends.
func startServer(t *testing.T, vars ...string) *server {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), childEnv+"=serve", "LISTEN_ADDR=127.0.0.1:0")
	for i := 0; i+1 < len(vars); i += 2 {
		cmd.Env = append(cmd.Env, vars[i]+"="+vars[i+1])
	}
	s := &server{cmd: cmd, log: &lockedBuffer{}}
	cmd.Stderr = s.log
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.stop(t) })
	found := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			if m := servingLine.FindStringSubmatch(sc.Text()); m != nil {
				found <- m[1]
			}
		}
		io.Copy(io.Discard, out)
	}()
	select {
	case s.URL = <-found:
		return s
	case <-time.After(90 * time.Second):
		t.Fatalf("the server did not start within 90 s:\n%s", s.log.String())
	}
	return nil
}

// stop asks the server to shut down and waits for it.
func (s *server) stop(t *testing.T) {
	if s.cmd.ProcessState != nil {
		return
	}
	s.cmd.Process.Signal(syscall.SIGTERM)
	done := make(chan error, 1)
	go func() { done <- s.cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("the server stopped with %v:\n%s", err, tail(s.log.String(), 20))
		}
	case <-time.After(60 * time.Second):
		s.cmd.Process.Kill()
		t.Errorf("the server did not stop within 60 s")
	}
}

// peakRSS is the most memory the server process has held in RAM so far (VmHWM), in bytes.
func (s *server) peakRSS(t *testing.T) int64 {
	t.Helper()
	status, err := os.ReadFile("/proc/" + strconv.Itoa(s.cmd.Process.Pid) + "/status")
	if err != nil {
		t.Fatalf("read the server's memory: %v", err)
	}
	for _, line := range strings.Split(string(status), "\n") {
		if f := strings.Fields(line); len(f) == 3 && f[0] == "VmHWM:" && f[2] == "kB" {
			kb, err := strconv.ParseInt(f[1], 10, 64)
			if err != nil {
				t.Fatal(err)
			}
			return kb << 10
		}
	}
	t.Fatalf("no VmHWM in /proc/%d/status", s.cmd.Process.Pid)
	return 0
}

// tail is the last n lines of s.
func tail(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
