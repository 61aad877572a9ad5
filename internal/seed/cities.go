package seed

import (
	"time"

	"twincities/internal/content"
)

func at(lat, lon float64) *content.GeoPoint { return &content.GeoPoint{Lat: lat, Lon: lon} }

// twinCities are the six twin cities of ../shared/facts/perm.md, with their sources.
var twinCities = []content.City{
	{
		Kind: content.Twin, Slug: "amneville-les-thermes", TimeZone: "Europe/Paris", Country: "FR", Published: true,
		Name:     content.Text{RU: "Амневиль", EN: "Amnéville-les-Thermes"},
		Location: at(49.25, 6.14), Since: content.YearDate(1992), Status: content.Active,
		Sources: []content.Source{friendshipWasBorn, portal2021},
	},
	{
		Kind: content.Twin, Slug: "louisville", TimeZone: "America/Kentucky/Louisville", Country: "US", Published: true,
		Name:       content.Text{RU: "Луисвилл", EN: "Louisville"},
		Region:     content.Text{RU: "Кентукки", EN: "Kentucky"},
		Location:   at(38.25, -85.76),
		Since:      content.YearDate(1994),
		Status:     content.Ended,
		StatusDate: content.MonthDate(2022, time.June),
		StatusNote: content.Text{
			RU: "Мэр Луисвилла прекратил отношения, оставив возможность их восстановить.",
			EN: "The Mayor of Louisville ended the relationship, leaving the door open to restore it.",
		},
		Sources: []content.Source{
			{Title: "sclou.org: Perm", Translation: "sclou.org: Пермь", URL: "https://www.sclou.org/perm"},
			{Title: "Courier-Journal, 17 March 2022", Translation: "Courier-Journal, 17 марта 2022 г."},
			{Title: "ural.octagon.media, June 2022", Translation: "ural.octagon.media, июнь 2022 г."},
		},
	},
	{
		Kind: content.Twin, Slug: "oxford", TimeZone: "Europe/London", Country: "GB", Published: true,
		Name:       content.Text{RU: "Оксфорд", EN: "Oxford"},
		Location:   at(51.75, -1.26),
		Since:      content.YearDate(1995),
		Status:     content.Ended,
		StatusDate: content.MonthDate(2022, time.March),
		StatusNote: content.Text{
			RU: "Городской совет Оксфорда прекратил побратимские отношения (в некоторых сообщениях — приостановил).",
			EN: "Oxford City Council ended the twinning (some reports say it put the twinning on hold).",
		},
		Summary: content.Text{
			RU: "Контакты между городами начались в 1990 году, побратимские отношения установлены в 1995 году.",
			EN: "Contacts between the cities began in 1990; the twinning dates from 1995.",
		},
		Sources: []content.Source{
			{Title: "Oxford Mail, 2022", Translation: "Oxford Mail, 2022 г."},
			{Title: "LocalGov: Oxford council ends twinning arrangement with Russian city", Translation: "LocalGov: совет Оксфорда прекращает побратимство с российским городом",
				URL: "https://www.localgov.co.uk/Oxford-council-ends-twinning-arrangement-with-Russian-city/53807"},
		},
	},
	{
		// The facts mark the date UNCERTAIN: the city is published, the date stays empty until staff
		// confirm it.
		Kind: content.Twin, Slug: "agrigento", TimeZone: "Europe/Rome", Country: "IT", Published: true,
		Name:     content.Text{RU: "Агридженто", EN: "Agrigento"},
		Location: at(37.31, 13.58),
		Status:   content.Active,
		EditorNote: "ДАТА НЕ ПОДТВЕРЖДЕНА: по источникам, дружба установлена решениями советов в 2005 г., " +
			"официальное побратимство — в 2012 г. Когда дата подтвердится, укажите 2012 г. и добавьте в краткое " +
			"описание: «2012 г. (официальное побратимство); связи с 2005 г.». До тех пор дата остаётся пустой. " +
			"(UNCERTAIN DATE: sources give friendship by council decisions in 2005 and official twinning " +
			"in 2012. Once confirmed, set the date to 2012 and add to the summary: \"2012 (official twinning); " +
			"links since 2005\". Until then the date stays empty.)",
		Sources: []content.Source{
			{Title: "it.rbth.com, 2013", Translation: "it.rbth.com, 2013 г."},
			{Title: "agrigentoweb.it, 2018", Translation: "agrigentoweb.it, 2018 г."},
			friendshipWasBorn,
		},
	},
	{
		Kind: content.Twin, Slug: "qingdao", TimeZone: "Asia/Shanghai", Country: "CN", Published: true,
		Name:     content.Text{RU: "Циндао", EN: "Qingdao"},
		Location: at(36.07, 120.38),
		Since:    content.MonthDate(2006, time.November),
		Status:   content.Active,
		Summary: content.Text{
			RU: "Соглашение подписали мэры двух городов в ноябре 2006 года; контакты между городами начались в 2003 году.",
			EN: "The agreement was signed by the two mayors in November 2006; contacts between the cities began in 2003.",
		},
		Sources: []content.Source{{Title: "china-sd.com, November 2006", Translation: "china-sd.com, ноябрь 2006 г.", URL: "http://www.china-sd.com/News/2006-11/15_356.html"}},
	},
	{
		Kind: content.Twin, Slug: "duisburg", TimeZone: "Europe/Berlin", Country: "DE", Published: true,
		Name:     content.Text{RU: "Дуйсбург", EN: "Duisburg"},
		Location: at(51.43, 6.76),
		Since:    content.DayDate(2007, time.October, 15),
		Status:   content.Active,
		Summary: content.Text{
			RU: "Соглашение подписано 15 октября 2007 года в Висбадене, на форуме «Петербургский диалог».",
			EN: "The agreement was signed on 15 October 2007 at the Petersburg Dialogue in Wiesbaden.",
		},
		Sources: []content.Source{{Title: "duisburg.de: partner city page for Perm", Translation: "duisburg.de: страница о городе-партнёре Перми"}},
	},
}

// partnerCities are the four Russian partner cities the facts source; staff add the others.
var partnerCities = []content.City{
	{
		Kind: content.Partner, Slug: "yekaterinburg", TimeZone: "Asia/Yekaterinburg", Country: "RU", Published: true, Status: content.Active,
		Name:     content.Text{RU: "Екатеринбург", EN: "Yekaterinburg"},
		Region:   content.Text{RU: "Свердловская область", EN: "Sverdlovsk Oblast"},
		Location: at(56.84, 60.61),
		Since:    content.DayDate(2022, time.March, 30),
		Sources: []content.Source{{Title: "eburg.veved.ru",
			URL: "https://eburg.veved.ru/eburg/news/politika/173212-glavy-ekaterinburga-i-permi-podpisali-o-mezhmunicipalnom-sotrudnichestve/amp.html"}},
	},
	{
		Kind: content.Partner, Slug: "tyumen", TimeZone: "Asia/Yekaterinburg", Country: "RU", Published: true, Status: content.Active,
		Name:     content.Text{RU: "Тюмень", EN: "Tyumen"},
		Region:   content.Text{RU: "Тюменская область", EN: "Tyumen Oblast"},
		Location: at(57.15, 65.53),
		Since:    content.DayDate(2022, time.June, 2),
		Sources:  []content.Source{{Title: "ura.news", URL: "https://ura.news/news/1052558340"}},
	},
	{
		Kind: content.Partner, Slug: "ufa", TimeZone: "Asia/Yekaterinburg", Country: "RU", Published: true, Status: content.Active,
		Name:     content.Text{RU: "Уфа", EN: "Ufa"},
		Region:   content.Text{RU: "Республика Башкортостан", EN: "Republic of Bashkortostan"},
		Location: at(54.74, 55.97),
		Since:    content.MonthDate(2022, time.July),
		Sources: []content.Source{
			{Title: "perm.rbc.ru, July 2022", Translation: "perm.rbc.ru, июль 2022 г."},
			{Title: "Kommersant", Translation: "Коммерсантъ", URL: "https://www.kommersant.ru/amp/5797638"},
		},
	},
	{
		Kind: content.Partner, Slug: "kazan", TimeZone: "Europe/Moscow", Country: "RU", Published: true, Status: content.Active,
		Name:     content.Text{RU: "Казань", EN: "Kazan"},
		Region:   content.Text{RU: "Республика Татарстан", EN: "Republic of Tatarstan"},
		Location: at(55.79, 49.12),
		Since:    content.DayDate(2023, time.January, 31),
		Sources: []content.Source{
			{Title: "perm-gid.ru", URL: "https://perm-gid.ru/news/gosudarstvo/mery-permi-i-kazani-podpisali-soglashenie-o-sotrudnichestve-mezhdu-gorodami.htm"},
			{Title: "tatar-inform.ru", URL: "https://tatar-inform.ru/news/kazan-i-perm-zaklyucili-soglasenie-o-sotrudnicestve-5894988"},
		},
	},
}
