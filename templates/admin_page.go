package templates

import (
	"time"

	"twincities/internal/content"
	"twincities/internal/i18n"
)

// AdminPage is what the admin layout needs to know about the page it frames.
type AdminPage struct {
	Lang  content.Lang
	Msg   *i18n.Messages      // the public site's messages, for the names the admin shares with it
	Admin *i18n.AdminMessages // the admin's own messages
	Title string
	User  *content.User // nil on the sign-in page
	Flash string        // a message about what just happened
	// FlashProblem is a message that something asked for was not done, shown as a warning.
	FlashProblem string
	Section      string // the admin section, to mark in the navigation
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

// permTime prints a moment in Perm time with the zone named, as the staff in Perm read the clock:
// the history is kept in UTC.
func permTime(p AdminPage, t time.Time) string { return i18n.FormatPermTime(t, p.Lang) }

// permTimeShort is a moment in Perm time for a table cell: the column's heading names the zone
// once (permColumn).
func permTimeShort(p AdminPage, t time.Time) string { return i18n.FormatPermTimeShort(t, p.Lang) }

// permColumn is a table's heading over times, with their zone: "Когда (пермское время, UTC+5)".
func permColumn(p AdminPage, heading string) string {
	return heading + " (" + i18n.PermZoneName(p.Lang) + ")"
}

// who names the author of a change; the initial data has none.
func who(p AdminPage, name string) string {
	if name == "" || name == "initial data" {
		return p.Admin.InitialData
	}
	if name == "scheduler" { // store.SchedulerActor
		return p.Admin.SchedulerName
	}
	if name == "command line" { // app's actor for accounts made on the server
		return p.Admin.CommandLineName
	}
	return name
}
