package web

import (
	"strconv"
	"strings"
	"testing"
)

func TestTrimWords(t *testing.T) {
	for _, c := range []struct {
		in   string
		max  int
		want string
	}{
		{"Short.", 200, "Short."},
		{"one two three four five", 14, "one two three…"},
		{"один два три четыре пять", 14, "один два три…"},
		{"a  b\n c", 200, "a b c"},
		{"word, word, word", 12, "word, word…"},
	} {
		if got := trimWords(c.in, c.max); got != c.want {
			t.Errorf("trimWords(%q, %d) = %q, want %q", c.in, c.max, got, c.want)
		}
		if got := trimWords(c.in, c.max); len([]rune(got)) > c.max {
			t.Errorf("trimWords(%q, %d) is %d long", c.in, c.max, len([]rune(got)))
		}
	}
}

// TestShareCacheIsBounded checks that the cache of share pictures keeps at most its number of
// entries and its bytes, dropping the least recently used.
func TestShareCacheIsBounded(t *testing.T) {
	c := newShareCache()
	for i := range shareCacheEntries + 10 {
		c.put(strconv.Itoa(i), []byte("png"))
		if i == shareCacheEntries-1 {
			c.get("0") // touched: no longer the least recently used
		}
	}
	if n := c.len(); n != shareCacheEntries {
		t.Errorf("%d entries, want %d", n, shareCacheEntries)
	}
	if _, ok := c.get("1"); ok {
		t.Error("the least recently used picture was kept")
	}
	if _, ok := c.get("0"); !ok {
		t.Error("a picture used lately was dropped")
	}
	big := []byte(strings.Repeat("x", shareCacheBytes/3+1))
	for i := range 5 {
		c.put("big"+strconv.Itoa(i), big)
	}
	if c.bytes > shareCacheBytes {
		t.Errorf("%d bytes cached, more than %d", c.bytes, shareCacheBytes)
	}
	if _, ok := c.get("big4"); !ok {
		t.Error("the newest picture was not kept")
	}
}

func TestETagMatches(t *testing.T) {
	for _, c := range []struct {
		header string
		want   bool
	}{{`"abc"`, true}, {`W/"abc"`, true}, {`"x", "abc"`, true}, {`*`, true}, {`"abd"`, false}, {``, false}} {
		if got := etagMatches([]string{c.header}, `"abc"`); got != c.want {
			t.Errorf("etagMatches(%q) = %v", c.header, got)
		}
	}
}
