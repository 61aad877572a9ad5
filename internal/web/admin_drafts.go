package web

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strconv"

	"twincities/internal/content"
	"twincities/internal/i18n"
	"twincities/internal/store"
	"twincities/templates"
)

// A published entry is not changed by saving its form: the changes are kept as its draft, which
// the public never sees, until someone publishes them ("Publish changes") or discards them. An
// entry the public does not see is saved as before (see updateEntry).

// draftRevision reads the draft's revision a form was made from: none (0) when it had no draft.
func draftRevision(v url.Values) (int, error) {
	s := v.Get("draft")
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return 0, errBadRequest
	}
	return n, nil
}

// saveDraft answers "POST {base}/{id}" for a published entry with a button named: "Save draft"
// (do=draft) keeps the changes as the entry's draft; "Publish changes"
// (do=publish) checks them fully and puts them on the site. Either based on an out-of-date
// version, of the entry or of its draft, shows the conflict and changes nothing.
func saveDraft[T content.Entry](s *Server, w http.ResponseWriter, r *http.Request, res resource[T], live T, base int) error {
	rev, err := draftRevision(r.PostForm)
	if err != nil {
		return err
	}
	e := live
	form, problems := res.read(r.PostForm, &e)
	ctx, a := r.Context(), adminMessages(r)
	do := r.PostForm.Get("do")
	if do != "draft" && do != "publish" {
		return errBadRequest
	}
	publish := do == "publish"
	if publish { // issue 11, review before publishing
		if refused, err := s.refusePublishing(w, r); refused || err != nil {
			return err
		}
	}
	switch {
	case len(problems) > 0 && publish:
		err = res.table.Check(&e)
	case len(problems) > 0:
		err = res.table.CheckDraft(&e)
	case publish:
		err = res.table.PublishDraft(ctx, s.db, &e, base, rev, actorOf(ctx))
	default:
		err = res.table.SaveDraft(ctx, s.db, &e, base, rev, actorOf(ctx))
	}
	var conflict *store.ConflictError
	switch {
	case errors.As(err, &conflict):
		return renderConflict(s, w, r, res, conflict, e, form)
	case len(problems) > 0 || content.AsValidation(err) != nil:
		if publish {
			s.flashProblem(ctx, a.DraftPublishNeedsBoth)
		}
		return renderEntryForm(s, w, r, res, e, false, form, mergeProblems(problems, err), http.StatusUnprocessableEntity)
	case err != nil:
		return err
	}
	msg := a.FlashDraftSaved
	if publish {
		msg = a.FlashDraftPublished
	}
	s.flash(ctx, msg+fileLeftBehind(r))
	http.Redirect(w, r, res.entryPath(e.EntryID()), http.StatusSeeOther)
	return nil
}

// discardDraft handles "POST {base}/{id}/draft/discard": the draft shown goes, the published
// version stays. A draft saved again meanwhile is not discarded: the edit page shows it.
func discardDraft[T content.Entry](s *Server, res resource[T]) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		e, err := res.load(s, r)
		if err != nil {
			return err
		}
		if err := r.ParseForm(); err != nil {
			return errBadRequest
		}
		rev, err := draftRevision(r.PostForm)
		if err != nil || rev == 0 {
			return errBadRequest
		}
		ctx, a := r.Context(), adminMessages(r)
		// The draft's words are gone from the form once discarded (the change log alone keeps
		// them): the button asks first, on a page of its own, and only its answer discards.
		if r.PostForm.Get("confirm") != "yes" {
			p := s.adminPage(r, a.DiscardDraft+": "+e.Label(adminLang(r)), res.base,
				templates.Crumb{Label: res.title(a, i18n.For(adminLang(r))), Path: res.base},
				templates.Crumb{Label: e.Label(adminLang(r)), Path: res.entryPath(e.EntryID())}, templates.Crumb{Label: a.DiscardDraft})
			s.render(w, r, http.StatusOK, templates.Confirm(p, templates.Confirmation{Text: a.DiscardDraftConfirm,
				Action: res.entryPath(e.EntryID()) + "/draft/discard", Fields: [][2]string{{"draft", strconv.Itoa(rev)}},
				Button: a.DiscardDraft, Back: res.entryPath(e.EntryID()), BackLabel: a.DiscardDraftKeep}))
			return nil
		}
		err = res.table.DiscardDraft(ctx, s.db, e.EntryID(), rev, actorOf(ctx))
		switch {
		case errors.Is(err, store.ErrConflict):
			s.flashProblem(ctx, a.ConflictIntro)
		case err != nil:
			return err
		default:
			s.flash(ctx, a.FlashDraftDiscarded)
		}
		http.Redirect(w, r, res.entryPath(e.EntryID()), http.StatusSeeOther)
		return nil
	}
}

// usesDrafts reports whether changes to e are kept as a draft: it is public, and staff open it,
// not create it or find it in the trash.
func usesDrafts(e content.Entry) bool { return e.IsPublished() && e.TrashedAt() == nil }

// withDraft is what the edit page of e shows: e's draft when it has one (its values, the
// revision the form is made from), or e itself.
func withDraft[T content.Entry](ctx context.Context, s *Server, res resource[T], e T) (T, url.Values, error) {
	if !usesDrafts(e) {
		return e, formValues(e, res.sources(e)), nil
	}
	d, ok, err := res.table.Draft(ctx, s.db, e.EntryID())
	if err != nil || !ok {
		return e, formValues(e, res.sources(e)), err
	}
	livePictures(res, e, &d.Entry)
	values := formValues(d.Entry, res.sources(d.Entry))
	values.Set("draft", strconv.Itoa(d.Revision))
	return d.Entry, values, nil
}

// draftInfo adds to in what the edit page of e says about its draft.
func draftInfo[T content.Entry](r *http.Request, s *Server, res resource[T], e T, in *templates.EntryInfo) error {
	if in.IsNew || !usesDrafts(e) {
		return nil
	}
	in.Drafts = true
	ctx := r.Context()
	d, ok, err := res.table.Draft(ctx, s.db, e.EntryID())
	if err != nil || !ok {
		return err
	}
	live, err := res.table.Get(ctx, s.db, e.EntryID())
	if err != nil {
		return err
	}
	a := adminMessages(r)
	in.HasDraft, in.DraftBy, in.DraftAt, in.DraftRevision = true, d.UserName, d.SavedAt, d.Revision
	for _, c := range content.Diff(live.Fields(), d.Entry.Fields()) {
		if c.Field == "image" {
			continue // the picture is not edited by this form, and its hash says nothing
		}
		l := adminLang(r)
		in.DraftDiff = append(in.DraftDiff, templates.DraftChange{Field: c.Field, Label: a.FieldLabel(c.Field),
			Published: humanValue(a, l, e.Entity(), c.Field, c.Before, false), Draft: humanValue(a, l, e.Entity(), c.Field, c.After, true)})
	}
	return nil
}
