package i18n

import "twincities/internal/content"

// The publisher's role, the audit log's words for a review and the labels of its fields (issue
// 11, review before publishing) join the admin's shared maps here.
func init() {
	add := func(m *AdminMessages, role string, actions, fields map[string]string) {
		m.RoleNames[content.Publisher] = role
		for k, v := range actions {
			m.ActionNames[k] = v
		}
		for k, v := range fields {
			m.Fields[k] = v
		}
	}
	add(&adminRU, "выпускающий редактор",
		map[string]string{"review_request": "отправка на согласование", "review_approve": "одобрение и публикация",
			"review_return": "возврат с комментарием"},
		map[string]string{"review_note": "Пояснение для согласующего", "review_comment": "Комментарий для автора"})
	add(&adminEN, "publisher",
		map[string]string{"review_request": "sent for review", "review_approve": "approved and published",
			"review_return": "returned with a comment"},
		map[string]string{"review_note": "Note for the reviewer", "review_comment": "Comment for the author"})
}
