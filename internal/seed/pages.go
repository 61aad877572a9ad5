package seed

import "twincities/internal/content"

// pages are the about page, from the introduction of ../shared/seed/twin-cities-page.txt with its
// typing errors mended and its hand-written counts left out (the site counts for itself), and the
// contacts page, with the department's name, the one contact fact the sources give.
var pages = []content.Page{
	{
		Key:   content.About,
		Title: content.Text{RU: "О международных и межмуниципальных связях Перми", EN: "About Perm's international and inter-municipal relations"},
		Body: content.Text{
			RU: `Межгородские связи сегодня стали приоритетом во взаимодействии муниципалитетов. В органах местного самоуправления год от года растёт потребность в обмене лучшими практиками и в представлении своих интересов на международном уровне.

Международное и межмуниципальное сотрудничество развивается за счёт расширения его содержания и углубления взаимодействия между городами: чтобы обмениваться опытом, вырабатывать согласованную политику развития города во всех существенных аспектах, представлять её на региональном и федеральном уровнях и отстаивать интересы местного самоуправления.

Участие в побратимских связях, в международных и межмуниципальных ассоциациях и организациях помогает найти пути и формы международного сотрудничества, полезные городам: они открывают доступ к международному опыту, вовлекают в мировое сообщество городов и помогают раскрыть социальный, культурный и промышленный потенциал города.

Пермь не остаётся в стороне от этих процессов. Город активно участвует в международном и межрегиональном сотрудничестве.

Пермь активно развивает народную дипломатию. Эффективное сотрудничество с городами-побратимами позволяет использовать международный опыт и лучшие практики для социально-экономического развития города и способствует взаимопониманию жителей Перми и городов-побратимов на основе общих ценностей.`,
			EN: `Inter-city links have become a priority in the interaction between municipalities. Within local government, the need to exchange best practice and to represent their interests at the international level grows from year to year.

International and inter-municipal cooperation is developing by broadening its content and deepening the interaction between cities, with the aim of exchanging experience, shaping a consolidated policy for the city's development in all its essential aspects, presenting that policy at regional and federal level, and representing the interests of local governments.

Taking part in twin-city links and in international and inter-municipal associations and organisations helps to find the ways and forms of international cooperation that benefit cities: access to international experience, a place in the world community of cities, and the promotion of the city's social, cultural and industrial potential.

Perm takes an active part in these processes, in international and interregional cooperation alike.

Perm is very active in promoting people's diplomacy. Efficient cooperation with twin cities makes it possible to use international experience and best practice for the social and economic development of the city, and to promote understanding between the residents of Perm and its twin cities based on common values.`,
		},
	},
	{
		Key:   content.Contacts,
		Title: content.Text{RU: "Контакты", EN: "Contacts"},
		Body: content.Text{
			RU: `Международными и межмуниципальными связями Перми и этим сайтом занимается **Управление международных и межмуниципальных связей администрации города Перми**.`,
			EN: `Perm's international and inter-municipal relations, and this site, are the work of the **International and Inter-municipal Relations Department of the Administration of the City of Perm**.`,
		},
	},
	// The notes at the top of two lists (issue 9, item 4), from ../shared/facts/perm.md: the
	// city portal counts 7 partner cities, of which 4 are sourced, and 8 unions and organisations
	// and 4 associations, of which fewer are confirmed. Migration 00011 gives the same text to a
	// site that loaded the initial data before the notes existed.
	{
		Key:   content.PartnerCitiesNote,
		Title: content.Text{RU: "Примечание к списку городов-партнёров", EN: "Note on the list of partner cities"},
		Body: content.Text{
			RU: "По данным портала города Перми, Пермь подписала соглашения о сотрудничестве с семью российскими городами. Список пополняется: здесь показаны города, соглашения с которыми подтверждены источниками.",
			EN: "According to the City of Perm's portal, Perm has signed cooperation agreements with seven Russian cities. The list is still being completed: it shows the cities whose agreements are confirmed by sources.",
		},
	},
	{
		Key:   content.MembershipsNote,
		Title: content.Text{RU: "Примечание к списку союзов и ассоциаций", EN: "Note on the list of memberships"},
		Body: content.Text{
			RU: "По данным портала города Перми, Пермь входит в восемь союзов и организаций местного самоуправления и тесно связана с четырьмя ассоциациями. Список пополняется: участие в остальных ещё подтверждается.",
			EN: "According to the City of Perm's portal, Perm is a member of eight unions and organisations of local governments and has close links with four associations. The list is still being completed: the other memberships are still being confirmed.",
		},
	},
}
