// Package markdown turns the Markdown staff write into HTML that is safe to put on a page: goldmark
// renders it (raw HTML in the source is not passed through), then bluemonday keeps only the
// elements and attributes of ordinary user-written text.
package markdown

import (
	"bytes"
	"html"
	"strconv"
	"strings"
	"sync"

	"github.com/microcosm-cc/bluemonday"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"

	"twincities/internal/memo"
)

var (
	md = goldmark.New(goldmark.WithExtensions(extension.Linkify, extension.Strikethrough, extension.Table))
	// policy is bluemonday's policy for user-generated content, with links made safe to follow:
	// no referrer is sent to the sites staff link to.
	policy = sync.OnceValue(func() *bluemonday.Policy {
		p := bluemonday.UGCPolicy()
		p.RequireNoFollowOnLinks(false)
		p.RequireNoReferrerOnLinks(true)
		p.AllowURLSchemes("http", "https", "mailto", "tel")
		return p
	})
)

// memoBudget bounds the bytes Render's and Summary's remembered texts take, each: the texts of a
// grown site (issue 12: 1,000 cities and awards, 5,000 news, in two languages) fit several times
// over, while a flood of edits cannot grow the memory without end.
const memoBudget = 8 << 20

// rendered remembers Render's results.
var rendered = memo.New(memoBudget)

// Render returns the sanitised HTML for src. Empty text renders as "".
func Render(src string) string {
	if src == "" {
		return ""
	}
	return rendered.Get(src, render)
}

// render is Render, worked out afresh.
func render(src string) string {
	var buf bytes.Buffer
	if err := md.Convert([]byte(src), &buf); err != nil {
		// goldmark only fails when writing to buf fails, which a bytes.Buffer does not.
		return policy().Sanitize(src)
	}
	return string(policy().SanitizeBytes(buf.Bytes()))
}

var strict = sync.OnceValue(bluemonday.StrictPolicy)

// summaries remembers Summary's results, keyed by the length and the source.
var summaries = memo.New(memoBudget)

// Summary is src as plain text of at most max characters, cut at a word and marked with an
// ellipsis: for meta descriptions, which may hold no markup.
func Summary(src string, max int) string {
	key := strconv.Itoa(max) + "\x00" + src
	return summaries.Get(key, func(string) string { return summary(src, max) })
}

// summary is Summary, worked out afresh.
func summary(src string, max int) string {
	text := html.UnescapeString(strict().Sanitize(Render(src)))
	text = strings.Join(strings.Fields(text), " ")
	r := []rune(text)
	if len(r) <= max {
		return text
	}
	if max < 1 {
		return ""
	}
	// The ellipsis counts towards max, and the word boundary is found in runes, not bytes, so
	// Russian text is cut as English is.
	cut := r[:max-1]
	if i := lastSpace(r[:max]); i > max/2 {
		cut = r[:i]
	}
	return strings.TrimRight(string(cut), " ,.;:—–-") + "…"
}

func lastSpace(r []rune) int {
	for i := len(r) - 1; i >= 0; i-- {
		if r[i] == ' ' {
			return i
		}
	}
	return -1
}
