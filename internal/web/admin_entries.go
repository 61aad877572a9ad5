package web

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"

	"twincities/internal/content"
	"twincities/internal/store"
	"twincities/templates"
)

// listEntries handles "GET {base}": the entries, filtered by state and searched by name.
func listEntries[T content.Entry](s *Server, res resource[T]) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		q := r.URL.Query()
		search, err := cleanSearch(q.Get("q"))
		if err != nil {
			return err
		}
		page, err := pageParam(r)
		if err != nil {
			return err
		}
		f := store.Filter{State: q.Get("state"), Search: search}
		if f.State != store.StatePublished && f.State != store.StateDraft {
			f.State = ""
		}
		if res.page != nil {
			return listEntryPage(s, res, w, r, f, page)
		}
		entries, err := res.list(r.Context(), s.db, f)
		if err != nil {
			return err
		}
		rows := entryRows(res, entries, adminLang(r))
		// Issue 12, growth: a page of the list, its links keeping the filters.
		pg, err := makePager(r.URL, page, len(rows), listPageSize)
		if err != nil {
			return err
		}
		renderEntryList(s, res, w, r, f, pageItems(rows, pg), pg)
		return nil
	}
}

// listEntryPage answers listEntries for a kind whose list the database pages (res.page): it reads
// only the page asked for and the count.
func listEntryPage[T content.Entry](s *Server, res resource[T], w http.ResponseWriter, r *http.Request, f store.Filter, page int) error {
	var entries []T
	var total int
	err := store.ReadSnapshot(r.Context(), s.db, func(tx store.DBTX) (err error) {
		entries, total, err = res.page(r.Context(), tx, f, listPageSize, (page-1)*listPageSize)
		return err
	})
	if err != nil {
		return err
	}
	pg, err := makePager(r.URL, page, total, listPageSize)
	if err != nil {
		return err
	}
	renderEntryList(s, res, w, r, f, entryRows(res, entries, adminLang(r)), pg)
	return nil
}

// entryRows are the entries of res's kind among entries (res.belongs), as rows of its list in the
// staff's language l.
func entryRows[T content.Entry](res resource[T], entries []T, l content.Lang) []templates.EntryRow {
	rows := make([]templates.EntryRow, 0, len(entries))
	for _, e := range entries {
		if res.belongs(e) {
			rows = append(rows, entryRow(res, e, l))
		}
	}
	return rows
}

// renderEntryList shows rows, one page of res's list filtered by f, with the pager pg.
func renderEntryList[T content.Entry](s *Server, res resource[T], w http.ResponseWriter, r *http.Request, f store.Filter, rows []templates.EntryRow, pg templates.Pager) {
	p := s.adminPage(r, "", res.base)
	p.Title = res.title(p.Admin, p.Msg)
	list := templates.EntryList{Base: res.base, CanCreate: res.canCreate, Rows: rows, State: f.State, Search: f.Search, Pager: pg}
	s.render(w, r, http.StatusOK, templates.EntriesPage(p, list))
}

// entryRow is e as a row of its kind's list, in the staff's language l.
func entryRow[T content.Entry](res resource[T], e T, l content.Lang) templates.EntryRow {
	row := templates.EntryRow{Path: res.entryPath(e.EntryID()), Label: e.Label(l), Published: e.IsPublished()}
	if res.detail != nil {
		row.Detail = res.detail(e, l)
	}
	return row
}

// newEntry handles "GET {base}/new".
func newEntry[T content.Entry](s *Server, res resource[T]) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		e := res.blank()
		values := formValues(e, res.sources(e))
		if pending, ok := s.pendingFor(r.Context(), r.URL.Path); ok {
			values = pending
			s.flash(r.Context(), adminMessages(r).PendingKept)
		}
		return renderEntryForm(s, w, r, res, e, true, values, nil, http.StatusOK)
	}
}

// createEntry handles "POST {base}/new": a new draft, or the form again with its problems.
func createEntry[T content.Entry](s *Server, res resource[T]) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		if err := r.ParseForm(); err != nil {
			return errBadRequest
		}
		e := res.blank()
		if r.PostForm.Has("preview") {
			return previewText(s, w, r, res, e, true)
		}
		form, problems := res.read(r.PostForm, &e)
		var err error
		if len(problems) == 0 {
			err = res.table.Create(r.Context(), s.db, &e, actorOf(r.Context()))
		}
		if len(problems) > 0 || content.AsValidation(err) != nil {
			if len(problems) > 0 {
				err = res.table.Check(&e)
			}
			return renderEntryForm(s, w, r, res, e, true, form, mergeProblems(problems, err), http.StatusUnprocessableEntity)
		}
		if err != nil {
			return err
		}
		s.flash(r.Context(), adminMessages(r).FlashCreated)
		http.Redirect(w, r, res.entryPath(e.EntryID()), http.StatusSeeOther)
		return nil
	}
}

// editEntry handles "GET {base}/{id}".
func editEntry[T content.Entry](s *Server, res resource[T]) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		e, err := res.load(s, r)
		if err != nil {
			return err
		}
		e, values, err := withDraft(r.Context(), s, res, e)
		if err != nil {
			return err
		}
		if pending, ok := s.pendingFor(r.Context(), r.URL.Path); ok {
			values = pending
			s.flash(r.Context(), adminMessages(r).PendingKept)
		}
		return renderEntryForm(s, w, r, res, e, false, values, nil, http.StatusOK)
	}
}

// updateEntry handles "POST {base}/{id}": saves the entry if nobody saved it since the person
// opened it; otherwise shows both versions side by side and changes nothing. A published entry's
// changes go to its draft instead, or on the site when the person publishes them (saveDraft).
func updateEntry[T content.Entry](s *Server, res resource[T]) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		if err := r.ParseForm(); err != nil {
			return errBadRequest
		}
		e, err := res.load(s, r)
		if err != nil {
			return err
		}
		base, err := strconv.Atoi(r.PostForm.Get("version"))
		if err != nil {
			return errBadRequest
		}
		if r.PostForm.Has("preview") {
			return previewText(s, w, r, res, e, false)
		}
		// The form of a published entry names its button: "Save draft" or "Publish changes"
		// (a browser sends the first one on Enter too). A request naming neither, from a client
		// that knows nothing of drafts, saves the entry itself, checked against its version as
		// always: a draft made meanwhile then conflicts when it is published.
		// Issue 11, review before publishing: "Send for review" saves and asks for approval; an
		// editor who may not publish does not save a published entry itself either.
		if r.PostForm.Get("do") == "review" {
			return sendForReview(s, w, r, res, e, base)
		}
		if usesDrafts(e) && r.PostForm.Has("do") {
			return saveDraft(s, w, r, res, e, base)
		}
		if usesDrafts(e) {
			if refused, err := s.refusePublishing(w, r); refused || err != nil {
				return err
			}
		}
		form, problems := res.read(r.PostForm, &e)
		if len(problems) == 0 {
			err = res.table.Update(r.Context(), s.db, &e, base, actorOf(r.Context()))
		} else {
			err = res.table.Check(&e)
		}
		var conflict *store.ConflictError
		switch {
		case errors.As(err, &conflict):
			return renderConflict(s, w, r, res, conflict, e, form)
		case len(problems) > 0 || content.AsValidation(err) != nil:
			return renderEntryForm(s, w, r, res, e, false, form, mergeProblems(problems, err), http.StatusUnprocessableEntity)
		case err != nil:
			return err
		}
		s.flash(r.Context(), adminMessages(r).FlashSaved+fileLeftBehind(r))
		http.Redirect(w, r, res.entryPath(e.EntryID()), http.StatusSeeOther)
		return nil
	}
}

// publishEntry handles "POST {base}/{id}/publish" and ".../unpublish". An entry incomplete in
// either language is not published: its form comes back with the missing fields marked.
func publishEntry[T content.Entry](s *Server, res resource[T], on bool) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		e, err := res.load(s, r)
		if err != nil {
			return err
		}
		base, err := strconv.Atoi(r.PostFormValue("version"))
		if err != nil {
			return errBadRequest
		}
		if on { // issue 11, review before publishing
			if refused, err := s.refusePublishing(w, r); refused || err != nil {
				return err
			}
			if r.PostFormValue("with") == "form" && !usesDrafts(e) {
				return publishTyped(s, w, r, res, e, base) // the draft's form, as typed
			}
		}
		a := adminMessages(r)
		_, err = res.table.SetPublished(r.Context(), s.db, e.EntryID(), base, on, actorOf(r.Context()))
		switch {
		case errors.Is(err, store.ErrConflict):
			s.flashProblem(r.Context(), a.ConflictIntro)
			http.Redirect(w, r, res.entryPath(e.EntryID()), http.StatusSeeOther)
			return nil
		case content.AsValidation(err) != nil:
			s.flashProblem(r.Context(), a.PublishNeedsBoth)
			return renderEntryForm(s, w, r, res, e, false, formValues(e, res.sources(e)), mergeProblems(nil, err), http.StatusUnprocessableEntity)
		case err != nil:
			return err
		}
		msg := a.FlashUnpublished
		if on {
			msg = a.FlashPublished
		}
		s.flash(r.Context(), msg)
		http.Redirect(w, r, res.entryPath(e.EntryID()), http.StatusSeeOther)
		return nil
	}
}

// moveEntry handles the moves of the trash, action being one of the audit log's:
// "POST {base}/{id}/delete" (store.ActionDelete) to the trash, then the entries' list;
// "POST {base}/{id}/restore" (store.ActionRestore) out of it, then the entry;
// "POST {base}/{id}/purge" (store.ActionPurge, administrators only) asks to confirm, and with
// confirm=yes purges the entry for good, then the trash.
func moveEntry[T content.Entry](s *Server, res resource[T], action string) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		e, err := res.load(s, r)
		if err != nil {
			return err
		}
		ctx, id, a := r.Context(), e.EntryID(), adminMessages(r)
		var flash, next string
		switch action {
		case store.ActionDelete:
			err, flash, next = res.table.Delete(ctx, s.db, id, actorOf(ctx)), a.FlashDeleted, res.base
		case store.ActionRestore:
			err, flash, next = res.table.Restore(ctx, s.db, id, actorOf(ctx)), a.FlashRestored, res.entryPath(id)
		case store.ActionPurge:
			// Gone for good cannot be undone: the trash's button asks first, on a page of its
			// own (no script needed), and only its answer purges.
			if r.PostFormValue("confirm") != "yes" {
				p := s.adminPage(r, a.Purge+": "+e.Label(adminLang(r)), "/admin/trash",
					templates.Crumb{Label: a.Trash, Path: "/admin/trash"}, templates.Crumb{Label: a.Purge})
				s.render(w, r, http.StatusOK, templates.Confirm(p, templates.Confirmation{Text: a.PurgeConfirm,
					Action: res.entryPath(id) + "/purge", Button: a.Purge, Back: "/admin/trash", BackLabel: a.PurgeKeep}))
				return nil
			}
			err, flash, next = res.table.Purge(ctx, s.db, id, actorOf(ctx)), a.FlashPurged, "/admin/trash"
		default:
			panic("web: no trash move " + action)
		}
		if err != nil {
			return err
		}
		s.flash(ctx, flash)
		http.Redirect(w, r, next, http.StatusSeeOther)
		return nil
	}
}

// renderEntryForm shows an entry's edit page (or the new-entry page) with values and problems.
func renderEntryForm[T content.Entry](s *Server, w http.ResponseWriter, r *http.Request, res resource[T], e T, isNew bool,
	values url.Values, problems []content.FieldError, status int) error {
	f := formState(adminMessages(r), values, e.Fields(), problems)
	return renderEntryPage(s, w, r, res, e, isNew, f, status)
}

// renderEntryPage shows an entry's page with the form state f.
func renderEntryPage[T content.Entry](s *Server, w http.ResponseWriter, r *http.Request, res resource[T], e T, isNew bool,
	f templates.Form, status int) error {
	return renderEntryPageWith(s, w, r, res, e, isNew, f, status, nil)
}

// renderEntryPageWith shows an entry's page with the form state f and, when schedule is not nil,
// that state of the schedule form (issue 11, scheduling); otherwise the entry's schedules.
func renderEntryPageWith[T content.Entry](s *Server, w http.ResponseWriter, r *http.Request, res resource[T], e T, isNew bool,
	f templates.Form, status int, schedule *templates.ScheduleBox) error {
	a, l := f.Admin, adminLang(r)
	fields, err := res.fields(r.Context(), s, f)
	if err != nil {
		return err
	}
	p := s.adminPage(r, "", res.base)
	listTitle := res.title(p.Admin, p.Msg)
	p.Title = e.Label(l)
	if isNew {
		p.Title = a.New + ": " + listTitle
	}
	p.Crumbs = []templates.Crumb{{Label: a.Dashboard, Path: "/admin/"}, {Label: listTitle, Path: res.base}, {Label: p.Title}}
	info := res.info(e, l, isNew)
	info.IsAdmin = p.User != nil && p.User.IsAdmin()
	if err := draftInfo(r, s, res, e, &info); err != nil {
		return err
	}
	if err := reviewInfo(r, s, res, e, &info); err != nil { // issue 11, review before publishing
		return err
	}
	if err := reviewLinksInfo(r, s, res, e, &info); err != nil {
		return err
	}
	if schedule == nil && res.canCreate && !isNew && !info.InTrash {
		pending, err := pendingSchedules(r.Context(), s.db, res.table.Entity(), e.EntryID(), a, l)
		if err != nil {
			return err
		}
		schedule = &templates.ScheduleBox{Pending: pending}
	}
	info.Schedule = schedule
	if !isNew && !info.InTrash && (info.HasImage || info.HasGallery) { // issue 11, images in the form
		if info.Library, err = recentImages(r.Context(), s, l); err != nil {
			return err
		}
	}
	s.render(w, r, status, templates.EntryPage(p, info, f, fields))
	return nil
}

// maxSearch bounds a search: no name is longer.
const maxSearch = 200

// cleanSearch makes a typed search safe to ask the database: at most maxSearch characters, never
// cut inside one. A search holding characters nobody can type (a NUL byte, broken UTF-8, a
// control character) is refused with errBadSearch: the database could not even compare it.
func cleanSearch(q string) (string, error) {
	if !content.Typable(q, false) {
		return "", errBadSearch
	}
	r := []rune(q)
	if len(r) > maxSearch {
		r = r[:maxSearch]
	}
	return string(r), nil
}
