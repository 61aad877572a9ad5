// Package mail forwards the messages visitors write to the department by e-mail, through the
// department's mail server (SMTP with STARTTLS, the standard library's net/smtp). It is optional:
// the admin inbox holds every message whether or not it was sent.
package mail

import (
	"bytes"
	"context"
	"crypto/tls"
	"encoding/base64"
	"errors"
	"fmt"
	"mime"
	"net"
	"net/mail"
	"net/smtp"
	"strings"
	"time"

	"twincities/internal/content"
)

// Sender sends each message to one address.
type Sender struct {
	Addr     string // the server's host:port
	Host     string // the name its certificate must have
	User     string // empty: no authentication
	Password string
	From, To string
	// TLS is the configuration of STARTTLS; nil checks the server's certificate against the
	// system's roots for Host. Tests give their own roots.
	TLS *tls.Config
}

// Send sends m. The connection is encrypted with STARTTLS before anything else is said, or
// nothing is sent: the message is personal data, and net/smtp itself would refuse to send the
// password in the clear anyway.
func (s Sender) Send(ctx context.Context, m content.Message) error {
	d := net.Dialer{Timeout: 30 * time.Second}
	conn, err := d.DialContext(ctx, "tcp", s.Addr)
	if err != nil {
		return fmt.Errorf("mail: connect: %w", err)
	}
	if deadline, ok := ctx.Deadline(); ok {
		conn.SetDeadline(deadline)
	}
	c, err := smtp.NewClient(conn, s.Host)
	if err != nil {
		conn.Close()
		return fmt.Errorf("mail: greeting: %w", err)
	}
	defer c.Close()
	if ok, _ := c.Extension("STARTTLS"); !ok {
		return errors.New("mail: the server does not offer STARTTLS; nothing sent")
	}
	cfg := s.TLS
	if cfg == nil {
		cfg = &tls.Config{ServerName: s.Host, MinVersion: tls.VersionTLS12}
	}
	if err := c.StartTLS(cfg); err != nil {
		return fmt.Errorf("mail: STARTTLS: %w", err)
	}
	if s.User != "" {
		if err := c.Auth(smtp.PlainAuth("", s.User, s.Password, s.Host)); err != nil {
			return fmt.Errorf("mail: authentication: %w", err)
		}
	}
	if err := c.Mail(s.From); err != nil {
		return fmt.Errorf("mail: MAIL FROM: %w", err)
	}
	if err := c.Rcpt(s.To); err != nil {
		return fmt.Errorf("mail: RCPT TO: %w", err)
	}
	w, err := c.Data()
	if err != nil {
		return fmt.Errorf("mail: DATA: %w", err)
	}
	if _, err := w.Write(Compose(s.From, s.To, m)); err != nil {
		return fmt.Errorf("mail: write: %w", err)
	}
	if err := w.Close(); err != nil {
		return fmt.Errorf("mail: end of data: %w", err)
	}
	return c.Quit()
}

// Compose is the e-mail for m: from the site to the department, answered to the visitor, the
// text in base64 so that any character travels. Every header value is encoded; the message's
// fields hold no line breaks (content.Message.Validate), so none can add a header.
func Compose(from, to string, m content.Message) []byte {
	var b bytes.Buffer
	header := func(k, v string) { fmt.Fprintf(&b, "%s: %s\r\n", k, v) }
	header("From", from)
	header("To", to)
	header("Reply-To", (&mail.Address{Name: m.Name, Address: m.Email}).String())
	header("Subject", mime.QEncoding.Encode("utf-8", m.Subject))
	header("Date", m.CreatedAt.Format(time.RFC1123Z))
	header("MIME-Version", "1.0")
	header("Content-Type", "text/plain; charset=utf-8")
	header("Content-Transfer-Encoding", "base64")
	b.WriteString("\r\n")
	text := fmt.Sprintf("%s <%s>\n%s\n\n%s\n", m.Name, m.Email, m.CreatedAt.UTC().Format("2006-01-02 15:04 UTC")+", "+string(m.Lang), m.Body)
	text = strings.ReplaceAll(text, "\n", "\r\n")
	enc := base64.StdEncoding.EncodeToString([]byte(text))
	for len(enc) > 76 {
		b.WriteString(enc[:76] + "\r\n")
		enc = enc[76:]
	}
	b.WriteString(enc + "\r\n")
	return b.Bytes()
}
