package web

import (
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"time"

	"github.com/go-chi/chi/v5"

	"twincities/internal/content"
	"twincities/internal/store"
	"twincities/templates"
)

// reviewLinkDays are the lives a new review link may be given, in days; the form offers them.
var reviewLinkDays = []int{1, 7, 30, 90}

// reviewLinkDefaultDays is the life the form offers first: a week, long enough for a partner
// city to answer, short enough to be forgotten safely.
const reviewLinkDefaultDays = 7

// createReviewLink handles "POST {base}/{id}/review-links": a new review link to the entry (issue
// 11, review links), working for the chosen number of days. The answer is the page that shows
// the link, once: only its token's hash is kept, so nobody can show it again. An entry with as
// many working links as it may have gets none, and its page says so.
func createReviewLink[T content.Entry](s *Server, res resource[T]) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		if err := r.ParseForm(); err != nil {
			return errBadRequest
		}
		e, err := res.load(s, r)
		if err != nil {
			return err
		}
		if e.TrashedAt() != nil {
			return errNotFound
		}
		days, err := strconv.Atoi(r.PostForm.Get("days"))
		if err != nil || !slices.Contains(reviewLinkDays, days) {
			return errBadRequest
		}
		ctx, a, id := r.Context(), adminMessages(r), e.EntryID()
		token, hash := newReviewToken()
		link, err := store.CreateReviewLink(ctx, s.db, e, hash, s.now(), time.Duration(days)*24*time.Hour, actorOf(ctx))
		if errors.Is(err, store.ErrTooManyReviewLinks) {
			s.flash(ctx, fmt.Sprintf(a.ReviewLinksFull, store.MaxReviewLinks))
			http.Redirect(w, r, res.entryPath(id), http.StatusSeeOther)
			return nil
		}
		if err != nil {
			return err
		}
		p := s.adminPage(r, a.ReviewLinkMadeTitle, res.base)
		p.Path = res.entryPath(id) // the language switch leads to the entry, not to this POST-only address
		p.Crumbs = []templates.Crumb{{Label: a.Dashboard, Path: "/admin/"}, {Label: res.title(p.Admin, p.Msg), Path: res.base},
			{Label: e.Label(p.Lang), Path: res.entryPath(id)}, {Label: p.Title}}
		made := templates.ReviewLinkMade{Back: res.entryPath(id), Until: link.ExpiresAt,
			RU: s.baseURL + "/" + string(content.RU) + reviewSegment + token,
			EN: s.baseURL + "/" + string(content.EN) + reviewSegment + token}
		s.render(w, r, http.StatusOK, templates.ReviewLinkMadePage(p, made))
		return nil
	}
}

// revokeReviewLink handles "POST {base}/{id}/review-links/{lid}/revoke": the link stops working
// at once. One that had stopped already is said to have.
func revokeReviewLink[T content.Entry](s *Server, res resource[T]) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		e, err := res.load(s, r)
		if err != nil {
			return err
		}
		lid, err := strconv.ParseInt(chi.URLParam(r, "lid"), 10, 64)
		if err != nil || lid <= 0 {
			return errNotFound
		}
		ctx, a := r.Context(), adminMessages(r)
		err = store.RevokeReviewLink(ctx, s.db, e, lid, s.now(), actorOf(ctx))
		switch {
		case errors.Is(err, store.ErrNotFound):
			s.flash(ctx, a.ReviewLinkGoneAlready)
		case err != nil:
			return err
		default:
			s.flash(ctx, a.FlashReviewLinkRevoked)
		}
		http.Redirect(w, r, res.entryPath(e.EntryID()), http.StatusSeeOther)
		return nil
	}
}

// reviewLinksInfo adds to in the entry's working review links and the form to make one; an
// entry being created or in the trash has none.
func reviewLinksInfo[T content.Entry](r *http.Request, s *Server, res resource[T], e T, in *templates.EntryInfo) error {
	if in.IsNew || in.InTrash {
		return nil
	}
	links, err := store.WorkingReviewLinks(r.Context(), s.db, res.table.Entity(), e.EntryID(), s.now())
	if err != nil {
		return err
	}
	box := templates.ReviewLinksBox{Days: reviewLinkDays, Chosen: reviewLinkDefaultDays, Max: store.MaxReviewLinks,
		Full: len(links) >= store.MaxReviewLinks}
	for _, l := range links {
		box.Working = append(box.Working, templates.ReviewLinkRow{ID: l.ID, CreatedBy: l.CreatedByName,
			CreatedAt: l.CreatedAt, ExpiresAt: l.ExpiresAt})
	}
	in.ReviewLinks = &box
	return nil
}
