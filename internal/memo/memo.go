// Package memo remembers what a pure function of a text returned for it, within a byte budget.
// The site's Markdown, summaries and typography depend on their source alone, so a remembered
// result is never stale, whatever staff change; working them out again on every uncached view
// was a large part of a page's render (issue 12).
package memo

import "sync"

// Texts remembers results by their source, the bytes of sources and results together at most
// its budget. It is safe for concurrent use.
type Texts struct {
	budget int
	mu     sync.Mutex
	m      map[string]string
	bytes  int
}

// New returns a Texts of budget bytes. A text over a 64th of the budget is worked out each time:
// kept, it would push out many.
func New(budget int) *Texts { return &Texts{budget: budget} }

// Get returns f(key), remembered from an earlier call when there was one.
func (c *Texts) Get(key string, f func(string) string) string {
	v, _ := c.GetErr(key, func() (string, error) { return f(key), nil })
	return v
}

// GetErr is Get for a result that f, which depends on nothing but key, may fail to work out: a
// failure is returned and not remembered.
func (c *Texts) GetErr(key string, f func() (string, error)) (string, error) {
	c.mu.Lock()
	v, ok := c.m[key]
	c.mu.Unlock()
	if ok {
		return v, nil
	}
	v, err := f()
	if err != nil {
		return "", err
	}
	c.remember(key, v)
	return v, nil
}

// remember keeps v as the result for key, within the budget.
func (c *Texts) remember(key, v string) {
	size := len(key) + len(v)
	if size > c.budget/64 {
		return
	}
	c.mu.Lock()
	if c.m == nil || c.bytes+size > c.budget {
		// Past the budget the memory starts over: simpler than an LRU, and only a flood of
		// changed texts gets here.
		c.m, c.bytes = map[string]string{}, 0
	}
	if _, ok := c.m[key]; !ok {
		c.m[key] = v
		c.bytes += size
	}
	c.mu.Unlock()
}

// Bytes is how many bytes the remembered texts take now.
func (c *Texts) Bytes() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.bytes
}
