package web

import (
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestConcurrentMissesShareOneRender: a crowd asking for a page missing from the cache (just
// after a save emptied it) waits for one render instead of each rendering and compressing the
// page. Every visitor still gets the whole page.
func TestConcurrentMissesShareOneRender(t *testing.T) {
	s := &Server{pages: newPageCache(1<<20, 0), now: time.Now}
	s.pages.setListening(true)
	const crowd = 20
	var renders atomic.Int32
	release := make(chan struct{})
	page := s.cached(func(w http.ResponseWriter, r *http.Request) error {
		renders.Add(1)
		<-release
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte("<!doctype html><p>the page</p>"))
		return nil
	})
	var wg sync.WaitGroup
	bodies := make([]string, crowd)
	for i := range crowd {
		wg.Go(func() {
			rec := httptest.NewRecorder()
			page(rec, httptest.NewRequest(http.MethodGet, "/ru/awards", nil))
			bodies[i] = rec.Body.String()
		})
	}
	// Every request has missed the cache; the first render is held until then.
	for s.pages.stats().Misses < crowd {
		time.Sleep(time.Millisecond)
	}
	time.Sleep(50 * time.Millisecond) // from its miss to waiting on the render
	close(release)
	wg.Wait()
	for i, b := range bodies {
		if b != "<!doctype html><p>the page</p>" {
			t.Fatalf("visitor %d got %q", i, b)
		}
	}
	// One render, or a few should a visitor have been held up between its miss and the wait:
	// never one each, which is what the crowd would cost without the sharing.
	if n := renders.Load(); n > crowd/2 {
		t.Errorf("%d visitors missing the page rendered it %d times", crowd, n)
	}
	if st := s.pages.stats(); st.Entries != 1 {
		t.Errorf("the page was not stored once: %+v", st)
	}
}
