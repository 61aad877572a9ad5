package i18n

import "twincities/internal/content"

var ru = Messages{
	Lang:     content.RU,
	LangName: "Русский",

	SiteTitle:   "Международные и межмуниципальные связи Перми",
	CityName:    "Пермь",
	SiteTagline: "Международные и межмуниципальные связи",
	Description: "Города-побратимы и города-партнёры Перми, союзы и ассоциации, в которые входит город, и его награды.",

	SkipToContent:  "Перейти к основному содержанию",
	MainNav:        "Основные разделы",
	Breadcrumbs:    "Вы здесь",
	SwitchLanguage: "Язык",
	Home:           "Главная",

	TwinCities:    "Города-побратимы",
	PartnerCities: "Города-партнёры",
	Memberships:   "Союзы и ассоциации",
	Awards:        "Награды",
	About:         "О связях Перми",
	Contacts:      "Контакты",

	TwinCitiesIntro:    "Зарубежные города, с которыми Пермь связывают побратимские отношения.",
	PartnerCitiesIntro: "Российские города, с которыми Пермь подписала соглашения о сотрудничестве.",
	MembershipsIntro:   "Союзы, организации и ассоциации местного самоуправления, в которые входит Пермь.",
	AwardsIntro:        "Признание международной и межмуниципальной деятельности Перми, начиная с последних наград.",

	CountTwinCities:    Forms{One: "город-побратим", Few: "города-побратима", Many: "городов-побратимов"},
	CountPartnerCities: Forms{One: "город-партнёр", Few: "города-партнёра", Many: "городов-партнёров"},
	CountMemberships:   Forms{One: "союз или ассоциация", Few: "союза и ассоциации", Many: "союзов и ассоциаций"},
	CountAwards:        Forms{One: "награда", Few: "награды", Many: "наград"},
	InNumbers:          "В цифрах",

	LatestAwards:   "Последние награды",
	AllTwinCities:  "Все города-побратимы",
	AllPartners:    "Все города-партнёры",
	AllAwards:      "Все награды",
	ActiveTwins:    "Действующие отношения",
	FormerTwins:    "Прекращённые и приостановленные отношения",
	FormerPartners: "Прекращённые и приостановленные соглашения",

	KeyFacts:       "Основные сведения",
	Country:        "Страна",
	Region:         "Регион",
	Since:          "Отношения установлены",
	Status:         "Состояние",
	OfficialSite:   "Официальный сайт города",
	Sources:        "Источники",
	Timeline:       "Хроника",
	RelatedAwards:  "Награды",
	Coordinates:    "Координаты",
	DateUnknown:    "дата уточняется",
	StatusActive:   "Отношения действуют",
	StatusEnded:    "Отношения прекращены",
	StatusSuspend:  "Отношения приостановлены",
	MemberSince:    "Член с",
	ShortName:      "Сокращённое название",
	OrgKind:        "Вид",
	Role:           "Роль Перми",
	Website:        "Сайт",
	AwardedBy:      "Кем вручена",
	Place:          "Место",
	NothingYet:     "Здесь пока ничего нет.",
	MilestonesHead: "Хроника",
	ScopeNames: map[content.Scope]string{
		content.International: "Международные",
		content.National:      "Общероссийские",
		content.Interregional: "Межрегиональные",
	},
	OrgKindNames: map[content.OrgKind]string{
		content.Union:       "Союзы и организации местного самоуправления",
		content.Association: "Ассоциации",
	},

	FooterDepartment: "Управление международных и межмуниципальных связей администрации города Перми",
	FooterNote:       "Сайт не использует сторонние счётчики, шрифты и карты.",

	NotFoundTitle: "Страница не найдена",
	NotFoundText:  "Такой страницы на сайте нет. Возможно, адрес набран с ошибкой или страница была перемещена.",
	ErrorTitle:    "Что-то пошло не так",
	ErrorText:     "На сервере произошла ошибка. Мы уже знаем о ней. Попробуйте открыть страницу ещё раз через несколько минут.",
	BackHome:      "Перейти на главную страницу",
}
