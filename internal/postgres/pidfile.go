package postgres

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// postmasterPID is what a running server records in postmaster.pid in its data directory. The
// layout is documented in PostgreSQL's "Database File Layout": one value per line, the postmaster's
// PID, the data directory, its start time, the port, the first Unix socket directory, the first
// listen address, the shared memory key and, since PostgreSQL 10, the status ("starting",
// "stopping", "ready" or "standby"). The server writes the first lines at once and the others as
// it gets that far, so a short file means a server still starting.
type postmasterPID struct {
	PID       int
	DataDir   string
	Port      int
	SocketDir string
	Status    string
}

// readPostmasterPID reads dataDir/postmaster.pid; found is false when there is none, which means
// no server runs there (a server removes the file when it stops cleanly).
func readPostmasterPID(dataDir string) (pf postmasterPID, found bool, err error) {
	b, err := os.ReadFile(filepath.Join(dataDir, "postmaster.pid"))
	if errors.Is(err, fs.ErrNotExist) {
		return pf, false, nil
	}
	if err != nil {
		return pf, false, fmt.Errorf("postgres: read postmaster.pid: %w", err)
	}
	lines := strings.Split(string(b), "\n")
	line := func(n int) string { // 1-based, as in PostgreSQL's pidfile.h
		if n > len(lines) {
			return ""
		}
		return strings.TrimSpace(lines[n-1])
	}
	pf.PID, err = strconv.Atoi(line(1))
	if err != nil || pf.PID <= 0 {
		// The server writes the whole first block in one write; anything else is not its file.
		return pf, true, fmt.Errorf("postgres: %s/postmaster.pid does not start with a process id", dataDir)
	}
	pf.DataDir = line(2)
	pf.Port, _ = strconv.Atoi(line(4))
	pf.SocketDir = line(5)
	pf.Status = line(8)
	return pf, true, nil
}

// processKind says what the process a postmaster.pid names is now.
type processKind int

const (
	// processGone: no such process, or one that has exited and waits to be reaped.
	processGone processKind = iota
	// processServer: a live process working in this data directory, so its server.
	processServer
	// processUnknown: a live PostgreSQL process whose directory we may not look at.
	processUnknown
	// processOther: a live process that is no server of this data directory; after a crash or a
	// reboot its number was given to something else, and the file is stale.
	processOther
)

// inspectProcess tells whether pid is the server of dataDir. A postmaster works in its data
// directory (it changes into it at start), which /proc shows as its cwd; when that link is not
// ours to read, the command name is the best sign left.
func inspectProcess(pid int, dataDir string) processKind {
	stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return processGone
	}
	// The state follows the command name, which is in parentheses and may itself hold any byte.
	if i := bytes.LastIndexByte(stat, ')'); i >= 0 && i+2 < len(stat) {
		if s := stat[i+2]; s == 'Z' || s == 'X' {
			return processGone
		}
	}
	if cwd, err := os.Readlink(fmt.Sprintf("/proc/%d/cwd", pid)); err == nil {
		if sameDir(cwd, dataDir) {
			return processServer
		}
		return processOther
	}
	comm, err := os.ReadFile(fmt.Sprintf("/proc/%d/comm", pid))
	if err != nil {
		return processGone
	}
	if name := strings.TrimSpace(string(comm)); name == "postgres" || name == "postmaster" {
		return processUnknown
	}
	return processOther
}

// sameDir reports whether a and b name the same directory, symbolic links resolved.
func sameDir(a, b string) bool {
	ra, err1 := filepath.EvalSymlinks(a)
	rb, err2 := filepath.EvalSymlinks(b)
	if err1 != nil || err2 != nil {
		return filepath.Clean(a) == filepath.Clean(b)
	}
	return ra == rb
}
