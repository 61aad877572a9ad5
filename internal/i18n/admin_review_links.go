package i18n

// The audit log's words for review links (issue 11, review links) join the admin's shared maps
// here, beside the rest of the words about them: the actions, and the one field their lines
// change, until when the link works (store.ReviewLinkUntilField).
func init() {
	add := func(m *AdminMessages, made, revoked, until string) {
		m.ActionNames["review_link_create"] = made
		m.ActionNames["review_link_revoke"] = revoked
		m.Fields["review_link_until"] = until
	}
	add(&adminRU, "создание ссылки для согласования", "отзыв ссылки для согласования", "Ссылка для согласования действует до")
	add(&adminEN, "review link made", "review link revoked", "Review link works until")
}
