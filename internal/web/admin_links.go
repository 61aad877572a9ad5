package web

import (
	"context"
	"fmt"
	"strconv"

	"twincities/internal/content"
	"twincities/internal/i18n"
	"twincities/internal/linkcheck"
	"twincities/internal/store"
	"twincities/templates"
)

// linkReport is what the dashboard tells of the link check (issue 11, broken links): when it last
// ran, and each broken address with the entries that give it now. An address that no entry gives
// any more (staff have corrected it since the check) is left out.
func linkReport(ctx context.Context, tx store.DBTX, a *i18n.AdminMessages, l content.Lang) (templates.LinkReport, error) {
	var r templates.LinkReport
	last, err := store.LastLinkCheck(ctx, tx)
	if err != nil || last == nil {
		return r, err
	}
	r.LastCheck = last
	broken, err := store.ListBrokenLinks(ctx, tx)
	if err != nil || len(broken) == 0 {
		return r, err
	}
	uses, err := store.ListLinkUses(ctx, tx)
	if err != nil {
		return r, err
	}
	byURL := map[string][]templates.EntryRow{}
	for _, u := range uses {
		label := u.NameRU
		if l == content.EN || label == "" {
			label = u.NameEN
		}
		if label == "" {
			label = u.NameRU
		}
		byURL[u.URL] = append(byURL[u.URL], templates.EntryRow{Path: adminEntryPath(u.Entity, strconv.FormatInt(u.ID, 10)),
			Label: label, Detail: a.EntityNames[u.Entity]})
	}
	for _, b := range broken {
		entries := byURL[b.URL]
		if len(entries) == 0 || b.FirstFailedAt == nil {
			continue
		}
		r.Broken = append(r.Broken, templates.BrokenLink{URL: b.URL, Problem: linkProblem(a, b), Since: *b.FirstFailedAt, Entries: entries})
	}
	return r, nil
}

// linkProblem says in words what is wrong with a broken address.
func linkProblem(a *i18n.AdminMessages, c store.LinkCheck) string {
	if linkcheck.Kind(c.Error) == linkcheck.KindStatus {
		f := a.LinkOtherStatus
		switch {
		case c.Status == 404 || c.Status == 410:
			f = a.LinkGoneStatus
		case c.Status == 401 || c.Status == 403:
			f = a.LinkDeniedStatus
		case c.Status >= 500:
			f = a.LinkServerStatus
		}
		return fmt.Sprintf(f, c.Status)
	}
	if p, ok := a.LinkProblems[c.Error]; ok {
		return p
	}
	return a.LinkProblems[string(linkcheck.KindOther)]
}
