package web_test

import (
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"twincities/internal/content"
	"twincities/internal/postgres/pgtest"
	"twincities/internal/seed"
)

// dashboardSection is one section of the dashboard, by the id of its heading.
func dashboardSection(p page, id string) *goquery.Selection {
	return p.doc.Find(`section[aria-labelledby="` + id + `"]`)
}

// anniversary is one line of the dashboard's anniversaries.
type anniversary struct {
	datetime, date, city, href, text string
}

func anniversaries(p page) []anniversary {
	var out []anniversary
	dashboardSection(p, "anniversaries").Find("li").Each(func(_ int, li *goquery.Selection) {
		out = append(out, anniversary{
			datetime: li.Find("time").AttrOr("datetime", ""), date: squash(li.Find("time").Text()),
			city: squash(li.Find("a").Text()), href: li.Find("a").AttrOr("href", ""), text: squash(li.Text()),
		})
	})
	return out
}

func TestDashboard(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	addEditor(t, db)
	site := startSite(t, db, withClock(newClock(time.Date(2026, time.November, 26, 10, 0, 0, 0, time.UTC))))
	ru := site.newBrowser(t, "")
	ru.mustSignIn(editorEmail, editorPassword)
	en := site.newBrowser(t, "en")
	en.mustSignIn(editorEmail, editorPassword)

	duisburg := cityBySlug(t, db, content.Twin, "duisburg")
	louisville := cityBySlug(t, db, content.Twin, "louisville")
	oxford := cityBySlug(t, db, content.Twin, "oxford")
	qingdao := cityBySlug(t, db, content.Twin, "qingdao")

	// Anniversaries in the next twelve months, soonest first.
	dash := ru.mustGet("/admin/")
	list := anniversaries(dash)
	var found *anniversary
	var dates []string
	for i, a := range list {
		dates = append(dates, a.datetime)
		switch a.href {
		case twinPath(duisburg.ID):
			found = &list[i]
		case twinPath(louisville.ID), twinPath(oxford.ID):
			t.Errorf("an ended relationship has an anniversary: %+v", a)
		}
	}
	if found == nil {
		t.Fatalf("Duisburg's 20th is not among the anniversaries %+v", list)
	}
	if found.datetime != "2027-10-15" || found.date != "15 октября 2027 г." || found.city != "Дуйсбург" ||
		!strings.Contains(found.text, squash(strings.Replace(adminRU.AnniversaryFmt, "%d", "20", 1))) {
		t.Errorf("Duisburg's anniversary reads %+v, want 15 октября 2027 г., 20 лет", *found)
	}
	if !slices.IsSorted(dates) {
		t.Errorf("anniversaries not soonest first: %q", dates)
	}
	if !slices.Contains(dates, "2026-11") {
		t.Errorf("Qingdao's 20th (November 2026, this month) is missing: %q", dates)
	}
	for _, a := range anniversaries(en.mustGet("/admin/")) {
		if a.href == twinPath(duisburg.ID) && (a.date != "15 October 2027" || a.city != "Duisburg" || !strings.Contains(a.text, "20 years")) {
			t.Errorf("in English Duisburg's anniversary reads %+v", a)
		}
	}

	// Drafts waiting: the memberships not yet confirmed, and nothing published.
	drafts := dashboardSection(dash, "drafts")
	for _, o := range seed.Organizations() {
		n := 0
		drafts.Find("a").Each(func(_ int, a *goquery.Selection) {
			if squash(a.Text()) == o.Name.RU {
				n++
			}
		})
		if want := map[bool]int{true: 0, false: 1}[o.Published]; n != want {
			t.Errorf("drafts list %q %d times, want %d (published %v)", o.Name.RU, n, want, o.Published)
		}
	}
	if drafts.Find(`a[href="`+twinPath(duisburg.ID)+`"]`).Length() != 0 {
		t.Error("a published city is listed among the drafts")
	}
	if dashboardSection(dash, "missing").Find(`a[href="`+twinPath(qingdao.ID)+`"]`).Length() != 0 {
		t.Fatal("Qingdao is missing a language before anyone edited it")
	}

	// Qingdao, unpublished and left without its English summary, is missing a language.
	path := twinPath(qingdao.ID)
	expectRedirect(t, ru.submit(ru.mustGet(path), formAt(path+"/unpublish"), nil), path)
	expectRedirect(t, ru.submit(ru.mustGet(path), formAt(path), url.Values{"summary_en": {""}}), path)
	if c := cityByID(t, db, qingdao.ID); c.Published || c.Summary.EN != "" || c.Summary.RU == "" {
		t.Fatalf("Qingdao: published %v, summary %+v", c.Published, c.Summary)
	}

	dash = ru.mustGet("/admin/")
	missing := dashboardSection(dash, "missing").Find("li").FilterFunction(func(_ int, li *goquery.Selection) bool {
		return li.Find(`a[href="`+path+`"]`).Length() == 1
	})
	if missing.Length() != 1 {
		t.Fatalf("Qingdao is not listed as missing a language: %q", texts(dash.doc, `section[aria-labelledby="missing"] li`))
	}
	// It names the field and the language to fill in.
	want := adminRU.Fields["summary"] + " (" + strings.ToLower(adminRU.English) + ")"
	if text := squash(missing.Text()); !strings.Contains(text, "Циндао") || !strings.Contains(text, want) {
		t.Errorf("the missing-language line reads %q, want Циндао and %q", text, want)
	}
	if dashboardSection(dash, "drafts").Find(`a[href="`+path+`"]`).Length() != 1 {
		t.Error("unpublished Qingdao is not among the drafts")
	}
	for _, a := range anniversaries(dash) {
		if a.href == path {
			t.Error("an unpublished city still has an anniversary")
		}
	}

	// Recent changes: the last one first, who and what.
	recent := auditItems(dash, `section[aria-labelledby="recent"]`)
	if len(recent) == 0 {
		t.Fatal("no recent changes")
	}
	last := recent[0]
	for _, part := range []string{editorName, adminRU.ActionNames["update"], "Циндао"} {
		if !strings.Contains(last.meta, part) {
			t.Errorf("the last change reads %q, want it to say %q", last.meta, part)
		}
	}
	if got, want := last.changes[adminRU.FieldLabel("summary_en")], [2]string{qingdao.Summary.EN, adminRU.EmptyValue}; got != want {
		t.Errorf("the last change shows summary (English) %q, want %q", got, want)
	}
	if len(recent) < 2 || !strings.Contains(recent[1].meta, adminRU.ActionNames["unpublish"]) {
		t.Errorf("the change before it is not the unpublishing: %+v", recent)
	}
}
