package templates

import (
	"time"

	"twincities/internal/content"
	"twincities/internal/i18n"
)

// AdminPage is what the admin layout needs to know about the page it frames.
type AdminPage struct {
	Lang    content.Lang
	Msg     *i18n.Messages      // the public site's messages, for the names the admin shares with it
	Admin   *i18n.AdminMessages // the admin's own messages
	Title   string
	User    *content.User // nil on the sign-in page
	Flash   string        // a message about what just happened
	Section string        // the admin section, to mark in the navigation
	// Sections are the admin's menu, each kind of entry among them; the person's role decides
	// which they see.
	Sections []Section
	Crumbs   []Crumb
	Path     string // this page, to come back to after changing the language
}

// Section is an item of the admin's menu: its label, its address, and how many of its items
// wait to be read, shown beside the label.
type Section struct {
	Label  string
	Path   string
	Unread int
}

// HeadTitle is the text of <title> on an admin page.
func (p AdminPage) HeadTitle() string {
	if p.Title == "" {
		return p.Admin.Admin
	}
	return p.Title + " — " + p.Admin.Admin
}

// utc prints a moment in UTC, as the history is kept: "2026-11-26 21:54 UTC".
func utc(t time.Time) string { return t.UTC().Format("2006-01-02 15:04 UTC") }

// who names the author of a change; the initial data has none.
func who(p AdminPage, name string) string {
	if name == "" || name == "initial data" {
		return p.Admin.InitialData
	}
	if name == "scheduler" { // store.SchedulerActor
		return p.Admin.SchedulerName
	}
	return name
}
