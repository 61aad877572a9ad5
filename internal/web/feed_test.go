package web_test

import (
	"context"
	"encoding/xml"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"twincities/internal/content"
	"twincities/internal/postgres/pgtest"
	"twincities/internal/store"
)

// atomDoc is an Atom feed as a reader parses it.
type atomDoc struct {
	XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string   `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
	ID      string   `xml:"id"`
	Title   string   `xml:"title"`
	Updated string   `xml:"updated"`
	Links   []struct {
		Rel      string `xml:"rel,attr"`
		Type     string `xml:"type,attr"`
		Hreflang string `xml:"hreflang,attr"`
		Href     string `xml:"href,attr"`
	} `xml:"link"`
	Author struct {
		Name string `xml:"name"`
	} `xml:"author"`
	Entries []atomDocEntry `xml:"entry"`
}

type atomDocEntry struct {
	ID        string `xml:"id"`
	Title     string `xml:"title"`
	Updated   string `xml:"updated"`
	Published string `xml:"published"`
	Link      struct {
		Rel  string `xml:"rel,attr"`
		Href string `xml:"href,attr"`
	} `xml:"link"`
	Summary string `xml:"summary"`
}

// readFeed fetches and parses the feed in lang.
func readFeed(tb testing.TB, h http.Handler, lang string) (atomDoc, response) {
	tb.Helper()
	r := get(tb, h, "/"+lang+"/feed.atom")
	if r.StatusCode != http.StatusOK {
		tb.Fatalf("feed: %d", r.StatusCode)
	}
	if ct := r.Header.Get("Content-Type"); ct != "application/atom+xml; charset=utf-8" {
		tb.Errorf("feed Content-Type %q", ct)
	}
	var f atomDoc
	if err := xml.Unmarshal([]byte(r.body), &f); err != nil {
		tb.Fatalf("the feed is not XML: %v\n%s", err, r.body)
	}
	return f, r
}

// entryOf is the feed's entry whose link ends with fragment, or nil.
func entryOf(f atomDoc, fragment string) *atomDocEntry {
	for i, e := range f.Entries {
		if strings.HasSuffix(e.Link.Href, "#"+fragment) {
			return &f.Entries[i]
		}
	}
	return nil
}

// dbTime is a timestamp from the database as the feed writes it (RFC 3339, UTC, seconds).
func dbTime(tb testing.TB, db *pgxpool.Pool, sql string, args ...any) string {
	tb.Helper()
	var t time.Time
	if err := db.QueryRow(context.Background(), sql, args...).Scan(&t); err != nil {
		tb.Fatalf("%s: %v", sql, err)
	}
	return t.UTC().Format(time.RFC3339)
}

func TestAtomFeedCarriesThePublishedEventsAndAwardsNewestFirst(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), pgtest.SeededDB(t)
	h := site(t, db)
	duisburg := cityBySlug(t, db, content.Twin, "duisburg")
	event := func(title string, published bool) content.Event {
		e := content.Event{CityID: &duisburg.ID, Date: content.DayDate(2025, time.May, 12), Published: published,
			Title: content.Text{RU: title + " (ру)", EN: title}, Text: content.Text{RU: "Текст <b>события</b> & ещё", EN: "Text"}}
		if err := store.Events.Create(ctx, db, &e, store.SystemActor); err != nil {
			t.Fatal(err)
		}
		return e
	}
	trashed := event("Trashed event", true)
	if err := store.Events.Delete(ctx, db, trashed.ID, store.SystemActor); err != nil {
		t.Fatal(err)
	}
	draft := event("Draft event", false)
	published := event("Published event", true)
	award := content.Award{Date: content.YearDate(2025), Published: true,
		Title:     content.Text{RU: "Новая грамота", EN: "New certificate"},
		AwardedBy: content.Text{RU: "Кто-то", EN: "Someone"}}
	if err := store.Awards.Create(ctx, db, &award, store.SystemActor); err != nil {
		t.Fatal(err)
	}
	// Published later than made: its publication time is the audit log's.
	later := event("Published later", false)
	if _, err := store.Events.SetPublished(ctx, db, later.ID, later.Version, true, store.SystemActor); err != nil {
		t.Fatal(err)
	}

	f, _ := readFeed(t, h, "ru")
	self := testBaseURL + "/ru/feed.atom"
	if f.ID != self || f.Lang != "ru" || f.Title == "" || f.Author.Name == "" {
		t.Errorf("feed id %q, lang %q, title %q, author %q", f.ID, f.Lang, f.Title, f.Author.Name)
	}
	rels := map[string]string{}
	for _, l := range f.Links {
		if l.Hreflang == "" {
			rels[l.Rel] = l.Href
		}
	}
	if rels["self"] != self || rels["alternate"] != testBaseURL+"/ru/" {
		t.Errorf("feed links %v", f.Links)
	}
	if len(f.Entries) == 0 || len(f.Entries) > 50 {
		t.Fatalf("%d entries", len(f.Entries))
	}
	for _, gone := range []content.Event{trashed, draft} {
		if entryOf(f, "event-"+itoa(gone.ID)) != nil {
			t.Errorf("the feed carries %q", gone.Title.EN)
		}
	}
	// Newest published first: the one published last, then the award, then the published event.
	wantOrder := []string{"event-" + itoa(later.ID), "award-" + itoa(award.ID), "event-" + itoa(published.ID)}
	for i, frag := range wantOrder {
		if !strings.HasSuffix(f.Entries[i].Link.Href, "#"+frag) {
			t.Errorf("entry %d links to %s, want #%s", i, f.Entries[i].Link.Href, frag)
		}
	}
	for i := 1; i < len(f.Entries); i++ {
		if f.Entries[i].Published > f.Entries[i-1].Published {
			t.Errorf("entry %d published %s after entry %d's %s", i, f.Entries[i].Published, i-1, f.Entries[i-1].Published)
		}
	}
	e := entryOf(f, "event-"+itoa(later.ID))
	if want := dbTime(t, db, `SELECT at FROM audit_log WHERE entity = 'event' AND entity_id = $1 AND action = 'publish'`, itoa(later.ID)); e.Published != want {
		t.Errorf("published %s, want the audit log's %s", e.Published, want)
	}
	if want := dbTime(t, db, `SELECT updated_at FROM events WHERE id = $1`, later.ID); e.Updated != want {
		t.Errorf("updated %s, want %s", e.Updated, want)
	}
	if want := dbTime(t, db, `SELECT greatest((SELECT max(updated_at) FROM events WHERE published AND deleted_at IS NULL),
		(SELECT max(updated_at) FROM awards WHERE published AND deleted_at IS NULL))`); f.Updated != want {
		t.Errorf("feed updated %s, want the newest entry's %s", f.Updated, want)
	}
	pe := entryOf(f, "event-"+itoa(published.ID))
	if pe.Title != "Published event (ру)" || !strings.Contains(pe.Summary, "г. Текст события & ещё") ||
		pe.Link.Href != testBaseURL+"/ru/twin-cities/duisburg#event-"+itoa(published.ID) {
		t.Errorf("entry %+v", *pe)
	}
	if !strings.HasPrefix(pe.ID, "tag:test.example,") {
		t.Errorf("entry id %q", pe.ID)
	}

	// Every entry's link leads to a page that has the item it names.
	for _, e := range f.Entries[:5] {
		u, err := url.Parse(e.Link.Href)
		if err != nil {
			t.Fatal(err)
		}
		page := mustGet(t, h, u.Path)
		if page.doc.Find("#"+u.Fragment).Length() != 1 {
			t.Errorf("%s has no item #%s", u.Path, u.Fragment)
		}
	}

	// An edit changes the entry's title and time, never its id or publication time.
	published.Title.EN, published.Title.RU = "Edited event", "Изменённое событие"
	if err := store.Events.Update(ctx, db, &published, published.Version, store.SystemActor); err != nil {
		t.Fatal(err)
	}
	f2, _ := readFeed(t, h, "ru")
	pe2 := entryOf(f2, "event-"+itoa(published.ID))
	if pe2 == nil || pe2.ID != pe.ID || pe2.Published != pe.Published || pe2.Title != "Изменённое событие" {
		t.Errorf("after an edit: %+v, before: %+v", pe2, *pe)
	}

	en, _ := readFeed(t, h, "en")
	if en.ID != testBaseURL+"/en/feed.atom" || entryOf(en, "award-"+itoa(award.ID)).Title != "New certificate" {
		t.Errorf("English feed %q", en.ID)
	}
}

func TestAtomFeedAnswersNotModified(t *testing.T) {
	t.Parallel()
	h := site(t, pgtest.SeededDB(t))
	_, first := readFeed(t, h, "en")
	etag, modified := first.Header.Get("ETag"), first.Header.Get("Last-Modified")
	if etag == "" || modified == "" {
		t.Fatalf("ETag %q, Last-Modified %q", etag, modified)
	}
	if r := get(t, h, "/en/feed.atom", "If-None-Match", etag); r.StatusCode != http.StatusNotModified || r.body != "" {
		t.Errorf("If-None-Match: %d", r.StatusCode)
	}
	if r := get(t, h, "/en/feed.atom", "If-Modified-Since", modified); r.StatusCode != http.StatusNotModified {
		t.Errorf("If-Modified-Since: %d", r.StatusCode)
	}
	if r := get(t, h, "/en/feed.atom", "If-None-Match", `"other"`, "If-Modified-Since", modified); r.StatusCode != http.StatusOK {
		t.Errorf("another ETag: %d", r.StatusCode)
	}
}

func TestPagesAnnounceTheFeed(t *testing.T) {
	t.Parallel()
	h := site(t, pgtest.SeededDB(t))
	for _, path := range []string{"/ru/", "/en/awards", "/ru/twin-cities/duisburg", "/en/contacts/write"} {
		r := mustGet(t, h, path)
		link := r.doc.Find(`head link[rel="alternate"][type="application/atom+xml"]`)
		lang := path[1:3]
		if link.Length() != 1 || link.AttrOr("href", "") != "/"+lang+"/feed.atom" || link.AttrOr("title", "") == "" {
			t.Errorf("%s announces %d feeds: %q", path, link.Length(), link.AttrOr("href", ""))
		}
	}
	awards := mustGet(t, h, "/ru/awards")
	if a := awards.doc.Find(`main a[href="/ru/feed.atom"]`); a.Length() != 1 || !strings.Contains(a.Text(), "Atom") {
		t.Errorf("the awards page's link to the feed: %d %q", a.Length(), a.Text())
	}
}
