package web

import (
	"net/http"
	"net/url"
	"strconv"

	"twincities/internal/i18n"
	"twincities/templates"
)

// listPageSize is how many entries a page of a long list shows, public or admin (issue 12): a
// list of the size the site has now fits one page and shows no pager.
const listPageSize = 50

// pageParam reads ?page=: 1 when absent; errBadRequest for anything but one whole number from 1.
func pageParam(r *http.Request) (int, error) {
	v := r.URL.Query()
	if !v.Has("page") {
		return 1, nil
	}
	n, err := strconv.Atoi(v.Get("page"))
	if err != nil || n < 1 || len(v["page"]) > 1 {
		return 0, errBadRequest
	}
	return n, nil
}

// publicPageParam is pageParam for a public list: a bad page number is answered here, 400 with
// the reason in the page's language, and ok is false.
func (s *Server) publicPageParam(w http.ResponseWriter, r *http.Request) (page int, ok bool) {
	page, err := pageParam(r)
	if err != nil {
		m := i18n.For(langOf(r))
		s.problem(w, r, http.StatusBadRequest, m.BadRequestTitle, m.NewsBadPage)
		return 0, false
	}
	return page, true
}

// makePager places page of a list of total entries, size a page, at the address u (whose other
// parameters, such as an admin list's filters, its links keep). A page past the last is
// errNotFound; the first page of an empty list exists.
func makePager(u *url.URL, page, total, size int) (templates.Pager, error) {
	pages := max(1, (total+size-1)/size)
	if page > pages {
		return templates.Pager{}, errNotFound
	}
	pg := templates.Pager{Page: page, Pages: pages, Total: total, From: min(total, (page-1)*size+1), To: min(total, page*size)}
	if page > 1 {
		pg.Previous = pageAddress(u, page-1)
	}
	if page < pages {
		pg.Next = pageAddress(u, page+1)
	}
	return pg, nil
}

// pageAddress is page n of the list at u: the first page without ?page.
func pageAddress(u *url.URL, n int) string {
	q := u.Query()
	q.Del("page")
	if n > 1 {
		q.Set("page", strconv.Itoa(n))
	}
	out := url.URL{Path: u.Path, RawQuery: q.Encode()}
	return out.String()
}

// pageItems is the part of items that page pg shows, items being the whole list in order.
func pageItems[T any](items []T, pg templates.Pager) []T {
	if pg.Total == 0 {
		return items
	}
	return items[pg.From-1 : pg.To]
}

// keepPage marks p as page n of a public list: its title, its canonical and language links and
// the settings' way back name that page, and the language switch leads to the same page in the
// other language.
func keepPage(p *templates.Page, n int) {
	p.ListPage = n
	if n > 1 {
		p.AltPath = pageAddress(&url.URL{Path: p.AltPath}, n)
	}
}
