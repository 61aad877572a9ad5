package config

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// DefaultPageCacheMB is the memory the page cache may take when PAGE_CACHE_MB is unset: some
// thousands of pages, each kept as rendered, gzipped and in brotli.
const DefaultPageCacheMB = 64

// readPageCache reads the settings of the page cache (issue 12): PAGE_CACHE_MB, the memory its
// pages may take in megabytes (0 turns it off, as the uncached benchmark does), and
// PUBLIC_MAX_AGE, the seconds browsers and shared caches (a reverse proxy, a CDN) may keep a
// public page without asking again (0, the default: they ask each time, and a save shows at once).
func (c *Config) readPageCache(getenv func(string) string) []error {
	var errs []error
	c.PageCacheBytes = DefaultPageCacheMB << 20
	if v := strings.TrimSpace(getenv("PAGE_CACHE_MB")); v != "" {
		mb, err := strconv.Atoi(v)
		if err != nil || mb < 0 || mb > 65536 {
			errs = append(errs, fmt.Errorf("PAGE_CACHE_MB %q is not a number of megabytes from 0 (off) to 65536", v))
		} else {
			c.PageCacheBytes = int64(mb) << 20
		}
	}
	if v := strings.TrimSpace(getenv("PUBLIC_MAX_AGE")); v != "" {
		s, err := strconv.Atoi(v)
		if err != nil || s < 0 || s > 86400 {
			errs = append(errs, fmt.Errorf("PUBLIC_MAX_AGE %q is not a number of seconds from 0 to 86400", v))
		} else {
			c.PublicMaxAge = time.Duration(s) * time.Second
		}
	}
	return errs
}
