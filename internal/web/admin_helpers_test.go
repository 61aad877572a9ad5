package web_test

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/textproto"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/jackc/pgx/v5/pgxpool"

	"twincities/internal/auth"
	"twincities/internal/content"
	"twincities/internal/i18n"
	"twincities/internal/store"
	"twincities/internal/web"
)

// The admin's messages in each language, to compare pages with.
var (
	adminEN = i18n.AdminFor(content.EN)
	adminRU = i18n.AdminFor(content.RU)
)

// sessionCookie is the name of the staff session cookie.
const sessionCookie = "twincities_session"

// testHasher is the hasher of every test site: real argon2id at a low cost.
var testHasher = auth.Hasher{Params: auth.TestParams}

// clock is a time that tests move by hand; the site reads it through web.Deps.Now.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func newClock(t time.Time) *clock { return &clock{t: t} }

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// syncBuffer collects the site's log; the server writes to it from its own goroutines.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// adminSite is the real router over a test database, served over HTTP.
type adminSite struct {
	db  *pgxpool.Pool
	srv *httptest.Server
	log *syncBuffer
}

// startSite serves the site over db. Each option may change the dependencies first; by default
// the site believes it is testBaseURL, uses the test hasher and the real clock, and logs into a
// buffer the test can read.
func startSite(tb testing.TB, db *pgxpool.Pool, opts ...func(*web.Deps)) *adminSite {
	tb.Helper()
	logs := &syncBuffer{}
	d := web.Deps{
		DB:      db,
		Log:     slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug})),
		BaseURL: testBaseURL,
		Hasher:  testHasher,
	}
	for _, o := range opts {
		o(&d)
	}
	s := web.New(d)
	srv := httptest.NewServer(s.Routes())
	tb.Cleanup(func() {
		srv.Close()
		s.Close()
	})
	return &adminSite{db: db, srv: srv, log: logs}
}

// withClock makes the site read the time from c.
func withClock(c *clock) func(*web.Deps) {
	return func(d *web.Deps) { d.Now = c.Now }
}

// addStaff creates an account the way the command line does, hashed with the test hasher.
func addStaff(tb testing.TB, db *pgxpool.Pool, name, email string, role content.Role, password string) content.User {
	tb.Helper()
	hash, err := testHasher.Hash(password)
	if err != nil {
		tb.Fatalf("hash: %v", err)
	}
	u := content.User{Email: email, Name: name, Role: role}
	if err := store.CreateUser(context.Background(), db, &u, hash, store.Actor{Name: "test"}); err != nil {
		tb.Fatalf("create user %s: %v", email, err)
	}
	return u
}

// The staff of most tests.
const (
	editorName     = "Ирина Редакторова"
	editorEmail    = "editor@perm.example"
	editorPassword = "Kama river at dawn 1723"
	adminName      = "Пётр Администраторов"
	adminEmail     = "admin@perm.example"
	adminPassword  = "Opera and ballet 1870!"
)

func addEditor(tb testing.TB, db *pgxpool.Pool) content.User {
	tb.Helper()
	return addStaff(tb, db, editorName, editorEmail, content.Editor, editorPassword)
}

func addAdmin(tb testing.TB, db *pgxpool.Pool) content.User {
	tb.Helper()
	return addStaff(tb, db, adminName, adminEmail, content.Admin, adminPassword)
}

// browser is one person's browser: its own cookie jar, its language, and redirects shown rather
// than followed, so tests see every 303.
type browser struct {
	tb   testing.TB
	site *adminSite
	c    *http.Client
	jar  *cookiejar.Jar
	lang string // Accept-Language; "" sends none
	// noStoreChecked makes every admin response be checked for Cache-Control: no-store.
	noStoreChecked bool
}

// newBrowser opens a browser on site, asking for pages in lang ("en", "ru" or "").
func (s *adminSite) newBrowser(tb testing.TB, lang string) *browser {
	tb.Helper()
	jar, err := cookiejar.New(nil)
	if err != nil {
		tb.Fatal(err)
	}
	c := &http.Client{
		Jar:           jar,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	return &browser{tb: tb, site: s, c: c, jar: jar, lang: lang, noStoreChecked: true}
}

// in is the same browser (cookies and all) reporting to tb: for use inside a subtest.
func (b *browser) in(tb testing.TB) *browser {
	c := *b
	c.tb = tb
	return &c
}

// page is a response with its HTML parsed.
type page struct {
	status int
	header http.Header
	body   string
	doc    *goquery.Document
	path   string // the address asked for
	res    *http.Response
}

// location is where a redirect leads.
func (p page) location() string { return p.header.Get("Location") }

// flash is the text of the page's flash message, "" when it has none.
func (p page) flash() string { return squash(p.doc.Find("div.flash").Text()) }

// text is the page's visible text, with white space squashed.
func (p page) text() string { return squash(p.doc.Find("body").Text()) }

// squash joins the words of s with single spaces.
func squash(s string) string { return strings.Join(strings.Fields(s), " ") }

// do sends req from the browser and reads the answer.
func (b *browser) do(req *http.Request) page {
	b.tb.Helper()
	if b.lang != "" {
		req.Header.Set("Accept-Language", b.lang)
	}
	res, err := b.c.Do(req)
	if err != nil {
		b.tb.Fatalf("%s %s: %v", req.Method, req.URL.Path, err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		b.tb.Fatalf("%s %s: read: %v", req.Method, req.URL.Path, err)
	}
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(body))
	if err != nil {
		b.tb.Fatalf("%s %s: parse HTML: %v", req.Method, req.URL.Path, err)
	}
	p := page{status: res.StatusCode, header: res.Header, body: string(body), doc: doc, path: req.URL.RequestURI(), res: res}
	if b.noStoreChecked && strings.HasPrefix(req.URL.Path, "/admin") && req.Header.Get("Sec-Fetch-Site") != "cross-site" &&
		req.Header.Get("Origin") == "" {
		if cc := res.Header.Get("Cache-Control"); cc != "no-store" {
			b.tb.Errorf("%s %s (%d): Cache-Control %q, want no-store", req.Method, req.URL.Path, res.StatusCode, cc)
		}
	}
	return p
}

func (b *browser) newRequest(method, path string, body io.Reader) *http.Request {
	b.tb.Helper()
	req, err := http.NewRequestWithContext(context.Background(), method, b.site.srv.URL+path, body)
	if err != nil {
		b.tb.Fatalf("%s %s: %v", method, path, err)
	}
	return req
}

// get asks for path, with optional header pairs.
func (b *browser) get(path string, header ...string) page {
	b.tb.Helper()
	req := b.newRequest(http.MethodGet, path, nil)
	setHeaders(req, header)
	return b.do(req)
}

// post sends form values to path as a page of the site does: same-origin, URL-encoded. Header
// pairs are set after, so they can replace Sec-Fetch-Site.
func (b *browser) post(path string, v url.Values, header ...string) page {
	b.tb.Helper()
	req := b.newRequest(http.MethodPost, path, strings.NewReader(v.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	setHeaders(req, header)
	if req.Header.Get("Sec-Fetch-Site") == "" {
		req.Header.Del("Sec-Fetch-Site") // ("Sec-Fetch-Site", ""): an older browser, which sends none
	}
	return b.do(req)
}

// upload is a file chosen in a file input.
type upload struct {
	name        string
	contentType string
	data        []byte
}

// postMultipart sends a multipart form as a browser does: the fields, then the files.
func (b *browser) postMultipart(path string, v url.Values, files map[string]upload, header ...string) page {
	b.tb.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	keys := make([]string, 0, len(v))
	for k := range v {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		for _, val := range v[k] {
			if err := mw.WriteField(k, val); err != nil {
				b.tb.Fatal(err)
			}
		}
	}
	for field, f := range files {
		h := textproto.MIMEHeader{}
		h.Set("Content-Disposition", `form-data; name="`+field+`"; filename="`+f.name+`"`)
		h.Set("Content-Type", f.contentType)
		w, err := mw.CreatePart(h)
		if err != nil {
			b.tb.Fatal(err)
		}
		if _, err := w.Write(f.data); err != nil {
			b.tb.Fatal(err)
		}
	}
	if err := mw.Close(); err != nil {
		b.tb.Fatal(err)
	}
	req := b.newRequest(http.MethodPost, path, &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	setHeaders(req, header)
	return b.do(req)
}

func setHeaders(req *http.Request, header []string) {
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
}

// follow asks for the address a redirect leads to.
func (b *browser) follow(p page) page {
	b.tb.Helper()
	if p.status < 300 || p.status > 399 || p.location() == "" {
		b.tb.Fatalf("%s: status %d, want a redirect\n%s", p.path, p.status, excerpt(p))
	}
	return b.get(p.location())
}

// mustGet asks for path and fails the test unless the answer is 200.
func (b *browser) mustGet(path string) page {
	b.tb.Helper()
	p := b.get(path)
	if p.status != http.StatusOK {
		b.tb.Fatalf("GET %s: status %d, want 200\n%s", path, p.status, excerpt(p))
	}
	return p
}

// findForm returns the one form of p that sel matches.
func findForm(tb testing.TB, p page, sel string) *goquery.Selection {
	tb.Helper()
	f := p.doc.Find(sel).FilterFunction(func(_ int, s *goquery.Selection) bool { return goquery.NodeName(s) == "form" })
	if f.Length() != 1 {
		tb.Fatalf("%s: %d forms match %q, want 1\n%s", p.path, f.Length(), sel, excerpt(p))
	}
	return f
}

// formAt selects a form by its action.
func formAt(action string) string { return `form[action="` + action + `"]` }

// formFields is what a browser sends for form: every named, enabled input (checked ones only for
// checkboxes and radios, never buttons or files), textarea (line breaks as CR LF) and the selected
// option of each select (the first when none is marked).
func formFields(form *goquery.Selection) url.Values {
	v := url.Values{}
	form.Find("input, textarea, select").Each(func(_ int, s *goquery.Selection) {
		name := s.AttrOr("name", "")
		if name == "" {
			return
		}
		if _, disabled := s.Attr("disabled"); disabled {
			return
		}
		switch goquery.NodeName(s) {
		case "input":
			switch strings.ToLower(s.AttrOr("type", "text")) {
			case "submit", "button", "reset", "image", "file":
				return
			case "checkbox", "radio":
				if _, checked := s.Attr("checked"); !checked {
					return
				}
				v.Add(name, s.AttrOr("value", "on"))
			default:
				v.Add(name, s.AttrOr("value", ""))
			}
		case "textarea":
			v.Add(name, crlf(s.Text()))
		case "select":
			opts := s.Find("option")
			chosen := opts.FilterFunction(func(_ int, o *goquery.Selection) bool {
				_, ok := o.Attr("selected")
				return ok
			})
			if chosen.Length() == 0 {
				chosen = opts.First()
			}
			if _, multiple := s.Attr("multiple"); !multiple {
				chosen = chosen.Last()
			}
			chosen.Each(func(_ int, o *goquery.Selection) { v.Add(name, optionValue(o)) })
		}
	})
	return v
}

func optionValue(o *goquery.Selection) string {
	if v, ok := o.Attr("value"); ok {
		return v
	}
	return squash(o.Text())
}

// crlf writes line breaks as browsers submit them.
func crlf(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\n", "\r\n")
}

// fill applies edits to what form would send, as a person typing would: only into fields the form
// has, and in a select only one of its options.
func fill(tb testing.TB, form *goquery.Selection, edits url.Values) url.Values {
	tb.Helper()
	v := formFields(form)
	for name, vals := range edits {
		field := form.Find(`[name="` + name + `"]`)
		if field.Length() == 0 {
			tb.Fatalf("the form has no field %q", name)
		}
		if goquery.NodeName(field) == "select" {
			for _, val := range vals {
				ok := false
				field.Find("option").Each(func(_ int, o *goquery.Selection) { ok = ok || optionValue(o) == val })
				if !ok {
					tb.Fatalf("the select %q offers no option %q", name, val)
				}
			}
		}
		if goquery.NodeName(field) == "textarea" {
			vals = slices.Clone(vals)
			for i := range vals {
				vals[i] = crlf(vals[i])
			}
		}
		v[name] = vals
	}
	return v
}

// submit fills the form of p that sel matches with edits and submits it as the browser would.
func (b *browser) submit(p page, sel string, edits url.Values) page {
	b.tb.Helper()
	return b.submitFiles(p, sel, edits, nil)
}

// submitFiles is submit for a form with file inputs: files by input name.
func (b *browser) submitFiles(p page, sel string, edits url.Values, files map[string]upload) page {
	b.tb.Helper()
	form := findForm(b.tb, p, sel)
	v := fill(b.tb, form, edits)
	for name := range files {
		if form.Find(`input[type="file"][name="`+name+`"]`).Length() != 1 {
			b.tb.Fatalf("the form has no file input %q", name)
		}
	}
	action := form.AttrOr("action", p.path)
	// The page the form is on, as a browser sends it to its own site (Referrer-Policy
	// strict-origin-when-cross-origin: the whole address).
	referer := b.site.srv.URL + p.path
	if strings.ToLower(form.AttrOr("method", "get")) != "post" {
		return b.get(action+"?"+v.Encode(), "Referer", referer)
	}
	if form.AttrOr("enctype", "") == "multipart/form-data" {
		return b.postMultipart(action, v, files, "Referer", referer)
	}
	return b.post(action, v, "Referer", referer)
}

// signIn signs in through the sign-in form and returns the answer to the form.
func (b *browser) signIn(email, password string) page {
	b.tb.Helper()
	return b.signInAt("/admin/login", email, password)
}

// signInAt signs in through the sign-in form at path (which may carry ?next=).
func (b *browser) signInAt(path, email, password string) page {
	b.tb.Helper()
	login := b.mustGet(path)
	return b.submit(login, formAt("/admin/login"), url.Values{"email": {email}, "password": {password}})
}

// mustSignIn signs in and fails the test unless it worked.
func (b *browser) mustSignIn(email, password string) {
	b.tb.Helper()
	p := b.signIn(email, password)
	if p.status != http.StatusSeeOther || p.location() != "/admin/" {
		b.tb.Fatalf("sign-in as %s: status %d to %q, want 303 to /admin/\n%s", email, p.status, p.location(), excerpt(p))
	}
}

// sessionToken is the session cookie the browser holds, "" when none.
func (b *browser) sessionToken() string {
	u, err := url.Parse(b.site.srv.URL + "/admin/")
	if err != nil {
		b.tb.Fatal(err)
	}
	for _, c := range b.jar.Cookies(u) {
		if c.Name == sessionCookie {
			return c.Value
		}
	}
	return ""
}

// expectStatus fails the test unless p has status want.
func expectStatus(tb testing.TB, p page, want int) {
	tb.Helper()
	if p.status != want {
		tb.Fatalf("%s: status %d, want %d\n%s", shortPath(p.path), p.status, want, excerpt(p))
	}
}

// expectRedirect fails the test unless p is a 303 to location.
func expectRedirect(tb testing.TB, p page, location string) {
	tb.Helper()
	if p.status != http.StatusSeeOther || p.location() != location {
		tb.Fatalf("%s: status %d to %q, want 303 to %q\n%s", p.path, p.status, p.location(), location, excerpt(p))
	}
}

// expectSignInPage fails the test unless p sends the person to sign in.
func expectSignInPage(tb testing.TB, p page) {
	tb.Helper()
	if p.status != http.StatusSeeOther || !strings.HasPrefix(p.location(), "/admin/login") {
		tb.Fatalf("%s: status %d to %q, want 303 to the sign-in page\n%s", p.path, p.status, p.location(), excerpt(p))
	}
}

// shortPath keeps failure messages readable when an address is long.
func shortPath(p string) string {
	if len(p) > 120 {
		return p[:120] + "…"
	}
	return p
}

// excerpt is the start of a page's text, for failure messages.
func excerpt(p page) string {
	t := p.text()
	if t == "" {
		t = p.body
	}
	if len(t) > 1500 {
		t = t[:1500] + "…"
	}
	return t
}

// queryInt reads one number from the database.
func queryInt(tb testing.TB, db *pgxpool.Pool, sql string, args ...any) int64 {
	tb.Helper()
	var n int64
	if err := db.QueryRow(context.Background(), sql, args...).Scan(&n); err != nil {
		tb.Fatalf("%s: %v", sql, err)
	}
	return n
}

// queryString reads one text value from the database.
func queryString(tb testing.TB, db *pgxpool.Pool, sql string, args ...any) string {
	tb.Helper()
	var s string
	if err := db.QueryRow(context.Background(), sql, args...).Scan(&s); err != nil {
		tb.Fatalf("%s: %v", sql, err)
	}
	return s
}

// exec runs a statement on the database.
func exec(tb testing.TB, db *pgxpool.Pool, sql string, args ...any) {
	tb.Helper()
	if _, err := db.Exec(context.Background(), sql, args...); err != nil {
		tb.Fatalf("%s: %v", sql, err)
	}
}

// cityBySlug reads a city of the given kind as stored, draft or not.
func cityBySlug(tb testing.TB, db *pgxpool.Pool, kind content.CityKind, slug string) content.City {
	tb.Helper()
	c, err := store.CityBySlug(context.Background(), db, kind, slug, false)
	if err != nil {
		tb.Fatalf("city %s/%s: %v", kind, slug, err)
	}
	return c
}

// cityByID reads a city as stored.
func cityByID(tb testing.TB, db *pgxpool.Pool, id int64) content.City {
	tb.Helper()
	c, err := store.Cities.Get(context.Background(), db, id)
	if err != nil {
		tb.Fatalf("city %d: %v", id, err)
	}
	return c
}

// twinPath is the admin page of a twin city.
func twinPath(id int64) string { return "/admin/twin-cities/" + itoa(id) }

func itoa(i int64) string { return strconv.FormatInt(i, 10) }
