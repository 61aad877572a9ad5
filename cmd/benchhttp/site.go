package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// site is the real server, started from the built binary as a process of its own so that its
// memory is measured apart from wrk's and the minimal server's.
type site struct {
	URL     string
	cmd     *exec.Cmd
	logPath string
}

var servingLine = regexp.MustCompile(`serving (http://[0-9.:]+)/`)

// startSite runs "bin serve" on a free port with its private PostgreSQL cluster under dataDir
// (created and loaded with the initial data on the first start) and the extra environment env,
// and waits until it serves. Its log goes to a file beside the data, shown when it fails.
func startSite(bin, dataDir string, env ...string) (*site, error) {
	logPath := filepath.Join(dataDir, "server.log")
	logFile, err := os.OpenFile(logPath, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return nil, err
	}
	defer logFile.Close()
	cmd := exec.Command(bin, "serve")
	// LINKCHECK=off: the daily check of the entries' links would ask real sites during the run.
	cmd.Env = append(os.Environ(), "DATA_DIR="+filepath.Join(dataDir, "data"), "LISTEN_ADDR=127.0.0.1:0", "LINKCHECK=off")
	cmd.Env = append(cmd.Env, env...)
	cmd.Stderr = logFile
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	s := &site{cmd: cmd, logPath: logPath}
	found := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			if m := servingLine.FindStringSubmatch(sc.Text()); m != nil {
				found <- m[1]
			}
		}
		io.Copy(io.Discard, out)
		close(found)
	}()
	select {
	case url, ok := <-found:
		if ok {
			s.URL = url
			return s, nil
		}
		s.cmd.Wait()
		return nil, fmt.Errorf("the site stopped before serving:\n%s", s.logTail(20))
	case <-time.After(3 * time.Minute):
		s.stop()
		return nil, fmt.Errorf("the site did not start within 3 minutes:\n%s", s.logTail(20))
	}
}

// stop asks the site to shut down (it stops its cluster too) and waits for it.
func (s *site) stop() error {
	s.cmd.Process.Signal(syscall.SIGTERM)
	done := make(chan error, 1)
	go func() { done <- s.cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			return fmt.Errorf("the site stopped with %v:\n%s", err, s.logTail(20))
		}
		return nil
	case <-time.After(time.Minute):
		s.cmd.Process.Kill()
		return fmt.Errorf("the site did not stop within a minute")
	}
}

// memory reads the site process's peak resident memory so far (VmHWM) and its resident memory
// now (VmRSS), in bytes. The database runs in processes of its own and is not counted.
func (s *site) memory() (peak, now int64, err error) {
	status, err := os.ReadFile("/proc/" + strconv.Itoa(s.cmd.Process.Pid) + "/status")
	if err != nil {
		return 0, 0, fmt.Errorf("read the site's memory: %w", err)
	}
	peak, now = -1, -1
	for _, line := range strings.Split(string(status), "\n") {
		f := strings.Fields(line)
		if len(f) != 3 || f[2] != "kB" {
			continue
		}
		kb, err := strconv.ParseInt(f[1], 10, 64)
		if err != nil {
			continue
		}
		switch f[0] {
		case "VmHWM:":
			peak = kb << 10
		case "VmRSS:":
			now = kb << 10
		}
	}
	if peak < 0 || now < 0 {
		return 0, 0, fmt.Errorf("no VmHWM or VmRSS in /proc/%d/status", s.cmd.Process.Pid)
	}
	return peak, now, nil
}

// logTail is the last n lines of the site's log or, when the site panicked, the panic from its
// first line: the lines that say what went wrong, which a tail of a long stack would cut off.
func (s *site) logTail(n int) string {
	b, _ := os.ReadFile(s.logPath)
	lines := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	start := max(len(lines)-n, 0)
	for i, line := range lines {
		if strings.HasPrefix(line, "panic: ") || strings.HasPrefix(line, "fatal error: ") {
			start = i
			break
		}
	}
	return strings.Join(lines[start:min(start+2*n, len(lines))], "\n")
}
