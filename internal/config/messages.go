package config

import (
	"fmt"
	"net"
	"net/mail"
	"strconv"
	"strings"
	"time"
)

// DefaultMessageRetention is how long messages written to the department are kept when
// MESSAGE_RETENTION_DAYS is unset: a year, enough to answer and to look back at a correspondence.
const DefaultMessageRetention = 365 * 24 * time.Hour

// SMTP is the mail server that forwards each new message to the department. The zero SMTP
// (no Host) sends nothing: the admin inbox alone holds the messages.
type SMTP struct {
	Host     string // the server's name, also the name its certificate must have (STARTTLS)
	Port     int    // 587 unless given
	User     string // with Password, PLAIN authentication after STARTTLS; empty: none
	Password string
	From     string // the sender's address
	To       string // the department's address
}

// Enabled reports whether messages are to be sent by e-mail.
func (s SMTP) Enabled() bool { return s.Host != "" }

// Addr is the server's host:port.
func (s SMTP) Addr() string { return net.JoinHostPort(s.Host, strconv.Itoa(s.Port)) }

// readMessages reads the settings of the messages written to the department into c: their
// retention (MESSAGE_RETENTION_DAYS) and the optional mail server (SMTP_*). It returns every
// problem, never repeating the password.
func (c *Config) readMessages(getenv func(string) string) []error {
	var errs []error
	c.MessageRetention = DefaultMessageRetention
	if v := strings.TrimSpace(getenv("MESSAGE_RETENTION_DAYS")); v != "" {
		days, err := strconv.Atoi(v)
		if err != nil || days < 1 || days > 3650 {
			errs = append(errs, fmt.Errorf("MESSAGE_RETENTION_DAYS %q is not a number of days from 1 to 3650", v))
		} else {
			c.MessageRetention = time.Duration(days) * 24 * time.Hour
		}
	}
	s := SMTP{
		Host:     strings.TrimSpace(getenv("SMTP_HOST")),
		User:     strings.TrimSpace(getenv("SMTP_USER")),
		Password: getenv("SMTP_PASSWORD"), // exactly as given
		From:     strings.TrimSpace(getenv("SMTP_FROM")),
		To:       strings.TrimSpace(getenv("SMTP_TO")),
	}
	port := strings.TrimSpace(getenv("SMTP_PORT"))
	if s.Host == "" {
		if port != "" || s.User != "" || s.Password != "" || s.From != "" || s.To != "" {
			errs = append(errs, fmt.Errorf("SMTP_HOST is not set, but other SMTP_ settings are (set SMTP_HOST, or none of them)"))
		}
		return errs
	}
	s.Port = 587
	if port != "" {
		p, err := strconv.Atoi(port)
		if err != nil || p < 1 || p > 65535 {
			errs = append(errs, fmt.Errorf("SMTP_PORT %q is not a port number (expected, for example, 587)", port))
		}
		s.Port = p
	}
	if strings.ContainsAny(s.Host, " /:@") {
		errs = append(errs, fmt.Errorf("SMTP_HOST %q is not a host name (expected, for example, smtp.example.org)", s.Host))
	}
	for name, addr := range map[string]string{"SMTP_FROM": s.From, "SMTP_TO": s.To} {
		if a, err := mail.ParseAddress(addr); err != nil || a.Address != addr {
			errs = append(errs, fmt.Errorf("%s %q is not an e-mail address (expected, for example, inbox@example.org)", name, addr))
		}
	}
	if (s.User == "") != (s.Password == "") {
		errs = append(errs, fmt.Errorf("SMTP_USER and SMTP_PASSWORD go together: set both, or neither"))
	}
	c.SMTP = s
	return errs
}
