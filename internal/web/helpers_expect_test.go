package web_test

import (
	"net/http"
	"strings"
	"testing"

	"twincities/internal/content"
	"twincities/internal/i18n"
)

// What the tests expect of a page: its status, its redirect, and readable failure messages.

// The admin's messages in each language, to compare pages with.
var (
	adminEN = i18n.AdminFor(content.EN)
	adminRU = i18n.AdminFor(content.RU)
)

// expectStatus fails the test unless p has status want.
func expectStatus(tb testing.TB, p page, want int) {
	tb.Helper()
	if p.status != want {
		tb.Fatalf("%s: status %d, want %d\n%s", shortPath(p.path), p.status, want, excerpt(p))
	}
}

// expectRedirect fails the test unless p is a 303 to location.
func expectRedirect(tb testing.TB, p page, location string) {
	tb.Helper()
	if p.status != http.StatusSeeOther || p.location() != location {
		tb.Fatalf("%s: status %d to %q, want 303 to %q\n%s", p.path, p.status, p.location(), location, excerpt(p))
	}
}

// expectSignInPage fails the test unless p sends the person to sign in.
func expectSignInPage(tb testing.TB, p page) {
	tb.Helper()
	if p.status != http.StatusSeeOther || !strings.HasPrefix(p.location(), "/admin/login") {
		tb.Fatalf("%s: status %d to %q, want 303 to the sign-in page\n%s", p.path, p.status, p.location(), excerpt(p))
	}
}

// shortPath keeps failure messages readable when an address is long.
func shortPath(p string) string {
	if len(p) > 120 {
		return p[:120] + "…"
	}
	return p
}

// excerpt is the start of a page's text, for failure messages.
func excerpt(p page) string {
	t := p.text()
	if t == "" {
		t = p.body
	}
	if len(t) > 1500 {
		t = t[:1500] + "…"
	}
	return t
}
