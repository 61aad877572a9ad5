package web

import (
	"context"
	"errors"
	"net/http"

	"github.com/a-h/templ"
	"github.com/go-chi/chi/v5"

	"twincities/internal/content"
	"twincities/internal/i18n"
	"twincities/internal/store"
)

// A review link (issue 11, review links) shows one entry to someone without an account, such as
// a partner city: its draft when it has one, otherwise the entry as it is now (for an entry the
// public does not see, that is its working version; for a published one without a draft, the
// published version, under a banner saying so). It looks as the entry's public page will, as
// the staff preview does, under a banner saying it is not public. The link stops working when it
// expires, is revoked, or its entry goes to the trash.

// showReview handles "GET /{lang}/review/{token}": the entry a working link opens. A token that
// cannot be ours is a 404 without asking the database; an unknown one a 404 too; one that
// stopped working (expired, revoked, its entry in the trash or gone) a 410. Whatever the answer,
// it is never cached, never indexed, and sends no Referer, which would carry the token to
// whatever site the reviewer follows a link to.
func (s *Server) showReview(w http.ResponseWriter, r *http.Request) error {
	h := w.Header()
	h.Set("Cache-Control", "no-store")
	h.Set("X-Robots-Tag", "noindex")
	h.Set("Referrer-Policy", "no-referrer")
	m := i18n.For(langOf(r))
	token := chi.URLParam(r, "token")
	hash, ok := readReviewToken(token)
	if !ok {
		s.problem(w, r, http.StatusNotFound, m.ReviewUnknownTitle, m.ReviewUnknown)
		return nil
	}
	link, err := store.ReviewLinkByHash(r.Context(), s.db, hash)
	switch {
	case errors.Is(err, store.ErrNotFound):
		s.problem(w, r, http.StatusNotFound, m.ReviewUnknownTitle, m.ReviewUnknown)
		return nil
	case err != nil:
		return err
	}
	c, err := s.reviewed(r, link, token)
	if errors.Is(err, errReviewGone) || errors.Is(err, store.ErrNotFound) {
		s.problem(w, r, http.StatusGone, m.ReviewGoneTitle, m.ReviewGone)
		return nil
	}
	if err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, c)
	return nil
}

// errReviewGone is a review link that no longer opens its entry.
var errReviewGone = errors.New("web: the review link no longer works")

// reviewed renders the entry link opens, for its page at token in the request's language.
func (s *Server) reviewed(r *http.Request, link store.ReviewLink, token string) (templ.Component, error) {
	if !link.WorksAt(s.now()) {
		return nil, errReviewGone
	}
	ctx := r.Context()
	for _, k := range kinds {
		if k.entity != link.Entity {
			continue
		}
		e, err := k.get(ctx, s.db, link.EntryID)
		if err != nil {
			return nil, err
		}
		if !k.owns(e) {
			continue // twin and partner cities share an entity
		}
		if e.TrashedAt() != nil {
			return nil, errReviewGone
		}
		l := langOf(r)
		paths := reviewPaths{here: "/" + string(l) + reviewSegment + token, other: "/" + string(l.Other()) + reviewSegment + token}
		return k.review(s, r.WithContext(context.WithValue(ctx, reviewPaths{}, paths)), e)
	}
	return nil, errReviewGone
}

// reviewPaths carries a review page's address, in its language and the other, to previewPage,
// which every kind's preview calls: there, the language switch and the settings for the visually
// impaired come back to the review link, and no link leads into the admin. It is its own key in
// the request's context.
type reviewPaths struct{ here, other string }

// reviewEntry renders e for a review link: its draft when it has one, as the preview does, under
// the review's banner in the reviewer's language.
func reviewEntry[T content.Entry](s *Server, res resource[T], r *http.Request, e T) (templ.Component, error) {
	m := i18n.For(langOf(r))
	banner := m.ReviewDraftBanner
	if usesDrafts(e) {
		banner = m.ReviewLiveBanner
		d, ok, err := res.table.Draft(r.Context(), s.db, e.EntryID())
		if err != nil {
			return nil, err
		}
		if ok {
			e, banner = d.Entry, m.ReviewDraftBanner
		}
	}
	ctx := context.WithValue(r.Context(), previewBannerKey{}, banner)
	return res.preview(ctx, s, r.WithContext(ctx), e, res.entryPath(e.EntryID()))
}
