package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"twincities/internal/content"
	"twincities/internal/i18n"
	"twincities/internal/store"
	"twincities/templates"
)

// writeForm handles "GET /{lang}/contacts/write": the form "write to the department", empty.
func (s *Server) writeForm(w http.ResponseWriter, r *http.Request) error {
	s.renderWrite(w, r, http.StatusOK, templates.WriteForm{})
	return nil
}

// sendMessage handles "POST /{lang}/contacts/write". A message is checked field by field (422
// with the form again, everything typed kept), then counted under the throttle of its address
// (429, the form kept) and stored; a filled honeypot is counted and answered as a message would
// be, but nothing of it is stored. Then, when the site sends e-mail, it goes to the department;
// a failure to send is logged and loses nothing: the inbox has the message. Nothing a visitor
// wrote is ever logged.
func (s *Server) sendMessage(w http.ResponseWriter, r *http.Request) error {
	ctx, l := r.Context(), langOf(r)
	f := templates.WriteForm{
		Name:    strings.TrimSpace(r.PostForm.Get("name")),
		Email:   strings.TrimSpace(r.PostForm.Get("email")),
		Subject: strings.TrimSpace(r.PostForm.Get("subject")),
		Body:    strings.TrimSpace(strings.ReplaceAll(r.PostForm.Get("body"), "\r\n", "\n")),
		Consent: r.PostForm.Get("consent") != "",
	}
	m := &content.Message{Name: f.Name, Email: f.Email, Subject: f.Subject, Body: f.Body, Lang: l}
	f.Errors = writeProblems(i18n.For(l), m.Validate(), f.Consent)
	if len(f.Errors) > 0 {
		s.renderWrite(w, r, http.StatusUnprocessableEntity, f)
		return nil
	}
	robot := r.PostForm.Get("website") != ""
	stored := m
	if robot {
		stored = nil
	}
	switch err := store.AcceptMessage(ctx, s.db, stored, s.clientAddr(r)); {
	case errors.Is(err, store.ErrMessageThrottled):
		s.log.Info("message refused", "reason", "throttled")
		msg := i18n.For(l)
		f.NoticeTitle, f.Notice = msg.WriteThrottledTitle, msg.WriteThrottled
		s.renderWrite(w, r, http.StatusTooManyRequests, f)
		return nil
	case errors.Is(err, store.ErrInboxFull):
		s.log.Warn("message refused", "reason", "too many unread messages", "limit", store.MaxUnreadMessages)
		msg := i18n.For(l)
		f.NoticeTitle, f.Notice = msg.WriteFullTitle, msg.WriteFull
		w.Header().Set("Retry-After", "3600")
		s.renderWrite(w, r, http.StatusServiceUnavailable, f)
		return nil
	case err != nil:
		return err
	}
	if robot {
		s.log.Info("message dropped", "reason", "honeypot filled")
	} else {
		s.log.Info("message received", "id", m.ID)
		s.forward(*m)
	}
	http.Redirect(w, r, "/"+string(l)+"/contacts/write/sent", http.StatusSeeOther)
	return nil
}

// forward sends m to the department by e-mail, when the site does, in the background: the
// visitor does not wait for a mail server, and a failure is only logged (the id, never the
// content), since the inbox holds the message anyway. Close waits for the sending to end.
func (s *Server) forward(m content.Message) {
	if s.sendMail == nil {
		return
	}
	s.mailing.Add(1)
	go func() {
		defer s.mailing.Done()
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		if err := s.sendMail(ctx, m); err != nil {
			s.log.Warn("could not send a message by e-mail; it is in the admin inbox", "id", m.ID, "err", err)
		}
	}()
}

// writeProblems turns the problems of a message into words at its fields; consent is checked
// here, as it is the form's, not the message's.
func writeProblems(msg *i18n.Messages, err error, consent bool) map[string]string {
	out := map[string]string{}
	if v := content.AsValidation(err); v != nil {
		limits := map[string]int{"name": content.MaxMessageName, "email": content.MaxEmail,
			"subject": content.MaxMessageSubject, "body": content.MaxMessageBody}
		for _, fe := range v.Fields {
			switch fe.Problem {
			case content.ProblemRequired:
				out[fe.Field] = msg.WriteRequired
			case content.ProblemTooLong:
				out[fe.Field] = fmt.Sprintf(msg.WriteTooLong, limits[fe.Field])
			case content.ProblemEmail:
				out[fe.Field] = msg.WriteBadEmail
			case content.ProblemCharacters:
				out[fe.Field] = msg.WriteCharacters
			}
		}
	}
	if !consent {
		out["consent"] = msg.WriteNoConsent
	}
	return out
}

// renderWrite shows the form with status. Characters that cannot be shown (broken UTF-8, NUL)
// come back as U+FFFD, which the visitor sees and can remove; the page stays valid UTF-8.
func (s *Server) renderWrite(w http.ResponseWriter, r *http.Request, status int, f templates.WriteForm) {
	m := i18n.For(langOf(r))
	for _, v := range []*string{&f.Name, &f.Email, &f.Subject, &f.Body} {
		*v = strings.ReplaceAll(strings.ToValidUTF8(*v, "\uFFFD"), "\x00", "\uFFFD")
	}
	f.MaxBody = content.MaxMessageBody
	p := s.page(r, m.WriteTitle, "/contacts", crumb(r, m.Contacts, "/contacts"), crumb(r, m.WriteTitle, "/contacts/write"))
	w.Header().Set("Cache-Control", "no-store")
	s.render(w, r, status, templates.Write(p, f))
}

// writeSent handles "GET /{lang}/contacts/write/sent": the thank-you page after a message.
func (s *Server) writeSent(w http.ResponseWriter, r *http.Request) error {
	m := i18n.For(langOf(r))
	p := s.page(r, m.WriteThanksTitle, "/contacts", crumb(r, m.Contacts, "/contacts"), crumb(r, m.WriteThanksTitle, "/contacts/write/sent"))
	p.NoIndex = true
	s.render(w, r, http.StatusOK, templates.WriteThanks(p))
	return nil
}
