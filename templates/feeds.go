package templates

import "strconv"

// EventAnchor is the id of a timeline event's item on the page that shows it, so the feeds and
// the calendar can link to the event itself: "event-12".
func EventAnchor(id int64) string { return "event-" + strconv.FormatInt(id, 10) }

// AwardAnchor is the id of an award's item on the page that lists it: "award-3".
func AwardAnchor(id int64) string { return "award-" + strconv.FormatInt(id, 10) }

// FeedTitle is the title of the Atom feed in the page's language, for the link that announces it.
func (p Page) FeedTitle() string { return p.Msg.FeedTitle + " — " + p.Msg.SiteTitle }
