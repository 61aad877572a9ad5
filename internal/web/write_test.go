package web_test

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"twincities/internal/content"
	"twincities/internal/postgres/pgtest"
	"twincities/internal/store"
	"twincities/internal/web"
)

// The form "write to the department" and the admin inbox, through the real router over real
// PostgreSQL.

const writePath = "/ru/contacts/write"

// aMessage is what a visitor types into the form, consent included.
func aMessage() url.Values {
	return url.Values{"name": {"Анна Петрова"}, "email": {"anna@example.org"}, "subject": {"Фестиваль в Дуйсбурге"},
		"body": {"Здравствуйте!\n\nХотим участвовать в фестивале."}, "consent": {"yes"}}
}

// writeForm opens the form in lang, from the contacts page's link to it.
func writeForm(tb testing.TB, b *browser, lang string) page {
	tb.Helper()
	contacts := b.mustGet("/" + lang + "/contacts")
	href := contacts.doc.Find(`main a[href="/` + lang + `/contacts/write"]`)
	if href.Length() != 1 {
		tb.Fatalf("the contacts page has %d links to the form, want 1", href.Length())
	}
	return b.mustGet("/" + lang + "/contacts/write")
}

func countMessages(tb testing.TB, db *pgxpool.Pool) int64 {
	tb.Helper()
	return queryInt(tb, db, `SELECT count(*) FROM messages`)
}

// expectKept fails unless the form of p holds what the visitor typed.
func expectKept(tb testing.TB, p page, typed url.Values) {
	tb.Helper()
	form := findForm(tb, p, formAt(p.doc.Find("form.write-form").AttrOr("action", "")))
	got := formFields(form)
	for _, name := range []string{"name", "email", "subject", "body"} {
		if want := crlf(strings.TrimSpace(typed.Get(name))); got.Get(name) != want {
			tb.Errorf("%s: field %q holds %q, want what was typed, %q", p.path, name, got.Get(name), want)
		}
	}
}

// A message sent through the form lands on the thank-you page (Post/Redirect/Get) and in the admin
// inbox: the dashboard and the menu count it unread, the list shows it in bold, opening it reads
// it, staff mark it answered and delete it.
func TestWriteMessageReachesTheInbox(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	addEditor(t, db)
	site := startSite(t, db)
	visitor := site.newBrowser(t, "")

	form := writeForm(t, visitor, "ru")
	if href := form.doc.Find(`form.write-form a[href="/ru/privacy"]`); href.Length() != 1 {
		t.Error("the form does not link to the policy on personal data")
	}
	hp := form.doc.Find(`input[name="website"]`)
	if hp.AttrOr("tabindex", "") != "-1" || hp.AttrOr("autocomplete", "") != "off" || hp.Closest(`[aria-hidden="true"]`).Length() != 1 {
		t.Error("the honeypot is not out of the tab order, autocomplete and the accessibility tree")
	}
	sent := visitor.submit(form, formAt(writePath), aMessage())
	expectRedirect(t, sent, "/ru/contacts/write/sent")
	thanks := visitor.follow(sent)
	expectStatus(t, thanks, http.StatusOK)
	if h1 := squash(thanks.doc.Find("h1").Text()); h1 != "Сообщение отправлено" {
		t.Errorf("thank-you page h1 %q", h1)
	}
	if got := queryString(t, db, `SELECT body FROM messages`); got != "Здравствуйте!\n\nХотим участвовать в фестивале." {
		t.Errorf("stored body %q", got)
	}

	staff := site.newBrowser(t, "")
	staff.mustSignIn(editorEmail, editorPassword)
	dash := staff.mustGet("/admin/")
	if got := squash(dash.doc.Find(".inbox-count").Text()); got != "Новых сообщений: 1" {
		t.Errorf("dashboard says %q, want one new message", got)
	}
	if got := squash(dash.doc.Find(`nav a[href="/admin/messages"]`).Text()); got != "Письма 1 новое" {
		t.Errorf("menu says %q", got)
	}
	list := staff.mustGet("/admin/messages")
	link := list.doc.Find("table.inbox tbody tr strong a")
	if link.Length() != 1 || squash(link.Text()) != "Фестиваль в Дуйсбурге" {
		t.Fatalf("the inbox shows %d unread (bold) messages, want the one sent\n%s", link.Length(), excerpt(list))
	}
	msg := staff.mustGet(link.AttrOr("href", ""))
	if body := msg.doc.Find(".message-body").Text(); !strings.Contains(body, "Хотим участвовать") {
		t.Errorf("the message page shows %q", body)
	}
	if got := squash(staff.mustGet("/admin/").doc.Find(".inbox-count").Text()); got != "Новых сообщений: 0" {
		t.Errorf("after opening, the dashboard says %q", got)
	}
	if staff.mustGet("/admin/messages").doc.Find("table.inbox tbody tr strong").Length() != 0 {
		t.Error("an opened message is still bold")
	}

	answered := staff.submit(msg, formAt(link.AttrOr("href", "")+"/answered"), nil)
	expectRedirect(t, answered, link.AttrOr("href", ""))
	msg = staff.follow(answered)
	if !strings.Contains(msg.text(), "отвечено") || !strings.Contains(msg.text(), editorName) {
		t.Errorf("after marking answered the page says %q", msg.text())
	}
	if msg.doc.Find(`form[action$="/answered"]`).Length() != 0 {
		t.Error("an answered message still offers to mark it answered")
	}
	if n := queryInt(t, db, `SELECT count(*) FROM messages WHERE answered_at IS NOT NULL AND answered_by = $1`, editorName); n != 1 {
		t.Errorf("%d messages marked answered by the editor, want 1", n)
	}

	gone := staff.submit(msg, formAt(link.AttrOr("href", "")+"/delete"), nil)
	expectRedirect(t, gone, "/admin/messages")
	if countMessages(t, db) != 0 {
		t.Error("the deleted message is still stored")
	}
	if strings.Contains(site.log.String(), "Хотим участвовать") || strings.Contains(site.log.String(), "anna@example.org") {
		t.Error("the log holds what the visitor wrote")
	}
}

// Without consent nothing is stored: 422, the message at the box, everything typed kept.
func TestWriteRequiresConsent(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	site := startSite(t, db)
	b := site.newBrowser(t, "en")
	typed := aMessage()
	typed.Del("consent")
	p := b.post("/en/contacts/write", typed)
	expectStatus(t, p, http.StatusUnprocessableEntity)
	if got := squash(p.doc.Find("#write-consent-error").Text()); !strings.Contains(got, "consent") {
		t.Errorf("the consent box says %q, want the reason in English", got)
	}
	if p.doc.Find(".error-summary a[href='#write-consent']").Length() != 1 {
		t.Error("the summary does not lead to the consent box")
	}
	expectKept(t, p, typed)
	if countMessages(t, db) != 0 {
		t.Error("a message without consent was stored")
	}
}

// A filled honeypot looks sent to the robot, and nothing is stored.
func TestWriteHoneypot(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	site := startSite(t, db)
	b := site.newBrowser(t, "")
	typed := aMessage()
	typed.Set("website", "http://spam.example")
	expectRedirect(t, b.post(writePath, typed), "/ru/contacts/write/sent")
	if countMessages(t, db) != 0 {
		t.Error("a message with the honeypot filled was stored")
	}
}

// A burst from one address: the first MessagesPerAddress are stored, the next is refused with 429
// in the visitor's language, and what they typed is in the form again.
func TestWriteThrottlesABurst(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	site := startSite(t, db)
	b := site.newBrowser(t, "en")
	for i := range store.MessagesPerAddress {
		if p := b.post("/en/contacts/write", aMessage()); p.status != http.StatusSeeOther {
			t.Fatalf("message %d: status %d, want 303\n%s", i+1, p.status, excerpt(p))
		}
	}
	typed := aMessage()
	typed.Set("subject", "One more")
	p := b.post("/en/contacts/write", typed)
	expectStatus(t, p, http.StatusTooManyRequests)
	if got := squash(p.doc.Find(`.notice[role="alert"]`).Text()); !strings.Contains(got, "try again later") {
		t.Errorf("the refusal says %q, want it in English", got)
	}
	expectKept(t, p, typed)
	if n := countMessages(t, db); n != store.MessagesPerAddress {
		t.Errorf("%d messages stored, want %d", n, store.MessagesPerAddress)
	}
}

// Every bound: a field over its limit, a NUL, broken UTF-8, a bad address, an empty field: 422 with
// the reason at the field, in the visitor's language, and nothing stored. A body over the form's
// size is refused unread (413).
func TestWriteBounds(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	site := startSite(t, db)
	b := site.newBrowser(t, "")
	cases := []struct {
		name, field, value, want string
	}{
		{"subject too long", "subject", strings.Repeat("я", content.MaxMessageSubject+1), "не больше 200 знаков"},
		{"name too long", "name", strings.Repeat("я", content.MaxMessageName+1), "не больше 200 знаков"},
		{"body too long", "body", strings.Repeat("я", content.MaxMessageBody+1), "не больше 5000 знаков"},
		{"NUL in the name", "name", "Анна\x00", "нельзя набрать"},
		{"broken UTF-8 in the body", "body", "Здравствуйте \xff\xfe", "нельзя набрать"},
		{"control character in the subject", "subject", "Тема\x1b[31m", "нельзя набрать"},
		{"not an address", "email", "anna.example.org", "адрес электронной почты"},
		{"empty", "subject", "   ", "Заполните"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			typed := aMessage()
			typed.Set(tc.field, tc.value)
			p := b.in(t).post(writePath, typed)
			expectStatus(t, p, http.StatusUnprocessableEntity)
			if got := squash(p.doc.Find("#write-" + tc.field + "-error").Text()); !strings.Contains(got, tc.want) {
				t.Errorf("the field says %q, want %q", got, tc.want)
			}
			if p.doc.Find("#write-"+tc.field).AttrOr("aria-invalid", "") != "true" && tc.field != "body" {
				t.Error("the field is not marked invalid")
			}
		})
	}
	if n := countMessages(t, db); n != 0 {
		t.Errorf("%d refused messages stored", n)
	}
	typed := aMessage()
	typed.Set("body", strings.Repeat("я", 10*content.MaxMessageBody))
	expectStatus(t, b.post(writePath, typed), http.StatusRequestEntityTooLarge)
	// The refusals count for nothing: the visitor can still send.
	expectRedirect(t, b.post(writePath, aMessage()), "/ru/contacts/write/sent")
}

// The policy on personal data is an editable page in both languages; its note for the legal
// department is for staff only.
func TestPrivacyPage(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	site := startSite(t, db)
	b := site.newBrowser(t, "")
	for _, lang := range []string{"ru", "en"} {
		p := b.mustGet("/" + lang + "/privacy")
		if p.doc.Find("h1").Length() != 1 || !strings.Contains(p.text(), "152-") {
			t.Errorf("/%s/privacy: %q", lang, p.text())
		}
		if strings.Contains(p.body, "Примечание редактора") || strings.Contains(p.body, "юридический отдел") {
			t.Errorf("/%s/privacy shows the editor's note to the public", lang)
		}
	}
}

// With a mail server, each new message is also sent; a failure to send is logged without a word
// of the message, and the message stays in the inbox.
func TestWriteSendsMailAndSurvivesItsFailure(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	sent := make(chan content.Message, 1)
	site := startSite(t, db, func(d *web.Deps) {
		d.SendMail = func(_ context.Context, m content.Message) error {
			sent <- m
			return errors.New("connection refused")
		}
	})
	b := site.newBrowser(t, "")
	expectRedirect(t, b.post(writePath, aMessage()), "/ru/contacts/write/sent")
	select {
	case m := <-sent:
		if m.ID == 0 || m.Subject != "Фестиваль в Дуйсбурге" || m.Email != "anna@example.org" {
			t.Errorf("sent %+v", m)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("nothing was sent")
	}
	if countMessages(t, db) != 1 {
		t.Error("the message is not in the inbox after the mail failed")
	}
	deadline := time.Now().Add(5 * time.Second)
	for !strings.Contains(site.log.String(), "could not send") && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	logs := site.log.String()
	if !strings.Contains(logs, "could not send") {
		t.Error("the failure to send is not logged")
	}
	for _, private := range []string{"Анна", "anna@example.org", "Дуйсбург", "Хотим"} {
		if strings.Contains(logs, private) {
			t.Errorf("the log holds %q from the message:\n%s", private, logs)
		}
	}
}
