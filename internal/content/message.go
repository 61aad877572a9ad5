package content

import (
	"strings"
	"time"
	"unicode/utf8"
)

// Limits of a message written to the department, in characters: enough for any honest letter,
// small enough that the inbox cannot be filled with megabytes. The messages table checks the same.
const (
	MaxMessageName    = 200
	MaxMessageSubject = 200
	MaxMessageBody    = 5000
)

// Message is a message a visitor wrote to the department through the public form. It is personal
// data (152-FZ): shown only to staff, never logged, deleted after the retention period.
type Message struct {
	ID         int64
	Name       string
	Email      string
	Subject    string
	Body       string
	Lang       Lang // the language of the page it was sent from, to answer in
	CreatedAt  time.Time
	ReadAt     *time.Time
	AnsweredAt *time.Time
	AnsweredBy string // the name of the member of staff who marked it answered
}

// Unread reports whether no member of staff has opened m yet.
func (m Message) Unread() bool { return m.ReadAt == nil }

// Answered reports whether a member of staff has marked m answered.
func (m Message) Answered() bool { return m.AnsweredAt != nil }

// Validate checks a new message: every field filled, within its limit, and typable (line breaks
// only in the text); the e-mail address of the shape of one, to answer to. Consent is the web
// form's business: a message without it never reaches here.
func (m *Message) Validate() error {
	var v checker
	v.chars("name", m.Name, false, true)
	v.chars("email", m.Email, false, true)
	v.chars("subject", m.Subject, false, false)
	v.chars("body", m.Body, true, false)
	for _, f := range []struct {
		field, value string
		max          int
	}{{"name", m.Name, MaxMessageName}, {"subject", m.Subject, MaxMessageSubject}, {"body", m.Body, MaxMessageBody}} {
		if strings.TrimSpace(f.value) == "" {
			v.add(f.field, ProblemRequired)
		}
		v.maxLen(f.field, f.value, f.max)
	}
	switch at := strings.IndexByte(m.Email, '@'); {
	case m.Email == "":
		v.add("email", ProblemRequired)
	case len(m.Email) > MaxEmail:
		v.add("email", ProblemTooLong)
	case at <= 0 || at == len(m.Email)-1 || strings.ContainsAny(m.Email, " \t\r\n") || strings.Count(m.Email, "@") != 1 ||
		!utf8.ValidString(m.Email):
		v.add("email", ProblemEmail)
	}
	if _, ok := ParseLang(string(m.Lang)); !ok {
		v.add("lang", ProblemChoice)
	}
	return v.err()
}
