package web

import (
	"net/http/httptest"
	"testing"
)

func TestClientAddrCountsIPv6ByItsNetwork(t *testing.T) {
	tests := []struct {
		remote, xff string
		trustProxy  bool
		want        string
	}{
		{remote: "203.0.113.7:5000", want: "203.0.113.7"},
		{remote: "[2001:db8:1:2::1]:5000", want: "2001:db8:1:2::/64"},
		{remote: "[2001:db8:1:2:ffff:ffff:ffff:fffe]:443", want: "2001:db8:1:2::/64"},
		{remote: "[2001:db8:1:3::1]:5000", want: "2001:db8:1:3::/64"},
		{remote: "[::ffff:203.0.113.7]:5000", want: "203.0.113.7"},
		{remote: "[fe80::1%eth0]:5000", want: "fe80::/64"},
		{remote: "not an address", want: "not an address"},
		// Behind a trusted proxy, the address it saw; without trust, the header is ignored.
		{remote: "127.0.0.1:9", xff: "198.51.100.1, 2001:db8:9:9::77", trustProxy: true, want: "2001:db8:9:9::/64"},
		{remote: "127.0.0.1:9", xff: "2001:db8:9:9::77", want: "127.0.0.1"},
		{remote: "127.0.0.1:9", xff: "garbage", trustProxy: true, want: "127.0.0.1"},
	}
	for _, tt := range tests {
		r := httptest.NewRequest("GET", "/", nil)
		r.RemoteAddr = tt.remote
		if tt.xff != "" {
			r.Header.Set("X-Forwarded-For", tt.xff)
		}
		s := &Server{trustProxy: tt.trustProxy}
		if got := s.clientAddr(r); got != tt.want {
			t.Errorf("clientAddr(%q, X-Forwarded-For %q, trusted %v) = %q, want %q", tt.remote, tt.xff, tt.trustProxy, got, tt.want)
		}
	}
}
