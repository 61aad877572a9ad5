package web

import (
	"errors"
	"net/http"
	"reflect"

	"twincities/internal/content"
	"twincities/internal/store"
)

// publishTyped publishes a draft with what its form holds: "Save and publish" is a button of the
// entry's form, after Save, so a person who typed and then pressed it loses nothing. It is all or
// nothing: a form with problems, or one that could not be published (not complete in both
// languages), comes back as typed with the fields marked, and nothing is saved; otherwise what was
// typed is saved (when it changed anything), then published.
func publishTyped[T content.Entry](s *Server, w http.ResponseWriter, r *http.Request, res resource[T], e T, base int) error {
	ctx, a := r.Context(), adminMessages(r)
	before := formValues(e, res.sources(e))
	form, problems := res.read(r.PostForm, &e)
	if err := res.table.CheckPublished(&e); len(problems) > 0 || err != nil {
		if content.AsValidation(err) == nil && err != nil {
			return err
		}
		if probe := e; len(problems) == 0 && res.table.CheckDraft(&probe) == nil {
			// Only the rules of a public entry refuse it (a draft may lack a language): say so.
			// A bad character or a value too long is told at its field, not blamed on a language.
			s.flashProblem(ctx, a.PublishNeedsBoth)
		}
		return renderEntryForm(s, w, r, res, e, false, form, mergeProblems(problems, err), http.StatusUnprocessableEntity)
	}
	// Nothing typed, nothing to save: the change log shows the publication alone.
	var err error
	// Both ways, whole: differs looks only at the saved fields, and a source added is a new one.
	if !reflect.DeepEqual(before, formValues(e, res.sources(e))) {
		err = res.table.Update(ctx, s.db, &e, base, actorOf(ctx))
	}
	var conflict *store.ConflictError
	switch {
	case errors.As(err, &conflict):
		return renderConflict(s, w, r, res, conflict, e, form)
	case content.AsValidation(err) != nil:
		return renderEntryForm(s, w, r, res, e, false, form, mergeProblems(nil, err), http.StatusUnprocessableEntity)
	case err != nil:
		return err
	}
	_, err = res.table.SetPublished(ctx, s.db, e.EntryID(), e.CurrentVersion(), true, actorOf(ctx))
	switch {
	case errors.Is(err, store.ErrConflict):
		// Someone changed it between the two steps: what was typed is saved, as a draft.
		s.flashProblem(ctx, a.FlashSaved+" "+a.ConflictIntro)
		http.Redirect(w, r, res.entryPath(e.EntryID()), http.StatusSeeOther)
		return nil
	case err != nil:
		return err
	}
	s.flash(ctx, a.FlashPublished+fileLeftBehind(r))
	http.Redirect(w, r, res.entryPath(e.EntryID()), http.StatusSeeOther)
	return nil
}
