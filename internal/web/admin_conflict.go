package web

import (
	"net/http"
	"net/url"
	"strconv"

	"twincities/internal/content"
	"twincities/internal/i18n"
	"twincities/internal/store"
	"twincities/templates"
)

// renderConflict answers a save based on an out-of-date version: field by field, what the entry
// was when the person started, what it is now (the other person's change) and what this person
// typed; then the form holding what they typed, based on the current version, to merge by hand.
// Nothing was saved.
func renderConflict[T content.Entry](s *Server, w http.ResponseWriter, r *http.Request, res resource[T],
	conflict *store.ConflictError, mine T, submitted url.Values) error {
	a := adminMessages(r)
	current, ok := conflict.Current.(T)
	if !ok {
		return errBadRequest
	}
	values := url.Values{}
	for k, v := range submitted {
		values[k] = v
	}
	values.Set("version", strconv.Itoa(current.CurrentVersion()))
	info := res.info(current, adminLang(r), false)
	// Issue 11, review before publishing: the buttons an editor may use.
	may, err := s.mayPublish(r.Context())
	if err != nil {
		return err
	}
	info.ReviewOnly = !may
	if usesDrafts(current) {
		// The form goes on from the draft as it is now, or from none when it is gone.
		info.Drafts = true
		d, ok, err := res.table.Draft(r.Context(), s.db, current.EntryID())
		if err != nil {
			return err
		}
		values.Set("draft", "0")
		if ok {
			values.Set("draft", strconv.Itoa(d.Revision))
		}
	}
	var base []content.FieldValue
	if conflict.Base != nil {
		base = conflict.Base.Fields()
	}
	rows := conflictRows(a, adminLang(r), current.Entity(), base, current.Fields(), mine.Fields())

	f := formState(a, values, mine.Fields(), nil)
	fields, err := res.fields(r.Context(), s, f)
	if err != nil {
		return err
	}
	p := s.adminPage(r, a.ConflictTitle, res.base)
	listTitle := res.title(p.Admin, p.Msg)
	p.Crumbs = []templates.Crumb{{Label: a.Dashboard, Path: "/admin/"}, {Label: listTitle, Path: res.base},
		{Label: current.Label(adminLang(r)), Path: res.entryPath(current.EntryID())}, {Label: a.ConflictTitle}}
	s.render(w, r, http.StatusConflict, templates.ConflictPage(p, info, rows, conflict.Base != nil, f, fields))
	return nil
}

// conflictRows lists the fields where the other person's version and this person's differ, or
// where the other person changed something since the start: each by its label, its values in
// words as the history shows them (humanValue), not the codes the database keeps.
func conflictRows(a *i18n.AdminMessages, l content.Lang, entity content.Entity, base, theirs, yours []content.FieldValue) []templates.ConflictRow {
	baseOf, yoursOf := valueMap(base), valueMap(yours)
	var rows []templates.ConflictRow
	for _, t := range theirs {
		if t.Field == "image" {
			continue
		}
		b, y := baseOf[t.Field], yoursOf[t.Field]
		theyChanged := base != nil && t.Value != b
		youChanged := base != nil && y != b
		if t.Value == y && !theyChanged {
			continue
		}
		word := func(v string) string { return humanValue(a, l, entity, t.Field, v, false) }
		rows = append(rows, templates.ConflictRow{
			Field: t.Field, Label: a.FieldLabel(t.Field), Base: word(b), Theirs: word(t.Value), Yours: word(y),
			BothChanged: theyChanged && youChanged && t.Value != y,
		})
	}
	return rows
}

func valueMap(fields []content.FieldValue) map[string]string {
	m := make(map[string]string, len(fields))
	for _, f := range fields {
		m[f.Field] = f.Value
	}
	return m
}
