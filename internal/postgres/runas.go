package postgres

import (
	"fmt"
	"os"
	"os/user"
	"path/filepath"
	"strconv"
	"syscall"
)

// serverUser is who owns and runs a local cluster. PostgreSQL refuses to run as root, so when this
// process is root the cluster belongs to the "postgres" system user, which Debian's package creates.
type serverUser struct {
	cred *syscall.Credential // nil: run as ourselves
}

func currentServerUser() (serverUser, error) {
	if os.Geteuid() != 0 {
		return serverUser{}, nil
	}
	u, err := user.Lookup("postgres")
	if err != nil {
		return serverUser{}, fmt.Errorf("postgres: running as root needs a \"postgres\" system user to own the local database " +
			"(it comes with the postgresql package), or run as an ordinary user, or set DATABASE_URL")
	}
	uid, err1 := strconv.ParseUint(u.Uid, 10, 32)
	gid, err2 := strconv.ParseUint(u.Gid, 10, 32)
	if err1 != nil || err2 != nil {
		return serverUser{}, fmt.Errorf("postgres: unusable ids for user postgres: %q/%q", u.Uid, u.Gid)
	}
	return serverUser{cred: &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}}, nil
}

// chown gives path to the server user; a no-op when we are that user already.
func (s serverUser) chown(path string) error {
	if s.cred == nil {
		return nil
	}
	return os.Chown(path, int(s.cred.Uid), int(s.cred.Gid))
}

// checkReachable reports, before anything starts, when the server user could not enter dir: a
// project cloned under /root, say. Without it the failure would surface as an obscure server log.
func (s serverUser) checkReachable(dir string) error {
	if s.cred == nil {
		return nil
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return err
	}
	for d := filepath.Dir(abs); ; d = filepath.Dir(d) {
		fi, err := os.Stat(d)
		if err != nil {
			return err
		}
		st, ok := fi.Sys().(*syscall.Stat_t)
		if ok && !canEnter(fi.Mode(), st, s.cred) {
			return fmt.Errorf("postgres: the local database runs as the system user postgres, who cannot enter %s; "+
				"move the project under a directory others may enter, or set DATABASE_URL", d)
		}
		if d == filepath.Dir(d) {
			return nil
		}
	}
}

func canEnter(mode os.FileMode, st *syscall.Stat_t, c *syscall.Credential) bool {
	switch {
	case st.Uid == c.Uid:
		return mode&0o100 != 0
	case st.Gid == c.Gid:
		return mode&0o010 != 0
	default:
		return mode&0o001 != 0
	}
}
