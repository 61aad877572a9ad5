package templates

import "twincities/internal/i18n"

// upcomingText is what the "coming up" strip says of an item: "Duisburg: 20 years together", or
// the event's title.
func upcomingText(p Page, u Upcoming) string {
	if u.Years > 0 {
		return i18n.AnniversaryOf(u.City.Name.In(p.Lang), u.Years, p.Lang)
	}
	return u.Event.Title.In(p.Lang)
}
