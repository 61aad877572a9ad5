package seed

import (
	"time"

	"twincities/internal/content"
)

// event is a timeline event with the slug of its twin city, resolved to an ID when loading.
type event struct {
	content.Event
	citySlug string // a twin city's slug, or "" for Perm's relations in general
}

// events are the timeline items of ../shared/facts/perm.md.
var events = []event{
	{citySlug: "duisburg", Event: content.Event{
		Date:      content.YearDate(2017),
		Published: true,
		Title:     content.Text{RU: "Совместный проект «10 лет партнёрства»", EN: "Joint project \u201c10-year partnership\u201d"},
		Text: content.Text{
			RU: "В 2017–2018 годах, в Российско-германский год регионально-муниципальных партнёрств, Пермь и Дуйсбург провели совместный проект «10 лет партнёрства».",
			EN: "In 2017–2018, the Russian-German Year of Regional and Municipal Partnerships, Perm and Duisburg ran the joint project \u201c10-year partnership\u201d.",
		},
		Sources: []content.Source{portal2018},
	}},
	{Event: content.Event{
		Date:      content.MonthDate(2019, time.June),
		Published: true,
		Title:     content.Text{RU: "Открыт Зал городов-побратимов", EN: "Twinned Cities Hall opened"},
		Text: content.Text{
			RU: "В здании администрации города (ул. Ленина, 23) открылся Зал городов-побратимов: информация, исторические фотографии и подарки от городов-побратимов Перми.",
			EN: "A Twinned Cities Hall opened in the city administration building (23 Lenina Street), with information, historic photos and gifts from Perm's twin cities.",
		},
		Sources: []content.Source{{Title: "Perm city portal: Twinned Cities Hall inaugurated", Translation: "Портал города Перми: открыт Зал городов-побратимов"}, {Title: "59i.ru"}},
	}},
	{Event: content.Event{
		Date:      content.DayDate(2021, time.June, 18),
		Published: true,
		Title: content.Text{
			RU: "Опыт побратимских связей Перми представлен в Государственной думе",
			EN: "Perm's twin-city experience presented in the State Duma",
		},
		Text: content.Text{
			RU: "Глава города Перми рассказал об опыте побратимских связей Перми на заседании комитета Всероссийского конгресса муниципальных образований в Государственной думе.",
			EN: "The Mayor of Perm presented Perm's twin-city experience at a committee of the All-Russian Congress of Municipalities in the State Duma.",
		},
		Link:    portal2021.URL,
		Sources: []content.Source{portal2021},
	}},
}
