package web

import (
	"net/http"
	"strings"

	"twincities/internal/content"
	"twincities/internal/i18n"
	"twincities/internal/store"
	"twincities/templates"
)

// recentChanges is how many lines of the audit log the dashboard shows.
const recentChanges = 10

// dashboard handles "GET /admin/": drafts waiting, recent changes, entries missing a language,
// places whose contact details are not yet known, the round anniversaries of relationships coming
// within a year, and the unread messages.
func (s *Server) dashboard(w http.ResponseWriter, r *http.Request) error {
	ctx, a, l := r.Context(), adminMessages(r), adminLang(r)
	var (
		entries []content.Entry
		log     []store.AuditEntry
		d       templates.DashboardData
	)
	err := store.ReadSnapshot(ctx, s.db, func(tx store.DBTX) error {
		var err error
		if entries, err = listAll(ctx, tx, store.Filter{}); err != nil {
			return err
		}
		if log, err = store.ListAudit(ctx, tx, store.AuditQuery{Limit: recentChanges}); err != nil {
			return err
		}
		if d.Unread, err = store.CountUnreadMessages(ctx, tx); err != nil {
			return err
		}
		// Issue 10, open data: the passports stay incomplete until the publisher is named.
		set, err := store.GetSettings(ctx, tx)
		d.OpenDataGap = !set.OpenData.Complete()
		if err != nil {
			return err
		}
		// Issue 11, scheduling: what is coming, and what could not be done.
		if d.ComingUp, d.ScheduleFailed, err = dashboardSchedules(ctx, tx, a, l); err != nil {
			return err
		}
		// Issue 11, review before publishing: changes not yet on the site.
		if d.Review, err = dashboardReview(ctx, tx, a, l); err != nil {
			return err
		}
		d.Review.ReviewOn = set.RequireReview
		// Issue 11, broken links.
		d.Links, err = linkReport(ctx, tx, a, l)
		return err
	})
	if err != nil {
		return err
	}
	var cities []content.City // whose anniversaries come
	for _, e := range entries {
		if c, ok := e.(content.City); ok {
			cities = append(cities, c)
		}
		link := templates.EntryRow{Path: entryAdminPath(e), Label: e.Label(l), Published: e.IsPublished(),
			Detail: a.EntityNames[e.Entity()]}
		if !e.IsPublished() {
			d.Drafts = append(d.Drafts, link)
		}
		fields := e.Fields()
		if note := editorNote(fields); note != "" {
			d.Notes = append(d.Notes, templates.NoteRow{Entry: link, Note: note})
		}
		if missing := content.MissingLanguages(e); len(missing) > 0 {
			labels := make([]string, len(missing))
			for i, m := range missing {
				lang := emptyLanguage(a, fields, m)
				if l == content.RU {
					lang = strings.ToLower(lang) // "Название (русский)"; English keeps "Russian"
				}
				labels[i] = a.Fields[m] + " (" + lang + ")"
			}
			d.Missing = append(d.Missing, templates.MissingRow{Entry: link, Fields: labels})
		}
		if pl, ok := e.(content.Place); ok {
			if gaps := pl.ContactGaps(); len(gaps) > 0 {
				labels := make([]string, len(gaps))
				for i, g := range gaps {
					labels[i] = a.Fields[g]
				}
				d.ContactGaps = append(d.ContactGaps, templates.MissingRow{Entry: link, Fields: labels})
			}
		}
	}
	for _, an := range content.Anniversaries(cities, s.now()) {
		d.Anniversaries = append(d.Anniversaries, templates.AnniversaryRow{
			City: templates.EntryRow{Path: entryAdminPath(an.City), Label: an.City.Label(l)}, Years: an.Years, Date: an.Date,
			CityID: an.City.ID,
		})
	}
	d.Recent = auditRows(a, adminLang(r), log)
	s.render(w, r, http.StatusOK, templates.Dashboard(s.adminPage(r, a.Dashboard, "/admin/"), d))
	return nil
}

// emptyLanguage names the language in which the bilingual field base of an entry (its fields) is
// empty, for the dashboard's list of what is filled in one language only: the editor is told which
// box to fill.
func emptyLanguage(a *i18n.AdminMessages, fields []content.FieldValue, base string) string {
	for _, f := range fields {
		if f.Field == base+"_ru" && strings.TrimSpace(f.Value) == "" {
			return a.Russian
		}
	}
	return a.English
}

// dashboardNoteLength is how much of an editor's note the dashboard shows: the note's point; the
// whole is on the entry's page.
const dashboardNoteLength = 300

// editorNote is the editor's note among an entry's fields as the dashboard shows it, or "" when
// it has none.
func editorNote(fields []content.FieldValue) string {
	for _, f := range fields {
		if f.Field == "editor_note" {
			return trimWords(strings.Join(strings.Fields(f.Value), " "), dashboardNoteLength)
		}
	}
	return ""
}
