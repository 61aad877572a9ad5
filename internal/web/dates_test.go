package web_test

import (
	"strings"
	"testing"

	"twincities/internal/postgres/pgtest"
)

func TestDatesRenderWithTheirPrecisionInBothLanguages(t *testing.T) {
	t.Parallel()
	h := site(t, pgtest.SeededDB(t))
	cases := []struct {
		path, datetime, text string
	}{
		{"/en/twin-cities/duisburg", "2007-10-15", "15 October 2007"},
		{"/ru/twin-cities/duisburg", "2007-10-15", tie("15~октября 2007~г.")},
		{"/en/twin-cities/qingdao", "2006-11", "November 2006"},
		{"/ru/twin-cities/qingdao", "2006-11", tie("ноябрь 2006~г.")},
		{"/en/twin-cities/louisville", "1994", "1994"},
		{"/ru/partner-cities/ufa", "2022-07", tie("июль 2022~г.")},
		{"/en/partner-cities/kazan", "2023-01-31", "31 January 2023"},
	}
	for _, c := range cases {
		r := mustGet(t, h, c.path)
		got := r.doc.Find(`.facts time[datetime="` + c.datetime + `"]`)
		if got.Length() != 1 || strings.TrimSpace(got.Text()) != c.text {
			t.Errorf("%s: facts date %q at datetime=%s, want %q", c.path, got.Text(), c.datetime, c.text)
		}
	}

	// The cards say "since" in each language's grammar, and give a former relationship's years
	// (Louisville, 1994 to June 2022). texts() reads non-breaking spaces as spaces.
	en := texts(mustGet(t, h, "/en/twin-cities").doc, ".card p")
	ru := texts(mustGet(t, h, "/ru/twin-cities").doc, ".card p")
	for _, want := range []string{"1994–2022", "since November 2006", "since 15 October 2007"} {
		if !contains(en, want) {
			t.Errorf("English cards %q lack %q", en, want)
		}
	}
	for _, want := range []string{"1994–2022 гг.", "с ноября 2006 г.", "с 15 октября 2007 г."} {
		if !contains(ru, want) {
			t.Errorf("Russian cards %q lack %q", ru, want)
		}
	}
	// A year is never printed as its first day.
	if page := mustGet(t, h, "/en/twin-cities/louisville").body; strings.Contains(page, "1 January 1994") {
		t.Error("a year-precision date was printed as 1 January")
	}
}

func TestUnconfirmedDateIsSaidNotGuessed(t *testing.T) {
	t.Parallel()
	h := site(t, pgtest.SeededDB(t))
	r := mustGet(t, h, "/en/twin-cities/agrigento")
	if r.doc.Find(".facts time").Length() != 0 {
		t.Error("Agrigento shows a date although it is not confirmed")
	}
	if !strings.Contains(r.doc.Find(".facts").Text(), "date being confirmed") {
		t.Error("Agrigento's facts do not say its date is being confirmed")
	}
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
