package web_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/jackc/pgx/v5/pgxpool"

	"twincities/internal/auth"
	"twincities/internal/postgres/pgtest"
	"twincities/internal/web"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

// testBaseURL is the public address the test site believes it has.
const testBaseURL = "https://test.example"

// site is the real router over db, as the server runs it.
func site(tb testing.TB, db *pgxpool.Pool) http.Handler {
	tb.Helper()
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	srv := web.New(web.Deps{DB: db, Log: log, BaseURL: testBaseURL, Hasher: auth.Hasher{Params: auth.TestParams}})
	tb.Cleanup(srv.Close)
	return srv.Routes()
}

// response is what a request returned, with its HTML parsed.
type response struct {
	*http.Response
	body string
	doc  *goquery.Document
}

// get requests path from h with optional header pairs ("Accept-Language", "en").
func get(tb testing.TB, h http.Handler, path string, header ...string) response {
	tb.Helper()
	req := httptest.NewRequestWithContext(context.Background(), http.MethodGet, path, nil)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	res := rec.Result()
	body := rec.Body.String()
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(body))
	if err != nil {
		tb.Fatalf("GET %s: parse HTML: %v", path, err)
	}
	return response{Response: res, body: body, doc: doc}
}

// mustGet is get that fails the test unless the status is 200.
func mustGet(tb testing.TB, h http.Handler, path string) response {
	tb.Helper()
	r := get(tb, h, path)
	if r.StatusCode != http.StatusOK {
		tb.Fatalf("GET %s: status %d, want 200", path, r.StatusCode)
	}
	return r
}

// texts is the trimmed text of every element matching sel.
func texts(doc *goquery.Document, sel string) []string {
	var out []string
	doc.Find(sel).Each(func(_ int, s *goquery.Selection) {
		out = append(out, strings.Join(strings.Fields(s.Text()), " "))
	})
	return out
}

// attrs is attribute name of every element matching sel.
func attrs(doc *goquery.Document, sel, name string) []string {
	var out []string
	doc.Find(sel).Each(func(_ int, s *goquery.Selection) {
		if v, ok := s.Attr(name); ok {
			out = append(out, v)
		}
	})
	return out
}

func newRecorder() *httptest.ResponseRecorder { return httptest.NewRecorder() }
