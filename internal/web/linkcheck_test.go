package web_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/jackc/pgx/v5/pgxpool"

	"twincities/internal/linkcheck"
	"twincities/internal/postgres/pgtest"
	"twincities/internal/web"
)

// linkSite is a site whose link check asks only the local test server; it is run by hand
// (CheckLinksIfDue), never by the background loop.
func linkSite(t *testing.T, db *pgxpool.Pool, c *clock) (*adminSite, *web.Server) {
	t.Helper()
	s := web.New(web.Deps{DB: db, Log: slog.New(slog.NewTextHandler(io.Discard, nil)), BaseURL: testBaseURL,
		Hasher: testHasher, Now: c.Now,
		LinkCheck: web.LinkCheck{Client: linkcheck.NewClient(true), Timeout: 2 * time.Second}})
	srv := httptest.NewServer(s.Routes())
	t.Cleanup(func() {
		srv.Close()
		s.Close()
	})
	return &adminSite{db: db, srv: srv, log: &syncBuffer{}}, s
}

func TestBrokenLinksOnTheDashboard(t *testing.T) {
	t.Parallel()
	var asked atomic.Int32
	var back atomic.Bool // the gone page is back
	target := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		asked.Add(1)
		if r.URL.Path == "/gone" && !back.Load() {
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(target.Close)

	db := pgtest.EmptyDB(t)
	addEditor(t, db)
	c := newClock(time.Date(2026, time.December, 1, 3, 0, 0, 0, time.UTC))
	site, srv := linkSite(t, db, c)
	ru := site.newBrowser(t, "")
	ru.mustSignIn(editorEmail, editorPassword)
	en := site.newBrowser(t, "en")
	en.mustSignIn(editorEmail, editorPassword)

	// Before any check the dashboard says so.
	if got := squash(dashboardSection(ru.mustGet("/admin/"), "broken-links").Text()); !strings.Contains(got, squash(adminRU.LinksNotChecked)) {
		t.Errorf("before the first check the section reads %q", got)
	}

	// A city whose official site works and whose source is gone, an organisation giving the same
	// gone source, and a draft event linking to the working page.
	var cityID, orgID int64
	if err := db.QueryRow(context.Background(), `INSERT INTO cities (kind, slug, name_ru, name_en, country, website, sources)
		VALUES ('twin', 'testburg', 'Тестбург', 'Testburg', 'DE', $1, jsonb_build_array(jsonb_build_object('title', 'Gone', 'url', $2::text)))
		RETURNING id`, target.URL+"/ok", target.URL+"/gone").Scan(&cityID); err != nil {
		t.Fatal(err)
	}
	if err := db.QueryRow(context.Background(), `INSERT INTO organizations (slug, kind, scope, name_ru, name_en, sources)
		VALUES ('test-union', 'union', 'international', 'Тестовый союз', 'Test Union',
		jsonb_build_array(jsonb_build_object('title', 'Gone', 'url', $1::text))) RETURNING id`, target.URL+"/gone").Scan(&orgID); err != nil {
		t.Fatal(err)
	}
	exec(t, db, `INSERT INTO events (event_date, date_precision, title_ru, link) VALUES ('2020-01-01', 'day', 'Черновик', $1)`, target.URL+"/ok")

	ran, err := srv.CheckLinksIfDue(context.Background())
	if err != nil || !ran {
		t.Fatalf("first check: ran=%v err=%v", ran, err)
	}
	if n := asked.Load(); n != 3 { // /ok by HEAD; /gone by HEAD, then by GET; each address once
		t.Errorf("the test server was asked %d times, want 3", n)
	}
	if n := queryInt(t, db, `SELECT count(*) FROM link_checks`); n != 2 {
		t.Errorf("%d addresses stored, want 2", n)
	}

	// Right after, and an hour later, the check is not due: nothing is asked.
	c.Advance(time.Hour)
	if ran, err := srv.CheckLinksIfDue(context.Background()); err != nil || ran {
		t.Errorf("second check within a day: ran=%v err=%v", ran, err)
	}
	if n := asked.Load(); n != 3 {
		t.Errorf("the second check asked the server: %d requests in all", n)
	}

	for _, b := range []struct {
		br      *browser
		problem string
		since   string
		city    string
	}{
		{ru, "Страницы больше нет (ошибка 404)", "2026-12-01 03:00 UTC", "Тестбург"},
		{en, "The page is gone (error 404)", "2026-12-01 03:00 UTC", "Testburg"},
	} {
		sec := dashboardSection(b.br.mustGet("/admin/"), "broken-links")
		items := sec.Find("li")
		if items.Length() != 1 {
			t.Fatalf("broken links: %d items, want 1: %q", items.Length(), squash(sec.Text()))
		}
		li := items.First()
		if href := li.Find("a.link-url").AttrOr("href", ""); href != target.URL+"/gone" {
			t.Errorf("broken address links to %q", href)
		}
		if got := squash(li.Find(".link-problem").Text()); got != b.problem {
			t.Errorf("problem reads %q, want %q", got, b.problem)
		}
		if got := li.Find("time").AttrOr("datetime", ""); got != "2026-12-01T03:00:00Z" {
			t.Errorf("broken since %q", got)
		}
		var entries []string
		li.Find("a.link-entry").Each(func(_ int, a *goquery.Selection) {
			entries = append(entries, squash(a.Text())+" "+a.AttrOr("href", ""))
		})
		want := []string{b.city + " " + "/admin/go/city/" + itoa(cityID), map[*browser]string{ru: "Тестовый союз", en: "Test Union"}[b.br] + " /admin/go/organization/" + itoa(orgID)}
		if strings.Join(entries, "|") != strings.Join(want, "|") {
			t.Errorf("entries using it: %q, want %q", entries, want)
		}
		if got := sec.Find(".links-last-check time").AttrOr("datetime", ""); got != "2026-12-01T03:00:00Z" {
			t.Errorf("last check at %q", got)
		}
	}
	// The entry link leads to the edit page.
	if p := ru.get("/admin/go/city/" + itoa(cityID)); p.status != http.StatusSeeOther || p.header.Get("Location") != "/admin/twin-cities/"+itoa(cityID) {
		t.Errorf("the entry's link answers %d to %q", p.status, p.header.Get("Location"))
	}

	// A day later the check runs again; the page is back, so nothing is broken, and the address
	// no entry gives any more is forgotten.
	back.Store(true)
	exec(t, db, `UPDATE events SET link = ''`)
	c.Advance(24 * time.Hour)
	if ran, err := srv.CheckLinksIfDue(context.Background()); err != nil || !ran {
		t.Fatalf("check a day later: ran=%v err=%v", ran, err)
	}
	en = site.newBrowser(t, "en") // a day later the session has ended
	en.mustSignIn(editorEmail, editorPassword)
	sec := dashboardSection(en.mustGet("/admin/"), "broken-links")
	if sec.Find("li").Length() != 0 || !strings.Contains(squash(sec.Text()), squash(adminEN.NoBrokenLinks)) {
		t.Errorf("after the page came back the section reads %q", squash(sec.Text()))
	}
	if n := queryInt(t, db, `SELECT count(*) FROM link_checks WHERE first_failed_at IS NULL AND ok`); n != 2 {
		t.Errorf("%d addresses stored as working, want 2", n)
	}
}

// An enabled check waits an hour (its first poll) before it asks anything: a server that runs
// briefly, as in tests, never asks.
func TestLinkCheckWaitsForItsFirstPoll(t *testing.T) {
	t.Parallel()
	var asked atomic.Int32
	target := httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { asked.Add(1) }))
	t.Cleanup(target.Close)
	db := pgtest.EmptyDB(t)
	exec(t, db, `INSERT INTO cities (kind, slug, country, website) VALUES ('twin', 'testburg', 'DE', $1)`, target.URL+"/")
	s := web.New(web.Deps{DB: db, Log: slog.New(slog.NewTextHandler(io.Discard, nil)), Hasher: testHasher,
		LinkCheck: web.LinkCheck{Enabled: true, Client: linkcheck.NewClient(true)}})
	s.Close() // the loop stops at once, having asked nothing
	if asked.Load() != 0 {
		t.Errorf("the server asked %d times", asked.Load())
	}
}
