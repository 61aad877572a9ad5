package web

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"twincities/internal/content"
	"twincities/internal/i18n"
	"twincities/internal/store"
	"twincities/templates"
)

// entryHistory handles "GET {base}/{id}/history": every saved version, each restorable, and the
// changes made, field by field.
func entryHistory[T content.Entry](s *Server, res resource[T]) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		e, err := res.load(s, r)
		if err != nil {
			return err
		}
		ctx := r.Context()
		revs, err := res.table.Revisions(ctx, s.db, e.EntryID())
		if err != nil {
			return err
		}
		log, err := store.ListAudit(ctx, s.db, store.AuditQuery{Entity: res.table.Entity(), EntityID: fmt.Sprint(e.EntryID()), Limit: 500})
		if err != nil {
			return err
		}
		a, l := adminMessages(r), adminLang(r)
		p := s.adminPage(r, a.HistoryTitle+": "+e.Label(l), res.base)
		p.Crumbs = []templates.Crumb{{Label: a.Dashboard, Path: "/admin/"}, {Label: res.title(p.Admin, p.Msg), Path: res.base},
			{Label: e.Label(l), Path: res.entryPath(e.EntryID())}, {Label: a.HistoryTitle}}
		info := res.info(e, l, false)
		rows := make([]templates.RevisionRow, len(revs))
		for i, v := range revs {
			rows[i] = templates.RevisionRow{Version: v.Version, At: v.At, UserName: v.UserName, Action: v.Action}
		}
		s.render(w, r, http.StatusOK, templates.EntryHistory(p, info, rows, auditRows(a, adminLang(r), log)))
		return nil
	}
}

// revertEntry handles "POST {base}/{id}/revert": version `to` saved again as the newest. A version
// that no longer satisfies the rules comes back as a form to fix, with its problems marked.
func revertEntry[T content.Entry](s *Server, res resource[T]) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		e, err := res.load(s, r)
		if err != nil {
			return err
		}
		to, err1 := strconv.Atoi(r.PostFormValue("to"))
		base, err2 := strconv.Atoi(r.PostFormValue("version"))
		if err1 != nil || err2 != nil {
			return errBadRequest
		}
		ctx, a := r.Context(), adminMessages(r)
		// Issue 11, review before publishing: restoring a version puts it on the site when the
		// entry or that version is published.
		if old, err := res.table.Revision(ctx, s.db, e.EntryID(), to); err == nil && (e.IsPublished() || old.IsPublished()) {
			if refused, err := s.refusePublishing(w, r); refused || err != nil {
				return err
			}
		}
		reverted, err := res.table.Revert(ctx, s.db, e.EntryID(), to, base, actorOf(ctx))
		switch {
		case errors.Is(err, store.ErrConflict):
			s.flashProblem(ctx, a.ConflictIntro)
			http.Redirect(w, r, res.entryPath(e.EntryID())+"/history", http.StatusSeeOther)
			return nil
		case content.AsValidation(err) != nil:
			old, rerr := res.table.Revision(ctx, s.db, e.EntryID(), to)
			if rerr != nil {
				return rerr
			}
			values := formValues(old, res.sources(old))
			values.Set("version", strconv.Itoa(e.CurrentVersion()))
			return renderEntryForm(s, w, r, res, e, false, values, mergeProblems(nil, err), http.StatusUnprocessableEntity)
		case err != nil:
			return err
		}
		msg := a.FlashReverted
		if reverted.IsPublished() {
			msg += " " + a.RevertedIsPublic // so nobody is surprised by the public page
		}
		s.flash(ctx, msg)
		http.Redirect(w, r, res.entryPath(e.EntryID()), http.StatusSeeOther)
		return nil
	}
}

// auditRows turns audit lines into what the history pages show, in the admin's language.
func auditRows(a *i18n.AdminMessages, l content.Lang, entries []store.AuditEntry) []templates.AuditRow {
	rows := make([]templates.AuditRow, len(entries))
	for i, e := range entries {
		row := templates.AuditRow{At: e.At, UserName: e.UserName, Action: e.Action, Entity: e.Entity, Label: e.Label,
			Detail: auditDetail(a, l, e.Action, e.Detail), Path: adminEntryPath(e.Entity, e.EntityID)}
		if e.Entity == content.EntitySettings {
			row.Label = a.Settings // one row, named by its page in the reader's language
		}
		for _, c := range e.Changes {
			row.Changes = append(row.Changes, templates.ChangeRow{Label: a.FieldLabel(c.Field),
				Before: humanValue(a, l, e.Entity, c.Field, c.Before, false), After: humanValue(a, l, e.Entity, c.Field, c.After, true)})
		}
		rows[i] = row
	}
	return rows
}
