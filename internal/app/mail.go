package app

import (
	"context"

	"twincities/internal/config"
	"twincities/internal/content"
	"twincities/internal/mail"
)

// mailer is how the site sends each new message to the department: by the mail server of c, or,
// without one, not at all (nil), and the admin inbox alone holds the messages.
func mailer(c config.SMTP) func(context.Context, content.Message) error {
	if !c.Enabled() {
		return nil
	}
	s := mail.Sender{Addr: c.Addr(), Host: c.Host, User: c.User, Password: c.Password, From: c.From, To: c.To}
	return s.Send
}
