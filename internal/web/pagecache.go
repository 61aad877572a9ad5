package web

import (
	"container/list"
	"fmt"
	"net/http"
	"sync"
	"time"

	"twincities/internal/content"
)

// The page cache (issue 12, page cache): public pages as they were last rendered, already
// compressed, kept in memory up to a byte budget and dropped whenever the content may have
// changed. Freshness comes from PostgreSQL (pagecache_listen.go): every change to a public table
// notifies every instance, which drops its pages; a save through this instance's admin drops them
// at once (dropAfterAdminWrites). Which routes are cached, and with which query parameters,
// routes.go says (s.cached, pagecache_serve.go).

// notFoundShare is the part of the budget kept for 404 pages: any address makes one, and random
// addresses must not push the real pages out.
const notFoundShare = 16

// pageCache holds the cached pages of one Server. The zero budget caches nothing; pages are then
// rendered for every request, still with ETags.
type pageCache struct {
	mu sync.Mutex
	// pages holds the pages found; missing, the 404 pages, with a budget of their own.
	pages, missing lru
	// generation moves at every drop: a page rendered before a drop is not stored after it.
	generation uint64
	// listening is whether the notifications of changes arrive; while they do not, nothing is
	// stored, as a change could go unnoticed.
	listening bool

	hits, misses, evictions uint64

	// perm is Perm's time zone: the pages that tell what is coming up depend on Perm's date.
	perm *time.Location
	// publicControl and privateControl are the Cache-Control of the pages, made once from
	// Deps.PublicMaxAge (cacheControl).
	publicControl, privateControl string
}

func newPageCache(budget int64, maxAge time.Duration) *pageCache {
	c := &pageCache{perm: time.UTC, publicControl: "no-cache", privateControl: "private"}
	if n := int64(maxAge / time.Second); n > 0 {
		c.publicControl = fmt.Sprintf("public, max-age=%d, s-maxage=%d", n, n)
		c.privateControl = fmt.Sprintf("private, max-age=%d", n)
	}
	if loc, err := time.LoadLocation(content.PermTimeZone); err == nil {
		c.perm = loc
	}
	var missing int64
	if budget > 0 {
		missing = max(budget/notFoundShare, 1)
	}
	c.missing.init(missing)
	c.pages.init(budget - missing)
	return c
}

// enabled reports whether pages are kept at all.
func (c *pageCache) enabled() bool { return c.pages.budget > 0 }

// get returns the page stored under key, counting a hit or a miss.
func (c *pageCache) get(key string) (*cachedPage, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	p, ok := c.pages.get(key)
	if !ok {
		p, ok = c.missing.get(key)
	}
	if ok {
		c.hits++
	} else {
		c.misses++
	}
	return p, ok
}

// begin is taken before a page is rendered: the generation to hand to put, and whether a page
// rendered now may be stored at all.
func (c *pageCache) begin() (generation uint64, storable bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.generation, c.enabled() && c.listening
}

// put stores p under key, unless the pages were dropped since begin returned generation: the
// render may have read the content before the change that dropped them.
func (c *pageCache) put(key string, p *cachedPage, generation uint64) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if generation != c.generation || !c.listening || !c.enabled() {
		return false
	}
	l := &c.pages
	if p.status == http.StatusNotFound {
		l = &c.missing
	}
	stored, evicted := l.put(key, p)
	c.evictions += uint64(evicted)
	return stored
}

// drop forgets every page: the content may have changed.
func (c *pageCache) drop() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.generation++
	c.pages.clear()
	c.missing.clear()
}

// setListening records whether the notifications of changes arrive. Both ways the pages are
// dropped: a change may have been missed while they did not, and none is noticed while they do
// not.
func (c *pageCache) setListening(on bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.listening = on
	c.generation++
	c.pages.clear()
	c.missing.clear()
}

// pageCacheStats are the figures staff and operations read on /readyz and in the log at shutdown.
type pageCacheStats struct {
	Entries                 int
	Bytes, Budget           int64
	Hits, Misses, Evictions uint64
	Listening               bool
}

func (c *pageCache) stats() pageCacheStats {
	c.mu.Lock()
	defer c.mu.Unlock()
	return pageCacheStats{
		Entries: c.pages.ll.Len() + c.missing.ll.Len(), Bytes: c.pages.used + c.missing.used,
		Budget: c.pages.budget + c.missing.budget, Hits: c.hits, Misses: c.misses, Evictions: c.evictions,
		Listening: c.listening,
	}
}

// String is the one line /readyz shows.
func (st pageCacheStats) String() string {
	if st.Budget == 0 {
		return "page cache: off"
	}
	state := "listening for changes"
	if !st.Listening {
		state = "not listening for changes, storing nothing"
	}
	return fmt.Sprintf("page cache: %d pages, %d of %d bytes, %d hits, %d misses, %d evicted, %s",
		st.Entries, st.Bytes, st.Budget, st.Hits, st.Misses, st.Evictions, state)
}

// lru is a map of pages bounded by the sum of their sizes, forgetting the least recently used
// first. Its owner locks it.
type lru struct {
	budget, used int64
	ll           *list.List // of *cachedPage, the most recently used first
	items        map[string]*list.Element
}

func (l *lru) init(budget int64) {
	l.budget = budget
	l.clear()
}

func (l *lru) clear() {
	l.used = 0
	l.ll = list.New()
	l.items = map[string]*list.Element{}
}

func (l *lru) get(key string) (*cachedPage, bool) {
	e, ok := l.items[key]
	if !ok {
		return nil, false
	}
	l.ll.MoveToFront(e)
	return e.Value.(*cachedPage), true
}

// put stores p, forgetting the least recently used pages until it fits. A page larger than a
// quarter of the budget is not stored: it would push out too much.
func (l *lru) put(key string, p *cachedPage) (stored bool, evicted int) {
	if p.size+int64(len(key)) > l.budget/4 {
		return false, 0
	}
	if e, ok := l.items[key]; ok {
		l.used -= e.Value.(*cachedPage).size
		l.ll.Remove(e)
		delete(l.items, key)
	}
	for l.used+p.size+int64(len(key)) > l.budget {
		oldest := l.ll.Back()
		old := oldest.Value.(*cachedPage)
		l.ll.Remove(oldest)
		delete(l.items, old.key)
		l.used -= old.size
		evicted++
	}
	p.key = key
	p.size += int64(len(key))
	l.items[key] = l.ll.PushFront(p)
	l.used += p.size
	return true, evicted
}
