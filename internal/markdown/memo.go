package markdown

import "sync"

// memoBudget bounds the bytes the remembered texts take, source and result together: the texts of
// a grown site (issue 12: 1,000 cities and awards, 5,000 news, in two languages) fit several times
// over, while a flood of edits cannot grow the memory without end.
const memoBudget = 8 << 20

// memo remembers what a pure function of a text returned for it. Render and Summary depend on
// their source alone, so a remembered result is never stale, whatever staff change; turning the
// same Markdown into HTML again on every uncached view was a large part of the lists' render
// (issue 12).
type memo struct {
	mu    sync.Mutex
	m     map[string]string
	bytes int
}

// get returns f(key), remembered from an earlier call when there was one.
func (c *memo) get(key string, f func(string) string) string {
	c.mu.Lock()
	v, ok := c.m[key]
	c.mu.Unlock()
	if ok {
		return v
	}
	v = f(key)
	size := len(key) + len(v)
	if size > memoBudget/64 {
		return v // one text this large would push out many; it is rendered each time
	}
	c.mu.Lock()
	if c.m == nil || c.bytes+size > memoBudget {
		// Past the budget the memory starts over: simpler than an LRU, and only a flood of
		// changed texts gets here.
		c.m, c.bytes = map[string]string{}, 0
	}
	if _, ok := c.m[key]; !ok {
		c.m[key] = v
		c.bytes += size
	}
	c.mu.Unlock()
	return v
}
