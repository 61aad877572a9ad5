package linkcheck_test

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"os"
	"strconv"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"twincities/internal/linkcheck"
)

// testChecker asks the local test server, which listens on 127.0.0.1: private addresses allowed.
func testChecker() *linkcheck.Checker {
	return &linkcheck.Checker{Client: linkcheck.NewClient(true), UserAgent: "twincities-test", Timeout: 5 * time.Second}
}

func TestCheckKinds(t *testing.T) {
	t.Parallel()
	release := make(chan struct{})
	t.Cleanup(func() { close(release) })
	var heads, gets atomic.Int32
	mux := http.NewServeMux()
	mux.HandleFunc("/ok", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("User-Agent") != "twincities-test" {
			t.Errorf("User-Agent = %q", r.Header.Get("User-Agent"))
		}
		if r.Method == http.MethodHead {
			heads.Add(1)
		}
	})
	mux.HandleFunc("/gone", func(w http.ResponseWriter, _ *http.Request) { http.NotFound(w, nil) })
	mux.HandleFunc("/no-head", func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodHead {
			w.WriteHeader(http.StatusMethodNotAllowed)
			return
		}
		gets.Add(1)
		w.Write(make([]byte, 1<<20)) // a large page: only its start is read
	})
	mux.HandleFunc("/moved", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/ok", http.StatusMovedPermanently) })
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop", http.StatusFound) })
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select { // answers only when the test ends: the client's time limit must end the wait
		case <-release:
		case <-r.Context().Done():
		}
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)

	c := testChecker()
	c.Timeout = 200 * time.Millisecond
	urls := []string{srv.URL + "/ok", srv.URL + "/gone", srv.URL + "/no-head", srv.URL + "/moved", srv.URL + "/loop",
		srv.URL + "/slow", "ftp://example.org/file"}
	got := c.Check(context.Background(), urls)
	if len(got) != len(urls) {
		t.Fatalf("%d results for %d addresses", len(got), len(urls))
	}
	want := []struct {
		ok     bool
		status int
		kind   linkcheck.Kind
		final  string
	}{
		{true, 200, "", srv.URL + "/ok"},
		{false, 404, linkcheck.KindStatus, srv.URL + "/gone"},
		{true, 200, "", srv.URL + "/no-head"},
		{true, 200, "", srv.URL + "/ok"},
		{false, 0, linkcheck.KindRedirects, srv.URL + "/loop"},
		{false, 0, linkcheck.KindTimeout, srv.URL + "/slow"},
		{false, 0, linkcheck.KindBadURL, "ftp://example.org/file"},
	}
	for i, w := range want {
		r := got[i]
		if r.URL != urls[i] || r.OK != w.ok || r.Status != w.status || r.Kind != w.kind || r.FinalURL != w.final || r.CheckedAt.IsZero() {
			t.Errorf("%s: got ok=%v status=%d kind=%q final=%q (%s), want ok=%v status=%d kind=%q final=%q",
				urls[i], r.OK, r.Status, r.Kind, r.FinalURL, r.Detail, w.ok, w.status, w.kind, w.final)
		}
	}
	if gets.Load() != 1 {
		t.Errorf("the page that refuses HEAD was asked with GET %d times, want 1", gets.Load())
	}
	if heads.Load() != 2 { // /ok itself and at the end of /moved's redirect; no GET after a HEAD that worked
		t.Errorf("/ok was asked with HEAD %d times, want 2", heads.Load())
	}
}

// A host is asked one thing at a time, however many of its addresses there are, while other hosts
// are asked meanwhile.
func TestOneRequestPerHost(t *testing.T) {
	t.Parallel()
	var mu sync.Mutex
	now, most := map[string]int{}, map[string]int{}
	handler := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		now[r.Host]++
		most[r.Host] = max(most[r.Host], now[r.Host])
		mu.Unlock()
		time.Sleep(5 * time.Millisecond) // long enough for a second request to overlap, if one were sent
		mu.Lock()
		now[r.Host]--
		mu.Unlock()
		if r.Method == http.MethodHead {
			w.WriteHeader(http.StatusForbidden) // and then a GET: still one at a time
		}
	})
	a, b := httptest.NewServer(handler), httptest.NewServer(handler)
	t.Cleanup(a.Close)
	t.Cleanup(b.Close)
	var urls []string
	for i := range 10 {
		urls = append(urls, a.URL+"/"+string(rune('a'+i)), b.URL+"/"+string(rune('a'+i)))
	}
	results := testChecker().Check(context.Background(), urls)
	for _, r := range results {
		if !r.OK {
			t.Errorf("%s: %+v", r.URL, r)
		}
	}
	if len(results) != len(urls) {
		t.Errorf("%d results for %d addresses", len(results), len(urls))
	}
	for host, n := range most {
		if n != 1 {
			t.Errorf("host %s was asked %d things at once, want 1", host, n)
		}
	}
	if len(most) != 2 {
		t.Errorf("hosts asked: %v", most)
	}
}

// The production client does not connect to this machine, nor follow a redirect to it.
func TestPrivateAddressesRefused(t *testing.T) {
	t.Parallel()
	var asked atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { asked.Add(1) }))
	t.Cleanup(srv.Close)
	c := &linkcheck.Checker{Client: linkcheck.NewClient(false), Timeout: 5 * time.Second}
	port := strconv.Itoa(srv.Listener.Addr().(*net.TCPAddr).Port)
	for _, u := range []string{srv.URL + "/", "http://localhost:" + port + "/"} {
		r := c.One(context.Background(), u)
		if r.OK || r.Kind != linkcheck.KindPrivate {
			t.Errorf("%s: ok=%v kind=%q (%s), want refused as private", u, r.OK, r.Kind, r.Detail)
		}
	}
	if asked.Load() != 0 {
		t.Errorf("the local server was asked %d times", asked.Load())
	}
}

func TestPublic(t *testing.T) {
	t.Parallel()
	for addr, want := range map[string]bool{
		"93.184.216.34": true, "2a00:1450:4001:80b::200e": true,
		"127.0.0.1": false, "::1": false, "10.1.2.3": false, "172.16.0.1": false, "192.168.1.1": false,
		"169.254.169.254": false, "fe80::1": false, "fc00::1": false, "100.64.0.1": false, "0.0.0.0": false,
		"::": false, "224.0.0.1": false, "::ffff:127.0.0.1": false, "::ffff:10.0.0.1": false,
	} {
		if got := linkcheck.Public(netip.MustParseAddr(addr)); got != want {
			t.Errorf("Public(%s) = %v, want %v", addr, got, want)
		}
	}
}

// Failures that a test cannot cause without asking the internet are told by their errors.
func TestClassify(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		err  error
		want linkcheck.Kind
	}{
		{&url.Error{Op: "Head", URL: "http://x.example", Err: &net.OpError{Op: "dial", Err: &net.DNSError{Err: "no such host", Name: "x.example", IsNotFound: true}}}, linkcheck.KindDNS},
		{&url.Error{Op: "Head", URL: "http://x.example", Err: &net.DNSError{Err: "i/o timeout", IsTimeout: true}}, linkcheck.KindTimeout},
		{&url.Error{Op: "Get", URL: "https://x.example", Err: &tls.CertificateVerificationError{Err: x509.UnknownAuthorityError{}}}, linkcheck.KindTLS},
		{&url.Error{Op: "Get", URL: "https://x.example", Err: x509.HostnameError{Host: "x.example", Certificate: &x509.Certificate{}}}, linkcheck.KindTLS},
		{&url.Error{Op: "Get", URL: "http://x.example", Err: &net.OpError{Op: "dial", Err: os.NewSyscallError("connect", syscall.ECONNREFUSED)}}, linkcheck.KindRefused},
		{errors.New("something else"), linkcheck.KindOther},
	} {
		if got := linkcheck.Classify(context.Background(), c.err); got != c.want {
			t.Errorf("Classify(%v) = %q, want %q", c.err, got, c.want)
		}
	}
}
