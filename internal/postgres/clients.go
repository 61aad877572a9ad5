package postgres

import (
	"context"
	"fmt"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
)

// clientVersion reads the major version from "pg_dump (PostgreSQL) 15.13 (Debian 15.13-0+deb12u1)";
// before PostgreSQL 10 the major version had two parts ("9.6"), and such old programs count as 9.
var clientVersion = regexp.MustCompile(`\(PostgreSQL\) (\d+)`)

// clientProgram is one copy of a PostgreSQL client program and the major version it belongs to.
type clientProgram struct {
	path  string
	major int
}

// findClient returns the newest copy of the client program name (pg_dump, pg_restore) whose
// major version is at least serverMajor: pg_dump cannot read a server newer than itself, and a
// newer one is the better reader of older servers and archives. It looks next to the server
// programs, in Debian's /usr/lib/postgresql/<major>/bin, and on PATH.
func findClient(ctx context.Context, name string, serverMajor int) (string, error) {
	var found []clientProgram
	seen := map[string]bool{}
	for _, path := range clientCandidates(name) {
		real, err := filepath.EvalSymlinks(path)
		if err != nil || seen[real] || !isExecutable(real) {
			continue
		}
		seen[real] = true
		// Debian's /usr/bin/pg_dump is pg_wrapper, which picks a version by its own rules: the
		// real programs it would run are among the candidates anyway.
		if filepath.Base(real) != name {
			continue
		}
		if major, ok := programMajor(ctx, real); ok {
			found = append(found, clientProgram{path: real, major: major})
		}
	}
	sort.Slice(found, func(i, j int) bool { return found[i].major > found[j].major })
	if len(found) > 0 && found[0].major >= serverMajor {
		return found[0].path, nil
	}
	what := "none was found (looked next to the server programs, in /usr/lib/postgresql/*/bin and on PATH)"
	if len(found) > 0 {
		var versions []string
		for _, p := range found {
			versions = append(versions, fmt.Sprintf("%d (%s)", p.major, p.path))
		}
		what = "only version " + strings.Join(versions, ", ") + " was found"
	}
	return "", fmt.Errorf("postgres: the database server runs PostgreSQL %d, which needs %s of version %d or newer, but %s; "+
		"install the PostgreSQL client programs of version %d or newer (on Debian or Ubuntu: apt-get install postgresql-client-%d)",
		serverMajor, name, serverMajor, what, serverMajor, serverMajor)
}

// clientCandidates lists where name may be: next to the server programs, Debian's versioned
// directories, PATH.
func clientCandidates(name string) []string {
	var paths []string
	if dir, err := findServerBinaries(); err == nil {
		paths = append(paths, filepath.Join(dir, name))
	}
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	for _, dir := range dirs {
		paths = append(paths, filepath.Join(dir, name))
	}
	if p, err := exec.LookPath(name); err == nil {
		paths = append(paths, p)
	}
	return paths
}

// programMajor runs path --version and reads its major version.
func programMajor(ctx context.Context, path string) (int, bool) {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, path, "--version").Output()
	if err != nil {
		return 0, false
	}
	m := clientVersion.FindSubmatch(out)
	if m == nil {
		return 0, false
	}
	major, err := strconv.Atoi(string(m[1]))
	return major, err == nil
}
