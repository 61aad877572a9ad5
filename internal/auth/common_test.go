package auth_test

import (
	"bufio"
	"errors"
	"os"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"twincities/internal/auth"
)

// listEntries reads the shipped list the way a person would: every line
// that is not a "#" comment is an entry.
func listEntries(t *testing.T) (header string, entries []string) {
	t.Helper()
	f, err := os.Open("common-passwords.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var h strings.Builder
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		switch {
		case line == "":
			t.Errorf("line %d is empty", n)
		case strings.HasPrefix(line, "#"):
			h.WriteString(line + "\n")
		case strings.TrimSpace(line) != line:
			t.Errorf("line %d (%q) has spaces at an end", n, line)
		default:
			entries = append(entries, line)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return h.String(), entries
}

func TestCommonListFile(t *testing.T) {
	header, entries := listEntries(t)

	for _, want := range []string{"zxcvbn 4.4.2", "MIT", "Dan Wheeler and Dropbox"} {
		if !strings.Contains(header, want) {
			t.Errorf("header does not name %q", want)
		}
	}
	if len(entries) < 3000 {
		t.Fatalf("list has %d entries; want at least 3000", len(entries))
	}
	seen := make(map[string]int)
	for i, e := range entries {
		if !utf8.ValidString(e) {
			t.Errorf("entry %d (%q) is not UTF-8", i, e)
		}
		l := strings.ToLower(e)
		if j, dup := seen[l]; dup {
			t.Errorf("entry %d (%q) duplicates entry %d after lower-casing", i, e, j)
		}
		seen[l] = i
	}
	// Most common first: the list opens with the classics.
	if entries[0] != "123456" || entries[1] != "password" {
		t.Errorf("list starts %q, %q; want the zxcvbn order", entries[0], entries[1])
	}
}

func TestCommonListLoaded(t *testing.T) {
	_, entries := listEntries(t)
	set := auth.CommonPasswords()
	if len(set) < 3000 {
		t.Fatalf("loaded %d common passwords; want at least 3000", len(set))
	}
	if len(set) != len(entries) {
		t.Errorf("loaded %d entries, file has %d", len(set), len(entries))
	}
	for k := range set {
		if k == "" || strings.HasPrefix(k, "#") || k != strings.ToLower(k) {
			t.Errorf("bad key %q in the loaded set", k)
		}
	}
}

// mixCase upper-cases every other letter.
func mixCase(s string) string {
	r := []rune(s)
	for i := range r {
		if i%2 == 0 {
			r[i] = unicode.ToUpper(r[i])
		}
	}
	return string(r)
}

func TestCheckPasswordRefusesLongCommonPasswords(t *testing.T) {
	_, entries := listEntries(t)
	var long []string
	for _, e := range entries {
		if utf8.RuneCountInString(e) >= auth.MinPasswordLength {
			long = append(long, e)
		}
	}
	if len(long) < 100 {
		t.Fatalf("only %d entries of %d+ characters; the list should carry the long ones", len(long), auth.MinPasswordLength)
	}
	for _, e := range long {
		for _, p := range []string{e, strings.ToUpper(e), mixCase(e)} {
			if err := auth.CheckPassword(p, email); !errors.Is(err, auth.ErrPasswordCommon) {
				t.Errorf("CheckPassword(%q) = %v; want ErrPasswordCommon", p, err)
			}
		}
	}
	// A few by name, so a reader sees what is meant.
	for _, p := range []string{"QWERTY123456", "1Qaz2Wsx3Edc", "GfhjkmGfhjkm", "123456654321"} {
		if err := auth.CheckPassword(p, email); !errors.Is(err, auth.ErrPasswordCommon) {
			t.Errorf("CheckPassword(%q) = %v; want ErrPasswordCommon", p, err)
		}
	}
}
