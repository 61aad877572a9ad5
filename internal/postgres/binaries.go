package postgres

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
)

// ErrNoServerBinaries means this machine has no PostgreSQL server programs (initdb and postgres),
// so a local cluster cannot be created. The Makefile installs them where it can.
var ErrNoServerBinaries = errors.New("the PostgreSQL server programs (initdb, postgres) were not found: " +
	"install the PostgreSQL server (on Debian or Ubuntu: apt-get install postgresql) or set DATABASE_URL")

// findServerBinaries returns the directory holding initdb and postgres. Debian keeps them out of
// PATH under /usr/lib/postgresql/<major>/bin, so that is searched too, newest major first.
func findServerBinaries() (string, error) {
	if p, err := exec.LookPath("initdb"); err == nil {
		dir := filepath.Dir(p)
		if isExecutable(filepath.Join(dir, "postgres")) {
			return dir, nil
		}
		// initdb is often a symlink into the real bin directory.
		if real, err := filepath.EvalSymlinks(p); err == nil && isExecutable(filepath.Join(filepath.Dir(real), "postgres")) {
			return filepath.Dir(real), nil
		}
	}
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Slice(dirs, func(i, j int) bool { return majorOf(dirs[i]) > majorOf(dirs[j]) })
	for _, dir := range dirs {
		if isExecutable(filepath.Join(dir, "initdb")) && isExecutable(filepath.Join(dir, "postgres")) {
			return dir, nil
		}
	}
	return "", ErrNoServerBinaries
}

// majorOf reads the major version from a Debian path such as /usr/lib/postgresql/15/bin.
func majorOf(binDir string) float64 {
	v, err := strconv.ParseFloat(filepath.Base(filepath.Dir(binDir)), 64)
	if err != nil {
		return 0
	}
	return v
}

func isExecutable(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && !fi.IsDir() && fi.Mode()&0o111 != 0
}
