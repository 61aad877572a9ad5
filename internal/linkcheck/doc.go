// Package linkcheck checks whether web addresses still answer: the sources and official sites
// that entries link to (issue 11, item 8). It knows nothing of the site's data: it takes a list
// of addresses and an *http.Client and says, for each, whether it works and, if not, why, in a
// few kinds that staff can be told in words.
//
// It is polite to the servers it asks: HEAD first (no body), GET only when HEAD is refused, at
// most a few kilobytes of a body read, one request at a time to a host, a few hosts at once, a
// User-Agent naming the site, and a time limit on every request.
package linkcheck
