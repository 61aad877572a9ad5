package web

import (
	"net/http"
	"net/url"
	"strconv"
	"time"

	"twincities/internal/content"
	"twincities/internal/store"
	"twincities/templates"
)

// logPage is how many audit lines one page of the change log shows.
const logPage = 50

// maxLogPages bounds the page number a URL may ask for.
const maxLogPages = 1_000_000

// changeLog handles "GET /admin/history": the audit log, filterable by kind of entry, member of
// staff, action and dates (UTC), newest first, in pages.
func (s *Server) changeLog(w http.ResponseWriter, r *http.Request) error {
	ctx, a := r.Context(), adminMessages(r)
	q := r.URL.Query()
	f := templates.LogFilter{Entity: q.Get("entity"), User: q.Get("user"), Action: q.Get("action"), From: q.Get("from"), To: q.Get("to")}
	aq := store.AuditQuery{Limit: logPage + 1}
	if _, ok := a.EntityNames[content.Entity(f.Entity)]; ok {
		aq.Entity = content.Entity(f.Entity)
	} else {
		f.Entity = ""
	}
	if _, ok := a.ActionNames[f.Action]; ok {
		aq.Action = f.Action
	} else {
		f.Action = ""
	}
	if id, err := strconv.ParseInt(f.User, 10, 64); err == nil {
		aq.UserID = id
	} else {
		f.User = ""
	}
	var problems []string
	if t, err := time.Parse("2006-01-02", f.From); err == nil {
		aq.Since = t
	} else if f.From != "" {
		problems = append(problems, "from")
	}
	if t, err := time.Parse("2006-01-02", f.To); err == nil {
		aq.Before = t.AddDate(0, 0, 1)
	} else if f.To != "" {
		problems = append(problems, "to")
	}
	page, _ := strconv.Atoi(q.Get("page"))
	page = min(max(page, 0), maxLogPages) // beyond the log's end: an empty page, not an overflow
	aq.Offset = page * logPage
	log, err := store.ListAudit(ctx, s.db, aq)
	if err != nil {
		return err
	}
	users, err := store.ListUsers(ctx, s.db)
	if err != nil {
		return err
	}
	d := templates.LogData{Filter: f, Users: users, Rows: auditRows(a, adminLang(r), log[:min(len(log), logPage)]), Actions: store.Actions, Entities: logEntities()}
	if len(log) > logPage {
		next := url.Values{"entity": {f.Entity}, "user": {f.User}, "action": {f.Action}, "from": {f.From}, "to": {f.To},
			"page": {strconv.Itoa(page + 1)}}
		d.Older = "/admin/history?" + next.Encode()
	}
	status := http.StatusOK
	form := templates.Form{Values: q, Errors: map[string]string{}, Admin: a}
	for _, p := range problems {
		form.Errors[p] = a.Problems[content.ProblemDate]
		form.Order = append(form.Order, p)
		status = http.StatusUnprocessableEntity
	}
	s.render(w, r, status, templates.ChangeLog(s.adminPage(r, a.History, "/admin/history"), d, form))
	return nil
}
