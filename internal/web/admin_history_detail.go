package web

import (
	"fmt"
	"strconv"
	"strings"

	"twincities/internal/content"
	"twincities/internal/i18n"
	"twincities/internal/store"
)

// auditDetail is an audit line's detail in words in the staff's language, not as the store wrote
// it: a new account's role, the version a revert went back to, the city an event or an award was
// purged with, what a schedule was set or cancelled for and when, in Perm time. A detail it does
// not know is shown as it is.
func auditDetail(a *i18n.AdminMessages, l content.Lang, action, detail string) string {
	switch action {
	case store.ActionUserAdd:
		if word := a.RoleNames[content.Role(detail)]; word != "" {
			return word
		}
	case store.ActionRevert:
		if n, ok := numberAfter(detail, "version "); ok {
			return fmt.Sprintf(a.AuditRevertedTo, n)
		}
	case store.ActionPurge:
		if n, ok := numberAfter(detail, "city "); ok {
			return fmt.Sprintf(a.AuditWithCity, n)
		}
	case store.ActionScheduleSet, store.ActionScheduleCancel:
		if what, at, ok := store.ParseScheduleDetail(detail); ok {
			noun := a.SchedulePublishNoun
			if what == store.ScheduleUnpublish {
				noun = a.ScheduleUnpublishNoun
			}
			at = at.In(content.PermZone())
			when := i18n.FormatDate(content.DayDate(at.Year(), at.Month(), at.Day()), l) + ", " + at.Format("15:04")
			return fmt.Sprintf(a.ScheduleAuditWhat, upperFirst(noun), when)
		}
	}
	return detail
}

// numberAfter reads "version 3" as 3 for prefix "version ".
func numberAfter(s, prefix string) (int64, bool) {
	rest, ok := strings.CutPrefix(s, prefix)
	if !ok {
		return 0, false
	}
	n, err := strconv.ParseInt(rest, 10, 64)
	return n, err == nil
}

// upperFirst capitalises a noun that begins a line: "publication" is "Publication".
func upperFirst(s string) string {
	for i, r := range s {
		return strings.ToUpper(string(r)) + s[i+len(string(r)):]
	}
	return s
}
