package i18n

import "twincities/internal/content"

// The labels and hints of a place's form fields, and the words for places in the history, join
// the admin's shared maps here rather than in the catalogues' literals, so that the kind's words
// stay together in one file. A label another kind already gives (name, slug, e-mail, website,
// latitude and longitude, sort order, editor's note) is shared, not repeated.
func init() {
	add := func(m *AdminMessages, entity, problem string, fields, hints map[string]string) {
		m.EntityNames[content.EntityPlace] = entity
		m.Problems[content.ProblemPhone] = problem
		for k, v := range fields {
			m.Fields[k] = v
		}
		for k, v := range hints {
			m.Hints[k] = v
		}
	}
	add(&adminRU, "адрес", "Укажите номер телефона: цифры, пробелы, знак +, скобки и дефисы.",
		map[string]string{
			"address": "Адрес", "phone": "Телефон", "hours": "Часы работы",
			"head_name": "Руководитель: имя", "head_position": "Руководитель: должность",
		},
		map[string]string{
			"address":     "Как его пишут на конверте. Пусто, если неизвестен.",
			"phone":       "Как его набирают: цифры, пробелы, знак +, скобки и дефисы. Пусто, если неизвестен.",
			"place_email": "Один адрес, например name@example.org. Пусто, если неизвестен.",
			"hours":       "Как их показать посетителям. Пусто, если неизвестны.",
		})
	add(&adminEN, "address", "Enter a phone number: digits, spaces, the + sign, brackets and hyphens.",
		map[string]string{
			"address": "Address", "phone": "Phone", "hours": "Opening hours",
			"head_name": "Head: name", "head_position": "Head: position",
		},
		map[string]string{
			"address":     "As written on an envelope. Empty when not known.",
			"phone":       "As people dial it: digits, spaces, the + sign, brackets and hyphens. Empty when not known.",
			"place_email": "One address, such as name@example.org. Empty when not known.",
			"hours":       "As visitors should read them. Empty when not known.",
		})
}
