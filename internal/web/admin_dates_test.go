package web_test

import (
	"net/http"
	"net/url"
	"testing"

	"twincities/internal/content"
	"twincities/internal/postgres/pgtest"
)

// A date is typed in three boxes, day, month and year, grouped under the field's legend; what is
// filled sets the precision, and a whole date pasted into one box ("15.10.2007") is read too.
func TestDateBoxesSetPrecision(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	addEditor(t, db)
	b := startSite(t, db).newBrowser(t, "en")
	b.mustSignIn(editorEmail, editorPassword)

	form := b.mustGet("/admin/twin-cities/new")
	group := form.doc.Find(`fieldset.date-input:has(#f-since-day)`)
	if got := squash(group.Find("legend").Text()); got != adminEN.Fields["since"]+" ("+adminEN.Optional+")" {
		t.Errorf("the date's legend says %q", got)
	}
	if group.Find(".hint").Length() != 1 {
		t.Error("the date has no hint")
	}
	for part, label := range map[string]string{"day": adminEN.DateDay, "month": adminEN.DateMonth, "year": adminEN.DateYear} {
		box := group.Find("#f-since-" + part)
		if box.AttrOr("name", "") != "since."+part || box.AttrOr("inputmode", "") != "numeric" {
			t.Errorf("the %s box: name %q, inputmode %q", part, box.AttrOr("name", ""), box.AttrOr("inputmode", ""))
		}
		if got := squash(group.Find(`label[for="f-since-` + part + `"]`).Text()); got != label {
			t.Errorf("the %s box is labelled %q, want %q", part, got, label)
		}
	}

	tests := []struct {
		slug             string
		day, month, year string
		want             content.Date
	}{
		{"y", "", "", "2007", content.YearDate(2007)},
		{"m", "", "10", "2007", content.MonthDate(2007, 10)},
		{"d", "15", "10", "2007", content.DayDate(2007, 10, 15)},
		{"pasted-day", "", "", "15.10.2007", content.DayDate(2007, 10, 15)},
		{"pasted-month", "", "", "10.2007", content.MonthDate(2007, 10)},
		{"pasted-iso", "2007-10-15", "", "", content.DayDate(2007, 10, 15)},
	}
	for _, tt := range tests {
		res := b.submit(b.mustGet("/admin/twin-cities/new"), formAt("/admin/twin-cities/new"), url.Values{
			"slug": {tt.slug}, "name_ru": {"Город"}, "country": {"FR"},
			"since.day": {tt.day}, "since.month": {tt.month}, "since.year": {tt.year},
		})
		c := cityBySlug(t, db, content.Twin, tt.slug)
		expectRedirect(t, res, twinPath(c.ID))
		if c.Since != tt.want {
			t.Errorf("%q %q %q saved as %#v, want %#v", tt.day, tt.month, tt.year, c.Since, tt.want)
		}
		// The edit form shows the date in the boxes its precision fills.
		edit := b.follow(res)
		d, m, y := tt.want.Parts()
		for part, want := range map[string]string{"day": d, "month": m, "year": y} {
			if got := edit.doc.Find("#f-since-"+part).AttrOr("value", "?"); got != want {
				t.Errorf("%s: the %s box shows %q, want %q", tt.slug, part, got, want)
			}
		}
	}
}

// A date that does not exist is refused in the staff's language with the box at fault marked,
// everything typed kept.
func TestDateBoxesRefuseUnrealDates(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	addEditor(t, db)
	b := startSite(t, db).newBrowser(t, "ru")
	b.mustSignIn(editorEmail, editorPassword)

	tests := []struct {
		day, month, year string
		problem          content.Problem
		faults           []string // the boxes marked invalid; the summary leads to the first
	}{
		{"31", "02", "2007", content.ProblemDateReal, []string{"day", "month"}},
		{"", "13", "2007", content.ProblemDateMonth, []string{"month"}},
		{"15", "", "2007", content.ProblemDateMonth, []string{"month"}},
		{"15", "10", "07", content.ProblemDateYear, []string{"year"}},
		{"32", "10", "2007", content.ProblemDateDay, []string{"day"}},
		{"", "", "31.02.2007", content.ProblemDate, []string{"day", "month", "year"}},
	}
	for _, tt := range tests {
		res := b.submit(b.mustGet("/admin/twin-cities/new"), formAt("/admin/twin-cities/new"), url.Values{
			"slug": {"nantes"}, "name_ru": {"Нант"}, "country": {"FR"},
			"since.day": {tt.day}, "since.month": {tt.month}, "since.year": {tt.year},
		})
		expectStatus(t, res, http.StatusUnprocessableEntity)
		if got := squash(res.doc.Find("#f-since-error").Text()); got != squash(adminRU.Problems[tt.problem]) || got == "" {
			t.Errorf("%q %q %q: the message says %q, want %q", tt.day, tt.month, tt.year, got, adminRU.Problems[tt.problem])
		}
		invalid := map[string]bool{}
		for _, part := range tt.faults {
			invalid[part] = true
		}
		for part, typed := range map[string]string{"day": tt.day, "month": tt.month, "year": tt.year} {
			box := res.doc.Find("#f-since-" + part)
			if got := box.AttrOr("value", "?"); got != typed {
				t.Errorf("%q %q %q: the %s box kept %q", tt.day, tt.month, tt.year, part, got)
			}
			if got := box.AttrOr("aria-invalid", "") == "true"; got != invalid[part] {
				t.Errorf("%q %q %q: the %s box marked invalid: %t, want %t", tt.day, tt.month, tt.year, part, got, invalid[part])
			}
		}
		if n := res.doc.Find(`.error-summary a[href="#f-since-` + tt.faults[0] + `"]`).Length(); n != 1 {
			t.Errorf("%q %q %q: %d summary links to the %s box, want 1", tt.day, tt.month, tt.year, n, tt.faults[0])
		}
	}
	if n := queryInt(t, db, `SELECT count(*) FROM cities WHERE slug = 'nantes'`); n != 0 {
		t.Error("an unreal date was saved")
	}
}
