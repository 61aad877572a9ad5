package web

import (
	"net"
	"net/http"
	"net/netip"
	"strings"
)

// clientAddr is who a request came from, as the throttles count it (sign-in, the login code,
// messages to the department): the connection's address or, behind a trusted reverse proxy, the
// last address it added to X-Forwarded-For; see throttleKey.
func (s *Server) clientAddr(r *http.Request) string {
	if s.trustProxy {
		if xff := r.Header.Get("X-Forwarded-For"); xff != "" {
			parts := strings.Split(xff, ",")
			if a, err := netip.ParseAddr(strings.TrimSpace(parts[len(parts)-1])); err == nil {
				return throttleKey(a)
			}
		}
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	a, err := netip.ParseAddr(host)
	if err != nil {
		return host
	}
	return throttleKey(a)
}

// throttleKey names the sender behind an address. An IPv4 address is one sender. An IPv6 address
// is counted by its /64 network: a subscriber is given a whole /64 and can send each request from
// a new address in it, so counting single addresses would not throttle anyone. An IPv4 address
// written as IPv6 (::ffff:203.0.113.7) is the IPv4 address. A zone (fe80::1%eth0) is dropped.
func throttleKey(a netip.Addr) string {
	a = a.Unmap().WithZone("")
	if a.Is4() {
		return a.String()
	}
	p, err := a.Prefix(64)
	if err != nil {
		return a.String()
	}
	return p.String()
}
