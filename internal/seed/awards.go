package seed

import (
	"time"

	"twincities/internal/content"
)

// award is an award with the slug of the city it concerns, resolved to an ID when loading.
type award struct {
	content.Award
	citySlug string // a twin city's slug, or ""
}

// awards are the awards of ../shared/facts/perm.md.
var awards = []award{
	{Award: content.Award{
		Date:      content.YearDate(2017),
		Published: true,
		Title: content.Text{
			RU: "Лидер рейтинга международной активности среди городов-миллионников",
			EN: "Leader of the international activity rating among million-plus member cities",
		},
		AwardedBy: content.Text{RU: "ОГМВ-Евразия", EN: "UCLG-Eurasia"},
		Sources:   []content.Source{portal2018},
	}},
	{Award: content.Award{
		Date:      content.MonthDate(2018, time.April),
		Published: true,
		Title: content.Text{
			RU: "Победитель номинации «Народная дипломатия — эффективное муниципальное управление» Международного форума лучших муниципальных практик",
			EN: "Winner of the nomination \u201cPeople's diplomacy \u2013 effective municipal government\u201d at the International Forum of Best Municipal Practices",
		},
		AwardedBy: content.Text{RU: "Союз российских городов", EN: "Union of Russian Cities"},
		Place:     content.Text{RU: "Бишкек", EN: "Bishkek"},
		Sources:   []content.Source{portal2018},
	}},
	{citySlug: "duisburg", Award: content.Award{
		Date:      content.DayDate(2018, time.September, 14),
		Published: true,
		Title: content.Text{
			RU: "Почётная грамота министра иностранных дел России городам Перми и Дуйсбургу",
			EN: "Certificate of Merit to the cities of Perm and Duisburg",
		},
		AwardedBy: content.Text{
			RU: "Министерство иностранных дел Российской Федерации",
			EN: "Ministry of Foreign Affairs of the Russian Federation",
		},
		Place: content.Text{RU: "Берлин", EN: "Berlin"},
		Description: content.Text{
			RU: "За значительный вклад в развитие муниципального сотрудничества между Россией и Германией. " +
				"Грамоту вручил министр иностранных дел России на закрытии Российско-германского года " +
				"регионально-муниципальных партнёрств.",
			EN: "\u201cTo the cities of Perm and Duisburg for their significant contribution to developing municipal " +
				"cooperation between Russia and Germany\u201d, presented by the Foreign Minister of Russia at the close " +
				"of the Russian-German Year of Regional and Municipal Partnerships.",
		},
		Sources: []content.Source{portal2018},
	}},
	{Award: content.Award{
		Date:      content.MonthDate(2014, time.December),
		Published: true,
		Title: content.Text{
			RU: "Дипломы в четырёх номинациях конкурса «Город, в котором я хочу жить»",
			EN: "Diplomas in four categories of the competition \u201cCity where I want to live\u201d",
		},
		AwardedBy: content.Text{
			RU: "Международная ассамблея столиц и крупных городов",
			EN: "International Assembly of Capitals and Large Cities",
		},
		Sources: []content.Source{{Title: "Perm city portal, news of December 2014", Translation: "Портал города Перми, новость декабря 2014 г."}},
	}},
}
