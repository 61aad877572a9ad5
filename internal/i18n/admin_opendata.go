package i18n

import "twincities/internal/content"

// The labels and hints of the open data settings (issue 10, open data), and the words for their
// problems, join the admin's shared maps here, as admin_places.go does for places.
func init() {
	add := func(m *AdminMessages, problems map[content.Problem]string, fields, hints map[string]string) {
		for k, v := range problems {
			m.Problems[k] = v
		}
		for k, v := range fields {
			m.Fields[k] = v
		}
		for k, v := range hints {
			m.Hints[k] = v
		}
	}
	add(&adminRU,
		map[content.Problem]string{
			content.ProblemINN:         "ИНН организации\u00a0— 10\u00a0цифр, последняя из которых контрольная; проверьте номер. (12\u00a0цифр бывает у физического лица или предпринимателя.)",
			content.ProblemPhoneDigits: "Укажите телефон с кодом страны и города: от 10 до 15\u00a0цифр, например +7 342 212-34-56.",
		},
		map[string]string{
			"opendata_inn": "ИНН организации", "opendata_creator": "Владелец наборов данных",
			"opendata_name": "Ответственное лицо", "opendata_phone": "Телефон ответственного лица",
			"opendata_email": "Электронная почта ответственного лица", "opendata_frequency": "Периодичность обновления",
		},
		map[string]string{
			"opendata_inn":       "10\u00a0цифр. Идентификатор набора в паспорте: «ИНН-код», например 1234567890-twincities.",
			"opendata_creator":   "Полное название органа, которому принадлежат данные.",
			"opendata_name":      "Фамилия, имя и отчество; через запятую можно указать должность.",
			"opendata_phone":     "С кодом страны и города, например +7 342 212-34-56. В паспорте записывается цифрами: +73422123456.",
			"opendata_email":     "Один адрес, например name@example.org.",
			"opendata_frequency": "Файлы строятся из базы данных при каждом запросе, поэтому меняются вместе с опубликованными записями.",
		})
	add(&adminEN,
		map[content.Problem]string{
			content.ProblemINN:         "An organisation’s INN is 10 digits, the last a check digit: check the number. (12 digits is an individual’s or a sole trader’s.)",
			content.ProblemPhoneDigits: "Enter the phone with its country and area codes: 10 to 15 digits, such as +7 342 212-34-56.",
		},
		map[string]string{
			"opendata_inn": "Organisation’s INN", "opendata_creator": "Owner of the data sets",
			"opendata_name": "Person responsible", "opendata_phone": "Responsible person’s phone",
			"opendata_email": "Responsible person’s e-mail", "opendata_frequency": "Update frequency",
		},
		map[string]string{
			"opendata_inn":       "10 digits. A set’s identifier in its passport is “INN-code”, such as 1234567890-twincities.",
			"opendata_creator":   "The full name of the body the data belongs to, in Russian.",
			"opendata_name":      "Full name; a position may follow after a comma.",
			"opendata_phone":     "With the country and area codes, such as +7 342 212-34-56. The passport writes it as digits: +73422123456.",
			"opendata_email":     "One address, such as name@example.org.",
			"opendata_frequency": "The files are built from the database at every request, so they change with the published entries.",
		})
}
