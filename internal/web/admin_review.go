package web

import (
	"context"
	"errors"
	"net/http"
	"strconv"

	"twincities/internal/content"
	"twincities/internal/store"
	"twincities/templates"
)

// Review before publishing (issue 11, item 4). While the settings require it, an editor does not
// publish: "Publish changes", "Publish", a scheduled publication and restoring an earlier version
// of a published entry are refused with 403, whatever the buttons show, and "Send for review"
// saves the changes and marks them as waiting. A publisher or an administrator approves them
// (published in one transaction as "Publish changes" publishes them) or returns them with a
// comment. Saving the draft again keeps it waiting: the reviewer sees the newest version. While
// the setting is off, everything works as without it.

// mayPublish reports whether the person signed in may put changes on the site now.
func (s *Server) mayPublish(ctx context.Context) (bool, error) {
	u, _ := staffOf(ctx)
	if u.MayApprove() {
		return true, nil // no need to read the settings
	}
	set, err := store.GetSettings(ctx, s.db)
	if err != nil {
		return false, err
	}
	return u.MayPublish(set.RequireReview), nil
}

// refuseLiveImage refuses a change of a published entry's pictures to a person who may not
// publish now: pictures are saved on the entry itself, not in its draft, so they would reach the
// public without review. The edit page does not offer them such a person (ImagesNeedPublisher).
func (s *Server) refuseLiveImage(w http.ResponseWriter, r *http.Request, e content.Entry) (refused bool, err error) {
	if !usesDrafts(e) {
		return false, nil
	}
	return s.refusePublishing(w, r)
}

// refusePublishing answers 403 with the reason when the person may not publish now; refused
// tells the handler that the response is written.
func (s *Server) refusePublishing(w http.ResponseWriter, r *http.Request) (refused bool, err error) {
	ok, err := s.mayPublish(r.Context())
	if err != nil || ok {
		return false, err
	}
	a := adminMessages(r)
	s.render(w, r, http.StatusForbidden, templates.AdminMessage(s.adminPage(r, a.ReviewForbiddenTitle, ""), a.ReviewForbidden))
	return true, nil
}

// sendForReview answers "POST {base}/{id}" with do=review: the changes are saved (as the draft
// of a published entry, or the entry itself when the public does not see it) and marked as
// waiting for review, with the editor's note. They are checked fully first, as publishing
// checks them; a problem brings the form back (422), a conflict shows both versions.
func sendForReview[T content.Entry](s *Server, w http.ResponseWriter, r *http.Request, res resource[T], live T, base int) error {
	rev, err := draftRevision(r.PostForm)
	if err != nil {
		return err
	}
	e := live
	form, problems := res.read(r.PostForm, &e)
	ctx, a := r.Context(), adminMessages(r)
	note := r.PostForm.Get("review_note")
	noteErr := store.CheckReviewText("review_note", note, false)
	full := func() error { // every problem at once, as publishing finds them
		check := e
		err := res.table.Check(&check)
		if ne := content.AsValidation(noteErr); ne != nil {
			if v := content.AsValidation(err); v != nil {
				v.Fields = append(v.Fields, ne.Fields...)
				return v
			}
			return noteErr
		}
		return err
	}
	if len(problems) > 0 || noteErr != nil {
		err = full()
	} else {
		err = res.table.SendForReview(ctx, s.db, &e, base, rev, note, actorOf(ctx))
	}
	var conflict *store.ConflictError
	switch {
	case errors.As(err, &conflict):
		return renderConflict(s, w, r, res, conflict, e, form)
	case len(problems) > 0 || content.AsValidation(err) != nil:
		s.flashProblem(ctx, a.ReviewNeedsBoth)
		return renderEntryForm(s, w, r, res, e, false, form, mergeProblems(problems, err), http.StatusUnprocessableEntity)
	case err != nil:
		return err
	}
	s.flash(ctx, a.FlashReviewSent)
	http.Redirect(w, r, res.entryPath(e.EntryID()), http.StatusSeeOther)
	return nil
}

// approveReview handles "POST {base}/{id}/review/approve" (publishers and administrators): what
// waits for review is published, as the reviewer saw it (the entry's version and the draft's
// revision on their page); a newer save is a conflict, shown as the entry page again.
func approveReview[T content.Entry](s *Server, res resource[T]) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		if u, _ := staffOf(r.Context()); !u.MayApprove() {
			s.forbidden(w, r)
			return nil
		}
		e, err := res.load(s, r)
		if err != nil {
			return err
		}
		base, err := strconv.Atoi(r.PostFormValue("version"))
		if err != nil {
			return errBadRequest
		}
		rev, err := draftRevision(r.PostForm)
		if err != nil {
			return err
		}
		ctx, a := r.Context(), adminMessages(r)
		err = res.table.ApproveReview(ctx, s.db, e.EntryID(), base, rev, actorOf(ctx))
		switch {
		case errors.Is(err, store.ErrNotWaiting):
			s.flashProblem(ctx, a.ReviewNotWaiting)
		case errors.Is(err, store.ErrConflict):
			s.flashProblem(ctx, a.ConflictIntro)
		case content.AsValidation(err) != nil:
			shown, values, werr := withDraft(ctx, s, res, e)
			if werr != nil {
				return werr
			}
			s.flashProblem(ctx, a.DraftPublishNeedsBoth)
			return renderEntryForm(s, w, r, res, shown, false, values, mergeProblems(nil, err), http.StatusUnprocessableEntity)
		case err != nil:
			return err
		default:
			s.flash(ctx, a.FlashReviewApproved)
		}
		http.Redirect(w, r, res.entryPath(e.EntryID()), http.StatusSeeOther)
		return nil
	}
}

// reviewFormKey carries a refused return form to the entry page (see reviewInfo).
type reviewFormKey struct{}

// returnReview handles "POST {base}/{id}/review/return" (publishers and administrators): what
// waits for review goes back to its author with a comment, which is required: without one, the
// page comes back with the message at the field (422).
func returnReview[T content.Entry](s *Server, res resource[T]) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		if u, _ := staffOf(r.Context()); !u.MayApprove() {
			s.forbidden(w, r)
			return nil
		}
		e, err := res.load(s, r)
		if err != nil {
			return err
		}
		ctx, a := r.Context(), adminMessages(r)
		comment := r.PostFormValue("review_comment")
		err = res.table.ReturnReview(ctx, s.db, e.EntryID(), comment, actorOf(ctx))
		switch v := content.AsValidation(err); {
		case v != nil:
			box := templates.ReviewBox{CommentValue: comment, CommentError: a.Problems[v.Fields[0].Problem]}
			r = r.WithContext(context.WithValue(ctx, reviewFormKey{}, box))
			shown, values, werr := withDraft(ctx, s, res, e)
			if werr != nil {
				return werr
			}
			return renderEntryForm(s, w, r, res, shown, false, values, nil, http.StatusUnprocessableEntity)
		case errors.Is(err, store.ErrNotWaiting):
			s.flashProblem(ctx, a.ReviewNotWaiting)
		case err != nil:
			return err
		default:
			s.flash(ctx, a.FlashReviewReturned)
		}
		http.Redirect(w, r, res.entryPath(e.EntryID()), http.StatusSeeOther)
		return nil
	}
}

// reviewInfo adds to in what the entry page of e says and offers about review: whether the
// person may publish or approve, and the entry's review.
func reviewInfo[T content.Entry](r *http.Request, s *Server, res resource[T], e T, in *templates.EntryInfo) error {
	if in.IsNew || in.InTrash {
		return nil
	}
	ctx := r.Context()
	u, _ := staffOf(ctx)
	may, err := s.mayPublish(ctx)
	if err != nil {
		return err
	}
	in.ReviewOnly, in.MayApprove = !may, u.MayApprove()
	rv, ok, err := store.GetReview(ctx, s.db, res.table.Entity(), e.EntryID())
	if err != nil || !ok {
		return err
	}
	box, _ := ctx.Value(reviewFormKey{}).(templates.ReviewBox)
	box.Waiting, box.By, box.At, box.Note = rv.State == store.ReviewWaiting, rv.RequestedName, rv.RequestedAt, rv.Note
	box.ReturnedBy, box.Comment = rv.ReturnedName, rv.Comment
	if rv.ReturnedAt != nil {
		box.ReturnedAt = *rv.ReturnedAt
	}
	in.Review = &box
	return nil
}
