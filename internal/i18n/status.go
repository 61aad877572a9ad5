package i18n

import "twincities/internal/content"

// StatusLine says in words where a relationship stands, with the date where known: "Relationship
// ended in June 2022", "Отношения прекращены в июне 2022 года". Status is never told by colour alone.
func StatusLine(s content.Status, d content.Date, l content.Lang) string {
	m := For(l)
	var line string
	switch s {
	case content.Ended:
		line = m.StatusEnded
	case content.Suspended:
		line = m.StatusSuspended
	default:
		return m.StatusActive
	}
	if w := FormatWhen(d, l); w != "" {
		line += " " + w
	}
	return line
}
