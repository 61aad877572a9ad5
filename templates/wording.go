package templates

import (
	"net/url"
	"strings"
	"unicode"

	"twincities/internal/content"
	"twincities/internal/i18n"
)

// kindHeading heads a kind's groups on the memberships page: singular when the kind has one
// organisation in all its scopes ("Ассоциация"), plural otherwise ("Ассоциации").
func kindHeading(m *i18n.Messages, groups []OrgGroup, k content.OrgKind) string {
	n := 0
	for _, g := range groups {
		if g.Kind == k {
			n += len(g.Orgs)
		}
	}
	if n == 1 {
		return m.OrgKindNamesOne[k]
	}
	return m.OrgKindNames[k]
}

// scopeHeading heads one group: singular, agreeing with the kind's noun, when it holds one
// organisation ("Межрегиональная"), plural otherwise ("Межрегиональные").
func scopeHeading(m *i18n.Messages, g OrgGroup) string {
	if len(g.Orgs) == 1 {
		return m.ScopeNamesOne[g.Kind][g.Scope]
	}
	return m.ScopeNames[g.Scope]
}

// textLang is the lang attribute a text needs on a page in language l, or "" when it is in the
// page's language: source titles are often English on Russian pages, and a screen reader must
// switch its voice for them. A text with Cyrillic letters is Russian; one with Latin letters and
// no Cyrillic is English; one with neither (digits only) needs nothing.
func textLang(l content.Lang, s string) string {
	cyrillic, latin := false, false
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Cyrillic, r):
			cyrillic = true
		case unicode.Is(unicode.Latin, r):
			latin = true
		}
	}
	switch {
	case l == content.RU && latin && !cyrillic:
		return string(content.EN)
	case l == content.EN && cyrillic:
		return string(content.RU)
	}
	return ""
}

// linkHost is the site a link leads to, as people read it ("gp-static.wdepo.ru"): shown beside a
// "Read more" link instead of the address, which may be long and escaped ("%2016:39:57").
func linkHost(u string) string {
	p, err := url.Parse(u)
	if err != nil || p.Hostname() == "" {
		return ""
	}
	return strings.TrimPrefix(p.Hostname(), "www.")
}
