package web

import (
	"net/http"
	"strconv"

	"github.com/go-chi/chi/v5"

	"twincities/internal/i18n"
	"twincities/internal/schemaorg"
	"twincities/internal/store"
	"twincities/templates"
)

// newsPageSize is how many items a page of the news list shows.
const newsPageSize = 10

// listNews handles "GET /{lang}/news": the published news, newest first, newsPageSize a page
// (?page=N from 1). A page number that is not a whole number from 1 is refused (400) in the
// page's language; a page past the last is not found (404); the first page of no news says so.
func (s *Server) listNews(w http.ResponseWriter, r *http.Request) error {
	ctx, l := r.Context(), langOf(r)
	m := i18n.For(l)
	page := 1
	if v := r.URL.Query(); v.Has("page") {
		n, err := strconv.Atoi(v.Get("page"))
		if err != nil || n < 1 || len(v["page"]) > 1 {
			s.problem(w, r, http.StatusBadRequest, m.BadRequestTitle, m.NewsBadPage)
			return nil
		}
		page = n
	}
	d := templates.NewsListData{Page: page}
	var (
		f     frame
		rs    store.Reads
		total int
	)
	// The page, the count and the frame in one round trip; a page past the last is found out
	// after it, having cost no more.
	f.queue(&rs)
	rs.CountNews(store.NewsQuery{Filter: store.Public}, &total)
	rs.ListNews(store.NewsQuery{Filter: store.Public, Limit: newsPageSize, Offset: (page - 1) * newsPageSize}, &d.Items)
	if err := rs.Send(ctx, s.db); err != nil {
		return err
	}
	if d.Pages = max(1, (total+newsPageSize-1)/newsPageSize); page > d.Pages {
		return errNotFound
	}
	base := "/" + string(l) + "/news"
	if page > 1 {
		d.Previous = newsPagePath(base, page-1)
	}
	if page < d.Pages {
		d.Next = newsPagePath(base, page+1)
	}
	p := s.pageWith(r, &f, m.News, "/news", crumb(r, m.News, "/news"))
	keepPage(&p, page)
	p.Description = m.DescNews
	s.render(w, r, http.StatusOK, templates.NewsList(p, d))
	return nil
}

// newsPagePath is page n of the news list at base: the first page without ?page.
func newsPagePath(base string, n int) string {
	if n <= 1 {
		return base
	}
	return base + "?page=" + strconv.Itoa(n)
}

// showNews handles "GET /{lang}/news/{slug}": one published item.
func (s *Server) showNews(w http.ResponseWriter, r *http.Request) error {
	ctx, l := r.Context(), langOf(r)
	slug := chi.URLParam(r, "slug")
	if !validSlug(slug) {
		return errNotFound
	}
	var d templates.NewsItemData
	err := store.ReadSnapshot(ctx, s.db, func(tx store.DBTX) (err error) {
		if d.Item, err = store.NewsBySlug(ctx, tx, slug, true); err != nil {
			return err
		}
		d.Cities, err = newsCities(ctx, tx, d.Item)
		return err
	})
	if err != nil {
		return err
	}
	title, name := i18n.For(l).News, d.Item.Title.In(l)
	p := s.page(r, name, "/news", crumb(r, title, "/news"), crumb(r, name, templates.NewsPath(d.Item)))
	p.Description = trimWords(d.Item.Lead.In(l), descriptionLength)
	p.Share.Type = "article"
	var image string
	if pic := d.Item.Picture; pic != nil {
		image = p.AbsPath(templates.ImagePath(pic.Display))
	}
	p.Share.Data = append(p.Share.Data, schemaorg.NewsArticle(d.Item, l, p.AbsPath(p.Path), image, p.Msg.SiteTitle))
	s.render(w, r, http.StatusOK, templates.NewsItem(p, d))
	return nil
}
