package web

import (
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"twincities/internal/content"
	"twincities/internal/i18n"
	"twincities/internal/store"
	"twincities/templates"
)

// searchPageSize is how many hits a page of results shows.
const searchPageSize = 20

// searchMaxPage bounds the page number anybody may ask for: no search of ours has more pages,
// and a larger offset would only make the database count further.
const searchMaxPage = 500

// searchExamples are the queries the search page offers to try, per language: a name, a word of
// a text, and a name in the other language, which search finds too. They are queries, not facts.
var searchExamples = map[content.Lang][]string{
	content.RU: {"Дуйсбург", "грамота", "Kazan", "Оксфорд"},
	content.EN: {"Duisburg", "certificate", "Казань", "Oxford"},
}

// badSearch is a search the site refuses (400), with the message that says why.
type badSearch struct {
	text func(m *i18n.Messages) string
}

func (e badSearch) Error() string { return "web: bad search" }

var (
	errSearchTooLong = badSearch{func(m *i18n.Messages) string { return fmt.Sprintf(m.SearchTooLong, store.SearchMaxLength) }}
	errSearchTerms   = badSearch{func(m *i18n.Messages) string { return fmt.Sprintf(m.SearchTooManyWords, store.SearchMaxTerms) }}
	errSearchPage    = badSearch{func(m *i18n.Messages) string { return m.SearchBadPage }}
	errSearchKind    = badSearch{func(m *i18n.Messages) string { return m.SearchBadKind }}
)

// searchRequest is a search as the address asks for it, checked.
type searchRequest struct {
	query string
	kind  content.Entity
	page  int
}

// parseSearch reads and checks q, kind and page. A query of characters nobody can type, longer
// than store.SearchMaxLength characters or of more than store.SearchMaxTerms words, a page that
// is not a number from 1 to searchMaxPage, or a kind search does not know, is refused: what an
// anonymous visitor may make the database do is bounded here.
func parseSearch(r *http.Request) (searchRequest, error) {
	v := r.URL.Query()
	q := strings.Join(strings.Fields(v.Get("q")), " ")
	if !content.Typable(q, false) {
		return searchRequest{}, errBadSearch
	}
	if len([]rune(q)) > store.SearchMaxLength {
		return searchRequest{}, errSearchTooLong
	}
	if store.SearchTerms(q) > store.SearchMaxTerms {
		return searchRequest{}, errSearchTerms
	}
	req := searchRequest{query: q, kind: content.Entity(v.Get("kind")), page: 1}
	if req.kind != "" && !slices.Contains(store.SearchKinds, req.kind) {
		return searchRequest{}, errSearchKind
	}
	if p := v.Get("page"); p != "" || v.Has("page") {
		n, err := strconv.Atoi(p)
		if err != nil || n < 1 || n > searchMaxPage {
			return searchRequest{}, errSearchPage
		}
		req.page = n
	}
	return req, nil
}

// path is the address of this search at base (/ru/search, /admin/search), on another page or
// narrowed to another kind.
func (req searchRequest) path(base string, kind content.Entity, page int) string {
	v := url.Values{}
	v.Set("q", req.query)
	if kind != "" {
		v.Set("kind", string(kind))
	}
	if page > 1 {
		v.Set("page", strconv.Itoa(page))
	}
	return base + "?" + v.Encode()
}

// paging sets how many pages of size the total hits take, and the addresses of the pages before
// and after; a page past the last is refused.
func (req searchRequest) paging(d *templates.SearchData, base string, size int) error {
	d.Page, d.Pages = req.page, max(1, (d.Total+size-1)/size)
	if req.page > d.Pages {
		return errSearchPage
	}
	if req.page > 1 {
		d.Previous = req.path(base, req.kind, req.page-1)
	}
	if req.page < d.Pages {
		d.Next = req.path(base, req.kind, req.page+1)
	}
	return nil
}

// search handles "GET /{lang}/search": the search page, with the results of ?q= grouped by
// kind, ?kind= narrowing them to one, ?page= paging through them.
func (s *Server) search(w http.ResponseWriter, r *http.Request) error {
	ctx, l := r.Context(), langOf(r)
	m := i18n.For(l)
	req, err := parseSearch(r)
	if err != nil {
		return err
	}
	base := "/" + string(l) + "/search"
	d := templates.SearchData{Query: req.query}
	title := m.SearchTitle
	if req.query == "" {
		for _, e := range searchExamples[l] {
			d.Examples = append(d.Examples, templates.SearchLink{Label: e, Path: searchRequest{query: e}.path(base, "", 1)})
		}
	} else {
		title = fmt.Sprintf(m.SearchTitleFor, req.query)
		res, err := store.Search(ctx, s.db, store.SearchQuery{Text: req.query, Lang: l, Kind: req.kind,
			Limit: searchPageSize, Offset: (req.page - 1) * searchPageSize})
		if err != nil {
			return err
		}
		d.Kind = req.kind
		d.Total = res.Total()
		if req.kind != "" {
			d.Total = res.Counts[req.kind]
		}
		if res.Total() > 0 {
			d.Kinds = append(d.Kinds, templates.SearchKindLink{Label: m.SearchAll, Count: res.Total(),
				Path: req.path(base, "", 1), Current: req.kind == ""})
		}
		for _, k := range store.SearchKinds {
			if n := res.Counts[k]; n > 0 {
				d.Kinds = append(d.Kinds, templates.SearchKindLink{Label: m.SearchKindNames[k], Count: n,
					Path: req.path(base, k, 1), Current: req.kind == k})
			}
		}
		for _, h := range res.Hits {
			if len(d.Groups) == 0 || d.Groups[len(d.Groups)-1].Kind != h.Kind {
				d.Groups = append(d.Groups, templates.SearchGroup{Kind: h.Kind, Label: m.SearchKindNames[h.Kind], Count: res.Counts[h.Kind]})
			}
			g := &d.Groups[len(d.Groups)-1]
			g.Hits = append(g.Hits, templates.SearchHit{Title: titleIn(h.Title, l), Path: "/" + string(l) + h.Path,
				Snippet: snippetParts(h.Snippet)})
		}
		for _, name := range res.Suggestions {
			d.Suggestions = append(d.Suggestions, templates.SearchLink{Label: name, Path: searchRequest{query: name}.path(base, "", 1)})
		}
		if err := req.paging(&d, base, searchPageSize); err != nil {
			return err
		}
	}
	p := s.page(r, title, "", crumb(r, m.SearchTitle, "/search"))
	if req.query != "" {
		p.NoIndex = true // results are no page of their own for search engines
		p.AltPath = req.path("/"+string(l.Other())+"/search", req.kind, req.page)
	}
	s.render(w, r, http.StatusOK, templates.Search(p, d))
	return nil
}

// titleIn is an entry's title in language l, or in the other when a draft lacks it.
func titleIn(t content.Text, l content.Lang) string {
	if s := t.In(l); s != "" {
		return s
	}
	return t.In(l.Other())
}

// snippetParts is a snippet as the template prints it: text, part by part.
func snippetParts(s string) []templates.SnippetPart {
	var parts []templates.SnippetPart
	for _, p := range store.SplitSnippet(s) {
		parts = append(parts, templates.SnippetPart{Text: p.Text, Mark: p.Mark})
	}
	return parts
}

// isSearchFailure reports whether err is a search refused (badSearch) or given up on.
func isSearchFailure(err error) bool {
	var bad badSearch
	return errors.As(err, &bad) || errors.Is(err, store.ErrSearchTimeout)
}

// searchProblem shows the page of a search refused (400, saying why) or given up on by the
// database (503: try again).
func (s *Server) searchProblem(w http.ResponseWriter, r *http.Request, err error) {
	m := i18n.For(langOf(r))
	var bad badSearch
	if errors.As(err, &bad) {
		s.problem(w, r, http.StatusBadRequest, m.BadRequestTitle, bad.text(m))
		return
	}
	s.logLimited(slog.LevelWarn, "search timeout", "a search took longer than the database allows", err)
	w.Header().Set("Retry-After", strconv.Itoa(retryAfter))
	s.problem(w, r, http.StatusServiceUnavailable, m.UnavailableTitle, m.SearchBusy)
}
