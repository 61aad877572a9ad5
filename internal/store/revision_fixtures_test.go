package store_test

import (
	"time"

	"twincities/internal/content"
)

// Revisions written before the revision envelope existed are the plain JSON of the entry structs
// as they were then, with no json tags but on Text and Source: Go field names as keys. Production
// databases hold such rows, and the history, revert and the conflict page read them for as long as
// the entry lives. testdata/revisions/v1 holds one such row of each kind, made by json.Marshal of
// the values below with the untagged structs (and printed by PostgreSQL's jsonb_pretty, as the
// column gives them back); the tests check that they still decode to exactly these values.
//
// Never regenerate those files from today's structs: they are the record of what was stored. Every
// field is set, so that a field lost in translation shows.

// Times as pgx hands them over: microseconds, in the server's zone (Perm is UTC+5).
var (
	perm      = time.FixedZone("", 5*60*60)
	created   = time.Date(2026, time.November, 26, 22, 37, 17, 123456000, time.UTC)
	updated   = time.Date(2026, time.November, 30, 15, 21, 8, 654321000, perm)
	deleted   = time.Date(2026, time.December, 1, 9, 0, 0, 1000, perm)
	displayV1 = content.ImageFile{
		Hash:        "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
		ContentType: "image/jpeg", Width: 1600, Height: 1067,
	}
	thumbV1 = content.ImageFile{
		Hash:        "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752",
		ContentType: "image/png", Width: 480, Height: 320,
	}
)

// pictureV1 is a picture with every field set; alt says whose it is.
func pictureV1(id int64, alt string) *content.Picture {
	return &content.Picture{
		ImageID: id, Display: displayV1, Thumb: thumbV1,
		Alt:    content.Text{RU: "Фото: " + alt, EN: "Photo: " + alt},
		Credit: "Администрация г. Перми",
	}
}

func cityV1() content.City {
	return content.City{
		ID: 3, Kind: content.Twin, Slug: "duisburg",
		Name:     content.Text{RU: "Дуйсбург", EN: "Duisburg"},
		Country:  "DE",
		Region:   content.Text{RU: "Северный Рейн — Вестфалия", EN: "North Rhine-Westphalia"},
		Location: &content.GeoPoint{Lat: 51.4344, Lon: 6.7623},
		Since:    content.MonthDate(2007, time.October),
		Status:   content.Suspended, StatusDate: content.YearDate(2022),
		StatusNote: content.Text{RU: "Контакты приостановлены.", EN: "Contacts are suspended."},
		Summary:    content.Text{RU: "Город-побратим с 2007 года.", EN: "A twin city since 2007."},
		Body:       content.Text{RU: "Первая встреча.\n\nВторая встреча.", EN: "First meeting.\n\nSecond meeting."},
		Website:    "https://www.duisburg.de/",
		Sources: []content.Source{
			{Title: "Решение Пермской городской думы"},
			{Title: "Duisburg: Städtepartnerschaften", URL: "https://www.duisburg.de/partner"},
		},
		Published: true, EditorNote: "Проверить дату у отдела.", SortOrder: 20,
		Picture: pictureV1(11, "Дуйсбург"),
		Version: 4, DeletedAt: &deleted, CreatedAt: created, UpdatedAt: updated,
	}
}

func organizationV1() content.Organization {
	return content.Organization{
		ID: 5, Slug: "uclg-eurasia", Kind: content.Union, Scope: content.International,
		Name:        content.Text{RU: "Объединённые города и местные власти — Евразия", EN: "United Cities and Local Governments Eurasia"},
		ShortName:   content.Text{RU: "ОГМВ-Евразия", EN: "UCLG-Eurasia"},
		MemberSince: content.YearDate(2004),
		Role:        content.Text{RU: "Член совета", EN: "Council member"},
		Description: content.Text{RU: "Региональная секция *ОГМВ*.", EN: "The regional section of *UCLG*."},
		Website:     "https://euroasia-uclg.ru/",
		Sources:     []content.Source{{Title: "UCLG-Eurasia: members", URL: "https://euroasia-uclg.ru/members"}},
		Published:   true, EditorNote: "Логотип от секретариата.", SortOrder: 10,
		Picture: pictureV1(12, "логотип"),
		Version: 2, DeletedAt: &deleted, CreatedAt: created, UpdatedAt: updated,
	}
}

func awardV1() content.Award {
	cityID := int64(3)
	return content.Award{
		ID: 7, Date: content.DayDate(2007, time.October, 15),
		Title:       content.Text{RU: "Почётный диплом", EN: "Honorary diploma"},
		AwardedBy:   content.Text{RU: "Совет Европы", EN: "Council of Europe"},
		Place:       content.Text{RU: "Страсбург", EN: "Strasbourg"},
		Description: content.Text{RU: "За развитие побратимских связей.", EN: "For twinning."},
		CityID:      &cityID,
		Sources:     []content.Source{{Title: "Council of Europe", URL: "https://www.coe.int/"}},
		Published:   true, EditorNote: "Оригинал в музее.",
		Picture: pictureV1(13, "диплом"),
		Version: 3, DeletedAt: &deleted, CreatedAt: created, UpdatedAt: updated,
	}
}

func eventV1() content.Event {
	cityID := int64(3)
	return content.Event{
		ID: 9, CityID: &cityID, Date: content.DayDate(2008, time.May, 30),
		Title:     content.Text{RU: "Делегация Дуйсбурга в Перми", EN: "A Duisburg delegation in Perm"},
		Text:      content.Text{RU: "Визит на **День города**.", EN: "A visit for **City Day**."},
		Link:      "https://www.gorodperm.ru/news/2008/05/30/",
		Sources:   []content.Source{{Title: "Газета «Пермский обозреватель»"}},
		Published: true, EditorNote: "Фото ищем.",
		Version: 2, DeletedAt: &deleted, CreatedAt: created, UpdatedAt: updated,
	}
}

func pageV1() content.Page {
	return content.Page{
		ID: 1, Key: content.About,
		Title:   content.Text{RU: "О сайте", EN: "About"},
		Body:    content.Text{RU: "Побратимы Перми.\n\n- Дуйсбург", EN: "Perm's twin cities.\n\n- Duisburg"},
		Version: 6, CreatedAt: created, UpdatedAt: updated,
	}
}

// shape1Fixture is one stored revision of shape 1 and what it must decode to.
type shape1Fixture struct {
	file string // under testdata/revisions/v1
	want content.Entry
}

func shape1Fixtures() []shape1Fixture {
	return []shape1Fixture{
		{"city.json", cityV1()},
		{"organization.json", organizationV1()},
		{"award.json", awardV1()},
		{"event.json", eventV1()},
		{"page.json", pageV1()},
	}
}
