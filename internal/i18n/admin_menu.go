package i18n

// UnreadWord is the word after the count of unread messages in the admin's menu, agreeing with
// n: "1 новое", "3 новых"; "3 new".
func (m *AdminMessages) UnreadWord(n int) string {
	return pluralForm(m.Lang, n, m.MenuUnread)
}
