package seed

import "twincities/internal/content"

// places are the addresses of ../shared/facts/perm.md, "Contacts: what is known and what is not".
// Only what the sources say is filled in; every other detail is left empty, and the editor's
// note says what is missing and where to look. The department is a draft: its official Russian
// name is not known from the sources, and a published entry needs its name in both languages.
var places = []content.Place{
	{
		Slug: content.DepartmentSlug, SortOrder: 1,
		Name: content.Text{EN: "International and Inter-municipal Relations Department of the Administration of the City of Perm"},
		EditorNote: "НЕ ЗАПОЛНЕНО: по источникам известно только английское название управления. Официальное русское название " +
			"(на сайте пока используется перевод «Управление международных и межмуниципальных связей администрации города Перми»), " +
			"почтовый адрес, телефон, электронная почта, часы работы и руководитель в источниках не указаны. Уточните их в самом " +
			"управлении или на официальном портале города Перми, заполните и опубликуйте. " +
			"(NOT FILLED: the sources give only the department's English name. Its official Russian name, postal address, phone, " +
			"e-mail, opening hours and head are not in the sources. Check them with the department or on the official portal of the " +
			"City of Perm, fill them in and publish.)",
	},
	{
		Slug: "twinned-cities-hall", SortOrder: 2, Published: true,
		Name: content.Text{RU: "Зал городов-побратимов", EN: "Twinned Cities Hall"},
		Description: content.Text{
			RU: "Открыт в июне 2019 г. в здании администрации города: информация, исторические фотографии и подарки от городов-побратимов Перми.",
			EN: "Opened in June 2019 in the city administration building, with information, historic photos and gifts from Perm's twin cities.",
		},
		Address: content.Text{RU: "ул. Ленина, 23, Пермь", EN: "23 Lenina Street, Perm"},
		EditorNote: "НЕ ЗАПОЛНЕНО: известен только адрес (здание администрации города, ул. Ленина, 23; источники: новость портала " +
			"города Перми «Twinned Cities Hall inaugurated», июнь 2019 г., и 59i.ru). Телефон, электронная почта, часы работы и " +
			"порядок посещения в источниках не указаны: уточните в управлении международных и межмуниципальных связей и заполните. " +
			"(NOT FILLED: only the address is known (the city administration building, Lenina St, 23; sources: the Perm city portal's " +
			"news \"Twinned Cities Hall inaugurated\", June 2019, and 59i.ru). Phone, e-mail, opening hours and how to visit are not " +
			"in the sources: check them with the International and Inter-municipal Relations Department and fill them in.)",
	},
}

// Places returns a copy of the initial places.
func Places() []content.Place { return append([]content.Place(nil), places...) }
