package linkcheck

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"syscall"
	"time"
)

// Kind is why an address does not work, in a few kinds staff can be told in words.
type Kind string

// The kinds of failure. A working address has none ("").
const (
	KindStatus    Kind = "status"    // the server answered with an error status (404, 500…)
	KindTimeout   Kind = "timeout"   // no answer in time
	KindDNS       Kind = "dns"       // the name does not exist (or its DNS does not answer)
	KindTLS       Kind = "tls"       // the secure connection failed: a bad or expired certificate
	KindRefused   Kind = "refused"   // nothing listens there, or the connection was cut
	KindRedirects Kind = "redirects" // more than MaxRedirects redirects, or a loop
	KindPrivate   Kind = "private"   // the address is not on the public internet: not asked
	KindBadURL    Kind = "bad-url"   // not an http or https address
	KindOther     Kind = "other"     // any other failure
)

// Result is what the check found at one address.
type Result struct {
	URL       string
	OK        bool
	Status    int    // the last HTTP status; 0 when no answer came
	FinalURL  string // where redirects led; the URL itself when there were none
	Kind      Kind   // why it does not work; "" when OK
	Detail    string // the error itself, for the log (never shown to staff)
	CheckedAt time.Time
}

// Checker checks addresses. The zero Checker is not usable: Client must be set.
type Checker struct {
	Client    *http.Client // NewClient in production
	UserAgent string       // names the site, so that a server's owner knows who asks
	// Timeout bounds each request, from dialling to the last byte read; zero means DefaultTimeout.
	Timeout time.Duration
	// Hosts is how many hosts are asked at once; zero means DefaultHosts. A host is never asked
	// two things at once.
	Hosts int
	// Now is the clock for CheckedAt; nil means time.Now.
	Now func() time.Time
}

// Defaults of a Checker's zero fields.
const (
	DefaultTimeout = 15 * time.Second
	DefaultHosts   = 4
)

// maxBody is how much of a body a GET reads: enough for the server to have answered in full
// for a small page, and no more for a large one.
const maxBody = 4 << 10

// Check checks every address in urls and returns a result for each, in the same order. Requests
// to one host (as written in the address) go one after another; up to Hosts hosts are asked at
// once. It returns early, with the addresses not yet checked left out, when ctx ends.
func (c *Checker) Check(ctx context.Context, urls []string) []Result {
	byHost := map[string][]int{}
	var hosts []string
	results := make([]Result, len(urls))
	for i, raw := range urls {
		host := ""
		if u, err := url.Parse(raw); err == nil {
			host = strings.ToLower(u.Host)
		}
		if _, seen := byHost[host]; !seen {
			hosts = append(hosts, host)
		}
		byHost[host] = append(byHost[host], i)
	}
	workers := c.Hosts
	if workers <= 0 {
		workers = DefaultHosts
	}
	next := make(chan string)
	var wg sync.WaitGroup
	for range min(workers, len(hosts)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for host := range next {
				for _, i := range byHost[host] {
					if ctx.Err() != nil {
						break
					}
					results[i] = c.One(ctx, urls[i])
				}
			}
		}()
	}
feed:
	for _, h := range hosts {
		select {
		case next <- h:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	done := results[:0]
	for _, r := range results {
		if r.URL != "" {
			done = append(done, r)
		}
	}
	return done
}

// One checks one address: HEAD, then GET when HEAD did not say it works (many servers refuse
// HEAD, or answer it wrongly), except after a failure that GET would only repeat.
func (c *Checker) One(ctx context.Context, raw string) Result {
	now := time.Now
	if c.Now != nil {
		now = c.Now
	}
	if u, err := url.Parse(raw); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return Result{URL: raw, FinalURL: raw, Kind: KindBadURL, Detail: "not an http or https address", CheckedAt: now()}
	}
	r := c.request(ctx, http.MethodHead, raw)
	if !r.OK && r.Kind != KindTimeout && r.Kind != KindDNS && r.Kind != KindPrivate {
		r = c.request(ctx, http.MethodGet, raw)
	}
	r.CheckedAt = now()
	return r
}

// request asks raw once with method and tells what came back.
func (c *Checker) request(ctx context.Context, method, raw string) Result {
	r := Result{URL: raw, FinalURL: raw}
	timeout := c.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, method, raw, nil)
	if err != nil {
		r.Kind, r.Detail = KindBadURL, err.Error()
		return r
	}
	if c.UserAgent != "" {
		req.Header.Set("User-Agent", c.UserAgent)
	}
	resp, err := c.Client.Do(req)
	if err != nil {
		r.Kind, r.Detail = classify(ctx, err), err.Error()
		return r
	}
	defer resp.Body.Close()
	if method == http.MethodGet {
		if _, err := io.CopyN(io.Discard, resp.Body, maxBody); err != nil && !errors.Is(err, io.EOF) {
			// The status came: a body cut short does not make the page missing, unless time ran out.
			if ctx.Err() != nil {
				r.Kind, r.Detail = KindTimeout, err.Error()
				return r
			}
		}
	}
	r.Status, r.FinalURL = resp.StatusCode, resp.Request.URL.String()
	r.OK = resp.StatusCode < 400
	if !r.OK {
		r.Kind, r.Detail = KindStatus, resp.Status
	}
	return r
}

// classify tells the kind of a failed request's error.
func classify(ctx context.Context, err error) Kind {
	var (
		dnsErr   *dnsError
		netErr   net.Error
		certErr  *tls.CertificateVerificationError
		unknown  x509.UnknownAuthorityError
		hostErr  x509.HostnameError
		invalid  x509.CertificateInvalidError
		header   tls.RecordHeaderError
		alertErr tls.AlertError
	)
	switch {
	case errors.Is(err, ErrPrivateAddress):
		return KindPrivate
	case errors.Is(err, errTooManyRedirects):
		return KindRedirects
	case errors.As(err, &dnsErr) && !dnsErr.IsTimeout:
		return KindDNS
	case errors.Is(err, context.DeadlineExceeded) || ctx.Err() != nil || (errors.As(err, &netErr) && netErr.Timeout()):
		return KindTimeout
	case errors.As(err, &certErr), errors.As(err, &unknown), errors.As(err, &hostErr), errors.As(err, &invalid),
		errors.As(err, &header), errors.As(err, &alertErr):
		return KindTLS
	case errors.Is(err, syscall.ECONNREFUSED), errors.Is(err, syscall.ECONNRESET), errors.Is(err, io.EOF),
		errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, syscall.EHOSTUNREACH), errors.Is(err, syscall.ENETUNREACH):
		return KindRefused
	}
	return KindOther
}

// dnsError is net.DNSError, named so classify's list reads evenly.
type dnsError = net.DNSError
