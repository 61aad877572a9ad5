package linkcheck

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"syscall"
	"time"
)

// ErrPrivateAddress is the failure of a connection refused because its address is not on the
// public internet.
var ErrPrivateAddress = errors.New("linkcheck: address is not public")

// errTooManyRedirects stops a chain of redirects longer than MaxRedirects.
var errTooManyRedirects = errors.New("linkcheck: too many redirects")

// MaxRedirects is how many redirects an address may take before it counts as broken: browsers
// give up at about 20, and an official page that needs more than 10 is broken in practice.
const MaxRedirects = 10

// NewClient returns the client the check uses in production when allowPrivate is false.
//
// The addresses are typed by staff, not by visitors, but a mistyped or malicious one must still
// not make the server knock on doors that only it can reach (its database, the admin ports of
// the machines beside it, a cloud's metadata service): a request from the server to such an
// address is server-side request forgery. So the dialer refuses every address that is not public
// (loopback, private ranges, link-local, shared address space, unspecified, multicast). It
// decides on the address actually dialled, after DNS, so a public name resolving to a private
// address is refused too, and so is a redirect to one: every redirect dials anew through the same
// dialer. No proxy is used, for the same reason: the proxy would be the address checked.
//
// allowPrivate is for tests only, whose server listens on 127.0.0.1.
func NewClient(allowPrivate bool) *http.Client {
	dialer := &net.Dialer{Timeout: 10 * time.Second}
	if !allowPrivate {
		dialer.Control = refusePrivate
	}
	transport := &http.Transport{
		Proxy:                 nil,
		DialContext:           dialer.DialContext,
		ForceAttemptHTTP2:     true,
		TLSHandshakeTimeout:   10 * time.Second,
		ResponseHeaderTimeout: 15 * time.Second,
		MaxIdleConns:          10,
		IdleConnTimeout:       30 * time.Second,
	}
	return &http.Client{Transport: transport, CheckRedirect: limitRedirects}
}

// limitRedirects follows up to MaxRedirects redirects.
func limitRedirects(_ *http.Request, via []*http.Request) error {
	if len(via) > MaxRedirects {
		return errTooManyRedirects
	}
	return nil
}

// refusePrivate is the dialer's Control: it runs just before each connection, with the address
// already resolved, and refuses any that is not public.
func refusePrivate(_, address string, _ syscall.RawConn) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return fmt.Errorf("%w: %s", ErrPrivateAddress, address)
	}
	if !Public(ap.Addr()) {
		return fmt.Errorf("%w: %s", ErrPrivateAddress, ap.Addr())
	}
	return nil
}

// sharedAddressSpace is 100.64.0.0/10 (RFC 6598), carriers' NAT: not public either.
var sharedAddressSpace = netip.MustParsePrefix("100.64.0.0/10")

// thisNetwork is 0.0.0.0/8, which Linux connects to this very machine.
var thisNetwork = netip.MustParsePrefix("0.0.0.0/8")

// Public reports whether a is an address on the public internet.
func Public(a netip.Addr) bool {
	a = a.Unmap() // ::ffff:127.0.0.1 is 127.0.0.1
	return a.IsValid() && a.IsGlobalUnicast() && !a.IsPrivate() && !a.IsLoopback() &&
		!a.IsLinkLocalUnicast() && !sharedAddressSpace.Contains(a) && !thisNetwork.Contains(a)
}
