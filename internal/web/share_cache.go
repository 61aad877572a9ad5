package web

import (
	"container/list"
	"sync"
)

// The share pictures' cache: a fixed number of rendered PNGs, and a cap on their bytes, so that
// no visitor can grow the server's memory by asking for pictures, whatever they ask for. Keys
// are content hashes: a changed city gets a new key, and its old picture ages out.
const (
	shareCacheEntries = 64
	shareCacheBytes   = 48 << 20
)

// shareCache is a least-recently-used cache of rendered share pictures, safe for concurrent use.
type shareCache struct {
	mu    sync.Mutex
	order *list.List // of *shareEntry, most recently used first
	byKey map[string]*list.Element
	bytes int
}

type shareEntry struct {
	key  string
	data []byte
}

func newShareCache() *shareCache {
	return &shareCache{order: list.New(), byKey: map[string]*list.Element{}}
}

// get returns the picture under key, if cached.
func (c *shareCache) get(key string) ([]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.byKey[key]
	if !ok {
		return nil, false
	}
	c.order.MoveToFront(e)
	return e.Value.(*shareEntry).data, true
}

// put keeps data under key, dropping the least recently used pictures beyond the bounds.
func (c *shareCache) put(key string, data []byte) {
	if len(data) > shareCacheBytes {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.byKey[key]; ok {
		return
	}
	c.byKey[key] = c.order.PushFront(&shareEntry{key: key, data: data})
	c.bytes += len(data)
	for c.order.Len() > shareCacheEntries || c.bytes > shareCacheBytes {
		last := c.order.Back()
		e := last.Value.(*shareEntry)
		c.order.Remove(last)
		delete(c.byKey, e.key)
		c.bytes -= len(e.data)
	}
}

// len is how many pictures are cached.
func (c *shareCache) len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.order.Len()
}
