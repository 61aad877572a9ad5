package postgres

import (
	"errors"
	"net/url"
	"os"
	"slices"
	"strings"
)

// pgxOnlyParams are settings pgx reads from a connection string that libpq, and so pg_dump and
// pg_restore, would reject as unknown.
var pgxOnlyParams = []string{"statement_cache_capacity", "description_cache_capacity", "default_query_exec_mode"}

func isPgxOnly(key string) bool {
	return strings.HasPrefix(key, "pool_") || slices.Contains(pgxOnlyParams, key)
}

// errConnString is returned for a connection string the client programs cannot be given. It
// never repeats the string, which may hold a password.
var errConnString = errors.New("postgres: the connection string cannot be passed to the PostgreSQL client programs " +
	"(expected postgres://user:password@host:5432/dbname or host=... dbname=... keyword=value pairs)")

// clientConnString prepares connString, in either of libpq's forms (a postgres:// URL or
// keyword=value pairs), for a client program such as pg_dump: the same connection without the
// password, for its command line, which everyone on the machine can read in /proc, and the
// password apart, for PGPASSWORD in the program's environment, which only its user can.
func clientConnString(connString string) (conn, password string, err error) {
	s := strings.TrimSpace(connString)
	if strings.HasPrefix(s, "postgres://") || strings.HasPrefix(s, "postgresql://") {
		return urlWithoutPassword(s)
	}
	pairs, err := parseKeywordValues(s)
	if err != nil {
		return "", "", err
	}
	var b strings.Builder
	for _, p := range pairs {
		switch {
		case p.key == "password":
			password = p.value
			continue
		case isPgxOnly(p.key):
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(p.key)
		b.WriteString("='")
		b.WriteString(strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(p.value))
		b.WriteByte('\'')
	}
	return b.String(), password, nil
}

func urlWithoutPassword(s string) (conn, password string, err error) {
	u, err := url.Parse(s)
	if err != nil {
		return "", "", errConnString
	}
	if u.User != nil {
		password, _ = u.User.Password()
		if name := u.User.Username(); name != "" {
			u.User = url.User(name)
		} else {
			u.User = nil
		}
	}
	q := u.Query()
	if p, ok := q["password"]; ok {
		if len(p) > 0 {
			password = p[len(p)-1]
		}
		q.Del("password")
	}
	for key := range q {
		if isPgxOnly(key) {
			q.Del(key)
		}
	}
	u.RawQuery = q.Encode()
	return u.String(), password, nil
}

type keywordValue struct{ key, value string }

// parseKeywordValues reads libpq's keyword=value form: pairs separated by white space, spaces
// allowed around "=", a value either single-quoted or running to the next space, and a backslash
// taking the next character literally in either.
func parseKeywordValues(s string) ([]keywordValue, error) {
	var pairs []keywordValue
	i := 0
	skipSpace := func() {
		for i < len(s) && isSpace(s[i]) {
			i++
		}
	}
	for {
		skipSpace()
		if i == len(s) {
			return pairs, nil
		}
		start := i
		for i < len(s) && s[i] != '=' && !isSpace(s[i]) {
			i++
		}
		key := s[start:i]
		skipSpace()
		if key == "" || i == len(s) || s[i] != '=' {
			return nil, errConnString
		}
		i++ // '='
		skipSpace()
		var v strings.Builder
		if i < len(s) && s[i] == '\'' {
			i++
			closed := false
			for i < len(s) {
				c := s[i]
				i++
				if c == '\\' && i < len(s) {
					v.WriteByte(s[i])
					i++
					continue
				}
				if c == '\'' {
					closed = true
					break
				}
				v.WriteByte(c)
			}
			if !closed {
				return nil, errConnString
			}
		} else {
			for i < len(s) && !isSpace(s[i]) {
				if s[i] == '\\' && i+1 < len(s) {
					i++
				}
				v.WriteByte(s[i])
				i++
			}
		}
		pairs = append(pairs, keywordValue{key, v.String()})
	}
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

// clientEnv is the environment of a client program: ours, with the password, when there is one,
// in PGPASSWORD. An inherited PGPASSWORD stays when the connection string has none.
func clientEnv(password string) []string {
	env := os.Environ()
	if password == "" {
		return env
	}
	kept := env[:0:0]
	for _, kv := range env {
		if !strings.HasPrefix(kv, "PGPASSWORD=") {
			kept = append(kept, kv)
		}
	}
	return append(kept, "PGPASSWORD="+password)
}
